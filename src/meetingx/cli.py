"""The ``meetingx`` command: a thin layer over the Python API."""

from __future__ import annotations

import atexit
import json
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from meetingx import __version__
from meetingx.cluster import DEFAULT_SHARD_SIZE

if TYPE_CHECKING:
    from meetingx.batch import BatchCounts
    from meetingx.reading import InputError

#: ``meetingx extract --timeout``'s default, in seconds. The largest document accepted (5 MB)
#: takes about 10 s on the development machine; one still running after six times that is taken
#: to be stuck on something it should not be.
DEFAULT_TIMEOUT = 60.0


@click.group()
@click.version_option(__version__, prog_name="meetingx")
def main() -> None:
    """Meeting reports to validated, source-grounded JSON records."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write JSON Lines here (atomically, one run at a time) instead of standard output.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write error entries (JSON Lines) here instead of standard error.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes extracting in parallel; output keeps input order.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Time limit for extracting one document (0: none); "
                                      "a document over it gets a 'timeout' error entry.")
@click.option("--resume", is_flag=True,
              help="Keep the records already in OUTPUT (or left by a killed run) and add the rest.")
@click.option("--publish-date", default=None, metavar="YYYY-MM-DD",
              help="Publish date to use where the input states none.")
@click.option("--no-tagger", "no_tagger", is_flag=True,
              help="Find people by the rules alone: about 1.3-1.5x as fast, fewer names without a title found.")
@click.option("--save-texts", "save_texts", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write the text each record indexes to DIR/<id>.txt (UTF-8), for validate --sources DIR.")
def extract(inputs: tuple[str, ...], output: Path | None, errors_path: Path | None, jobs: int,
            timeout: float, resume: bool, publish_date: str | None, no_tagger: bool,
            save_texts: Path | None) -> None:
    """Extract one record per document from files (text, HTML, Word, RTF, PDF, scans), directories,
    JSONL files or - (stdin). An input that yields no record gets an error entry instead.

    Exit status: 0 every document gave a record; 1 some gave an error entry, or a write failed;
    2 a usage error, or OUTPUT is being written by another run; 130 on SIGINT, 143 on SIGTERM
    (OUTPUT.partial is kept for --resume)."""
    from meetingx.batch import BatchCounts, run_batch
    from meetingx.output import OutputFailed, OutputLocked
    from meetingx.reading import iter_inputs
    from meetingx.record import is_calendar_date

    if publish_date is not None and not is_calendar_date(publish_date):
        raise click.BadParameter("expected a date written YYYY-MM-DD", param_hint="--publish-date")
    if resume and output is None:
        raise click.UsageError("--resume needs -o/--output")
    counts = BatchCounts()
    kept = f"; the records written so far are in {output}.partial: run again with --resume to go on" \
        if output is not None else ""
    with _signals_raised():
        try:
            with ExitStack() as stack:
                try:
                    write_record, write_error, done_ids = _open_outputs(stack, output, errors_path, resume)
                except (OutputLocked, OutputFailed) as error:
                    raise _Refused(str(error)) from None
                documents = iter_inputs(inputs)
                if save_texts is not None:
                    from meetingx.reading.sources import saving_texts

                    documents = saving_texts(documents, save_texts)
                run_batch(documents, write_record, write_error, publish_date=publish_date,
                          jobs=jobs, timeout=timeout or None, done_ids=done_ids,
                          progress=sys.stderr.isatty(), tagger=not no_tagger, counts=counts)
        except OutputFailed as error:
            if output is None:
                _drop_standard_output()
            _stop(f"{error}{kept}", counts, 1)
        except _Stopped as stopped:
            _stop(f"stopped by {stopped.signal.name}{kept}", counts, 128 + stopped.signal)
    click.echo(counts.summary(), err=True)
    sys.exit(1 if counts.errors else 0)


class _Refused(click.ClickException):
    """An input the command cannot read, or an output it cannot open or another run holds:
    ``Error: <message>`` and exit status 2, as for a usage error."""

    exit_code = 2


class _Stopped(BaseException):
    """SIGINT or SIGTERM, raised where the main thread is; like KeyboardInterrupt, not an
    Exception, so that no ``except Exception`` on the way takes it for a document's failure."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signal = signal.Signals(signum)


