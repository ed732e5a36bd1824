"""The ``meetingx`` command: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from meetingx import __version__


@click.group()
@click.version_option(__version__, prog_name="meetingx")
def main() -> None:
    """Meeting reports to validated, source-grounded JSON records."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write JSON Lines here instead of standard output.")
@click.option("--publish-date", default=None, metavar="YYYY-MM-DD",
              help="Publish date to use where the text states none.")
def extract(inputs: tuple[str, ...], output: str | None, publish_date: str | None) -> None:
    """Extract one record per document from files, directories (*.txt), JSONL files or - (stdin)."""
    from meetingx.api import extract_document
    from meetingx.reading import iter_documents

    documents = records = warnings = 0
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for document in iter_documents(list(inputs)):
            documents += 1
            record = extract_document(document, publish_date)
            records += 1
            warnings += len(record.warnings)
            out.write(json.dumps(record.to_json_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    click.echo(f"{documents} documents, {records} records, {warnings} warnings", err=True)
    sys.exit(0 if records == documents else 1)


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
    from meetingx import evaluate

    gold_files = evaluate.gold_paths(gold_dir, only)
    if not gold_files:
        raise click.ClickException(f"no *.gold.json under {gold_dir}"
                                   + (f" matching {', '.join(only)}" if only else ""))
    if records:
        found = evaluate.read_records(records)
    else:
        found, problems = evaluate.extract_records(gold_files)
        for problem in problems:
            click.echo(f"not scored as extracted: {problem}", err=True)
    evaluation = evaluate.evaluate(gold_files, found)
    if output_format == "json":
        click.echo(json.dumps(evaluate.report_json(evaluation, per_doc), ensure_ascii=False, indent=1))
    else:
        click.echo(evaluate.report_text(evaluation, per_doc))
