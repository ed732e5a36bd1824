"""The batch of ``meetingx extract`` on a Dask cluster, committed shard by shard and resumable.

- :mod:`.plan`: the inputs cut into shards of documents in input order, without reading them
  into the client;
- :mod:`.shard`: a shard's task, which reads and extracts its documents as ``extract`` does and
  writes ``records-NNNNN.jsonl`` and ``errors-NNNNN.jsonl``, each appearing only complete;
- :mod:`.manifest`: ``manifest.json``, what each shard's files hold, so that a re-run keeps them;
- :mod:`.run`: the client (:func:`.run.connect`, :func:`.run.run_cluster`), the one module that
  needs ``distributed`` (the ``cluster`` extra).
"""

#: Documents per shard by default. A shard costs some 70 ms of CPU besides its documents (its
#: task, forking the process that extracts within the time limit, syncing two files): about 3%
#: of 500 short reports. Fewer would cost more; more would make a re-run redo more, and a
#: document that kills every worker cost more documents their record.
DEFAULT_SHARD_SIZE = 500
