"""What the ``ingest`` and ``extract`` commands do with their input and output: reading and
reporting documents, skipping stored ones, coding on one or several processes (or Dask), and
writing one output line per input line. ``cli.py`` holds the commands themselves."""

from __future__ import annotations

import itertools
import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from dyadline.cli_options import RunFailed, _printable
from dyadline.errors import InputError, InputWarning, Warnings
from dyadline.pipeline import Pipeline
from dyadline.records import Article, Record


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
