"""The ``meetingx`` command: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys

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
