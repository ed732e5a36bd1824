"""A local Dask cluster of two worker processes, shared by the cluster tests; without
``meetingx[cluster]`` installed, none of these tests is collected."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest

if importlib.util.find_spec("distributed") is None:
    collect_ignore_glob = ["*.py"]
else:
    @pytest.fixture(scope="session")
    def cluster_client() -> Iterator[Any]:
        """A client of a local cluster of 2 workers. A task is given up after its worker died
        twice (Dask's default is four times), so that a poison document costs four restarts
        (twice among other shards, twice alone) rather than eight."""
        import dask

        from meetingx.cluster.run import connect

        with dask.config.set({"distributed.scheduler.allowed-failures": 1}), connect(None, 2) as client:
            yield client