@contextmanager
def _signals_raised() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`_Stopped` inside the block (their handlers come back
    after it). Only the main thread may set handlers: elsewhere (a caller running the command in
    a thread) the signals keep theirs."""

    def stop(signum: int, frame: object) -> None:
        raise _Stopped(signum)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _open_outputs(stack: ExitStack, output: Path | None, errors_path: Path | None,
                  resume: bool) -> tuple[Callable[[str], None], Callable[[InputError], None], Counter[str] | None]:
    """``(write_record, write_error, done_ids)`` of a run: records to ``output`` (an
    :class:`OutputFile`) or standard output, error entries to ``errors_path`` or standard error."""
    from tqdm import tqdm

    from meetingx.output import LineFile, LineStream, OutputFile, json_line

    if errors_path is None:
        def write_error(error: InputError) -> None:
            # tqdm.write keeps the line clear of a progress bar on the same terminal.
            tqdm.write(json_line(error.to_json_dict()), file=sys.stderr)
    else:
        errors_file = stack.enter_context(LineFile(errors_path))

        def write_error(error: InputError) -> None:
            errors_file.write(json_line(error.to_json_dict()))
    if output is None:
        return LineStream(sys.stdout, "standard output").write, write_error, None
    output_file = stack.enter_context(OutputFile(output, resume=resume))
    return output_file.write, write_error, output_file.done_ids


def _drop_standard_output() -> None:
    """Point standard output at the null device, so that the lines a failed write left in its
    buffer do not fail again, with a traceback, when Python flushes it on exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor behind it (a test's capture)
        pass


def _stop(message: str, counts: BatchCounts, status: int) -> NoReturn:
    """End a run that could not finish: the message, the summary of what was done, ``status``."""
    click.echo(f"meetingx: {message}", err=True)
    click.echo(counts.summary(), err=True)
    sys.exit(status)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out-dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Write the shards' records-NNNNN.jsonl, errors-NNNNN.jsonl and manifest.json here.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A running Dask scheduler (tcp://host:8786); default: a local cluster of --workers processes.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster (default: one per core).")
@click.option("--shard-size", type=click.IntRange(min=1), default=DEFAULT_SHARD_SIZE, show_default=True,
              help="Documents per shard, in input order.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Time limit for extracting one document (0: none); "
                                      "a document over it gets a 'timeout' error entry.")
@click.option("--publish-date", default=None, metavar="YYYY-MM-DD",
              help="Publish date to use where the input states none.")
@click.option("--no-tagger", "no_tagger", is_flag=True,
              help="Find people by the rules alone: about 1.3-1.5x as fast, fewer names without a title found.")
def cluster(inputs: tuple[str, ...], out_dir: Path, scheduler: str | None, workers: int | None, shard_size: int,
            timeout: float, publish_date: str | None, no_tagger: bool) -> None:
    """Extract as `extract` does, on a Dask cluster, in shards of documents written to OUT_DIR as
    each completes. Run again to redo only the shards that are missing, torn or whose task died.

    The records of all shards, read in shard order, are those `extract` writes for the same inputs.
    Exit status as for `extract` (0 every document gave a record, 1 some gave an error entry or a
    shard could not be written, 2 a usage error or OUT_DIR being written by another run)."""
    from meetingx.record import is_calendar_date

    if publish_date is not None and not is_calendar_date(publish_date):
        raise click.BadParameter("expected a date written YYYY-MM-DD", param_hint="--publish-date")
    if scheduler is not None and workers is not None:
        raise click.UsageError("--workers sets up a local cluster: it cannot go with --scheduler")
    try:
        from meetingx.cluster.run import ClusterRun, SchedulerUnreachable, ShardFailed, run_cluster
    except ModuleNotFoundError as missing:
        if missing.name not in ("dask", "distributed"):
            raise
        raise click.ClickException("meetingx cluster needs Dask distributed: install the cluster extra, "
                                   "pip install 'meetingx[cluster]'") from None
    from meetingx.output import OutputFailed, OutputLocked

    run = ClusterRun()
    again = "; the shards written so far are kept: run again to go on"
    with _signals_raised():
        try:
            run_cluster(inputs, out_dir, scheduler=scheduler, workers=workers, shard_size=shard_size,
                        publish_date=publish_date, tagger=not no_tagger, timeout=timeout or None,
                        progress=sys.stderr.isatty(), run=run)
        except (OutputLocked, SchedulerUnreachable) as error:
            raise _Refused(str(error)) from None
        except (ShardFailed, OutputFailed) as error:
            _stop(f"{error}{again}", run.counts, 1)
        except _Stopped as stopped:
            _stop(f"stopped by {stopped.signal.name}{again}", run.counts, 128 + stopped.signal)
    for index in run.died:
        click.echo(f"meetingx: the task of shard {index} died on every try: its documents are worker-died "
                   "entries; run again to retry it", err=True)
    click.echo(run.counts.summary(), err=True)
    sys.exit(1 if run.counts.errors else 0)


#: The distributions ``meetingx serve`` needs: the ``service`` extra.
SERVICE_DISTRIBUTIONS = ("fastapi", "uvicorn", "python-multipart", "fastapi-offline")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction worker processes (one server process hands them the documents).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one document's extraction may take; past it the document gets a timeout "
                   "error and its worker is replaced.")
@click.option("--no-tagger", "no_tagger", is_flag=True,
              help="Find people by the rules alone: about 1.3-1.5x as fast, fewer names without a title found.")
