"""What the cluster tests share: composed inputs of every kind, runs of ``extract`` to compare
with, and worker plugins that kill the process reading or extracting a given document."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner
from distributed import Client, WorkerPlugin

from meetingx import batch
from meetingx.cli import main
from meetingx.cluster import shard as shard_module

NEWS = ("2024年4月12日下午，市图书馆召开读者服务工作推进会。馆长李文静主持会议并讲话，副馆长赵明通报了一季度"
        "借阅情况。会议要求，一是优化开放时间，二是加强志愿者培训。")
HTML = ("<html><head><title>县农业农村局召开春耕生产调度会</title></head><body><p>3月18日上午，县农业农村局在三楼"
        "会议室召开春耕生产调度会。局长陈国强主持会议，副局长周红汇报了备耕进展。</p></body></html>")
MINUTES = ("Minutes of the Parks Committee meeting held on 6 May 2024 at the Town Hall.\n"
           "Present: Cllr Ann Hale (Chair), Cllr Tom Reed, Cllr Priya Shah.\n"
           "Resolved: that the repairs to the Mill Lane playground be approved. For 5, against 1.\n")
BRIEF = "5月20日上午，区卫生健康局召开夏季防汛工作会。局长孙立主持会议。"


def jsonl(*objects: object) -> str:
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects)


def compose_inputs(folder: Path) -> list[str]:
    """A folder of documents of every kind and of the errors a batch meets, and a JSON Lines
    file beside it; the specs that name them (absolute paths)."""
    folder.mkdir()
    (folder / "a.txt").write_text(NEWS, encoding="utf-8")
    (folder / "b.html").write_text(HTML, encoding="utf-8")
    (folder / "dup.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")  # reads to no text: claims no id
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")  # a type meetingx does not read
    (folder / "sub").mkdir()
    (folder / "sub" / "gb.txt").write_bytes(BRIEF.encode("gb18030"))
    lines = jsonl({"id": "j1", "text": NEWS, "publish_date": "2024-04-13"}, {"id": 7, "text": BRIEF}) \
        + "{oops\n\n" + jsonl({"id": "dup", "text": NEWS}, {"id": "empty", "text": BRIEF},
                              {"id": "empty", "text": NEWS}, {"id": "no-text"}, {"text": MINUTES})
    (folder / "z.jsonl").write_text(lines, encoding="utf-8")
    beside = folder.parent / "more.jsonl"
    beside.write_text(jsonl({"id": "a", "text": BRIEF}, {"id": "m2", "text": MINUTES}), encoding="utf-8")
    return [str(folder), str(beside), str(folder / "a.txt")]


def extract_outputs(specs: list[str], out: Path, *options: str) -> tuple[bytes, bytes]:
    """The records and error entries ``meetingx extract`` writes for ``specs``."""
    records, errors = out / "extract.jsonl", out / "extract-errors.jsonl"
    CliRunner().invoke(main, ["extract", *specs, "-o", str(records), "--errors", str(errors), *options])
    return records.read_bytes(), errors.read_bytes()


def shard_outputs(out_dir: Path) -> tuple[bytes, bytes]:
    """The records and error entries of all the shards of ``out_dir``, in shard order."""
    def joined(kind: str) -> bytes:
        return b"".join(path.read_bytes() for path in sorted(out_dir.glob(f"{kind}-*.jsonl")))
    return joined("records"), joined("errors")


def ids(lines: bytes) -> list[str]:
    return [json.loads(line)["id"] for line in lines.splitlines()]


class KillReading(WorkerPlugin):
    """Kill the Dask worker (SIGKILL) that reads the document ``doc_id`` for its shard: each
    time, or only the first time when ``once`` names a marker file (the first to create it)."""

    name = "meetingx-test-kill-reading"

    def __init__(self, doc_id: str, once: Path | None = None) -> None:
        self.doc_id = doc_id
        self.once = once

    def setup(self, worker: object) -> None:
        real = self.real = shard_module.read_unit

        def read_unit(unit, cwd):
            item = real(unit, cwd)
            if item.id == self.doc_id and self._fire():
                os.kill(os.getpid(), signal.SIGKILL)
            return item

        shard_module.read_unit = read_unit

    def _fire(self) -> bool:
        if self.once is None:
            return True
        try:
            os.close(os.open(self.once, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return False
        return True

    def teardown(self, worker: object) -> None:
        shard_module.read_unit = self.real


class KillExtraction(WorkerPlugin):
    """Kill the process that extracts the document ``doc_id`` (with a time limit, the process
    a shard forks for its documents, as ``meetingx extract`` forks one)."""

    name = "meetingx-test-kill-extraction"

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id

    def setup(self, worker: object) -> None:
        self.real = batch.extract_document
        batch.extract_document = killing(self.doc_id, self.real)

    def teardown(self, worker: object) -> None:
        batch.extract_document = self.real


def killing(doc_id: str, real):
    """``extract_document`` that kills its process on the document ``doc_id``."""
    def extract_document(document, publish_date=None, tagger=True):
        if document.id == doc_id:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(document, publish_date, tagger=tagger)
    return extract_document


@contextmanager
def plugged(client: Client, plugin: WorkerPlugin) -> Iterator[None]:
    """``plugin`` on every worker of the cluster, restarted ones too, for the block."""
    client.register_plugin(plugin)
    try:
        yield
    finally:
        client.unregister_worker_plugin(plugin.name)