def serve(host: str, port: int, workers: int, timeout: float, no_tagger: bool) -> None:
    """Serve extraction and validation over HTTP (OpenAPI at /openapi.json, docs at /docs)."""
    from importlib import metadata

    missing = []
    for distribution in SERVICE_DISTRIBUTIONS:
        try:
            metadata.distribution(distribution)
        except metadata.PackageNotFoundError:
            missing.append(distribution)
    if missing:
        raise click.ClickException(f"meetingx serve needs {', '.join(missing)}: "
                                   "install the service extra, pip install 'meetingx[service]'")
    from meetingx.service import serve as run_service

    run_service(host, port, workers, timeout, tagger=not no_tagger)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    from meetingx.schema import schema_json

    click.echo(schema_json(), nl=False)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("records", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--per-doc", is_flag=True, help="Also show each document's misses, gold beside record.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A table, or a JSON object {docs, missing, fields, score}.")
@click.option("--only", "only", multiple=True, metavar="GLOB",
              help="Score only ids matching this glob (repeatable), e.g. 'zh-news-*'.")
def eval_command(gold_dir: Path, records: Path | None, per_doc: bool, output_format: str,
                 only: tuple[str, ...]) -> None:
    """Score RECORDS (JSON Lines) against the <id>.gold.json files of GOLD_DIR, field by field.

    Without RECORDS, each <id>.txt beside a gold file is extracted first.
    """
    from meetingx import eval_inputs, evaluate

    gold_files = eval_inputs.gold_paths(gold_dir, only)
    if not gold_files:
        raise click.ClickException(f"no *.gold.json under {gold_dir}"
                                   + (f" matching {', '.join(only)}" if only else ""))
    try:
        if records:
            found = eval_inputs.read_records(records)
        else:
            found, problems = eval_inputs.extract_records(gold_files)
            for problem in problems:
                click.echo(f"not scored as extracted: {problem}", err=True)
        evaluation = evaluate.evaluate(gold_files, found)
    except eval_inputs.BadInput as error:
        raise _Refused(str(error)) from None
    if output_format == "json":
        click.echo(json.dumps(evaluate.report_json(evaluation, per_doc), ensure_ascii=False, indent=1))
    else:
        click.echo(evaluate.report_text(evaluation, per_doc))


@main.command()
@click.argument("records", nargs=-1, required=True)
@click.option("--sources", type=click.Path(exists=True, path_type=Path), default=None,
              help="Read source texts only here: a directory of documents, found by id with any suffix "
                   "meetingx reads, or JSONL of {id, text}; default: each record's source.path if it is a file.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One line per problem, or a JSON object {problems, summary}.")
def validate(records: tuple[str, ...], sources: Path | None, output_format: str) -> None:
    """Check RECORDS (JSON, JSON arrays or JSON Lines; - for stdin) against the schema, their
    evidence and source texts. Exit 0 all valid, 1 some invalid, 2 some input unreadable."""
    from meetingx.validate import validate_files

    report = validate_files(records, sources)
    if output_format == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        for problem in report.problems:
            click.echo(problem.to_text())
    if report.without_source:
        click.echo(f"{report.without_source} records without source text: offsets checked against "
                   "source.chars only", err=True)
    click.echo(report.summary(), err=True)
    sys.exit(report.exit_code)


@main.command("render")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the pages and index.html.")
@click.option("--sources", type=click.Path(exists=True, path_type=Path), default=None,
              help="Read source texts only here (documents found by id, or JSONL of {id, text}) instead of "
                   "at each record's source.path.")
def render_command(inputs: tuple[str, ...], output_dir: Path, sources: Path | None) -> None:
    """Write an HTML page per document showing its record beside the highlighted source text.

    INPUTS are documents (files, directories, JSONL of {id, text}), extracted now, or JSON Lines
    files of records. Exit 1 when some input gave no page.
    """
    from meetingx.render import render

    pages, failures = render(list(inputs), output_dir, sources)
    for failure in failures:
        click.echo(f"not rendered: {failure.id}: {failure.message}", err=True)
    click.echo(f"{len(pages)} pages, index at {output_dir / 'index.html'}", err=True)
    sys.exit(1 if failures else 0)


def run() -> NoReturn:
    """The ``meetingx`` program: :func:`main`, then an exit that skips the interpreter's teardown.

    Once a command has returned, its outputs are closed and its workers joined; what the
    interpreter would still do is run the exit handlers (``atexit``: logging, multiprocessing,
    temporary files) and then free every object of every module, the loaded pipelines' among them:
    30-40 ms of a one-report run of some 0.8 s. This runs the handlers, flushes the standard
    streams and ends the process with the command's status, as the interpreter would (a message
    given to ``sys.exit`` is printed and makes the status 1; a failed flush, 120). Where a thread
    other than a daemon is still running, or the handlers cannot be run, it exits as usual.
    Tests that use click's runner call :func:`main` in the test's process and never come here."""
    try:
        main()
        status: object = 0
    except SystemExit as done:
        status = done.code
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or any(
            thread.is_alive() and not thread.daemon and thread is not threading.main_thread()
            for thread in threading.enumerate()):
        sys.exit(status)
    if not isinstance(status, int):
        if status is not None:
            print(status, file=sys.stderr)
        status = 0 if status is None else 1
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 120
    os._exit(status)


if __name__ == "__main__":
    run()
