"""Readers: files and folders in, :class:`~dyadline.records.Article` out. No NLP here.

    >>> from dyadline.ingest import read
    >>> for item in read(["examples/"]):
    ...     print(item)   # an Article, or an InputError naming the file (and line)

``READERS`` maps a file suffix to its reader. A reader takes a ``Path`` and yields
Articles (and, for multi-document files, an InputError per bad document); it raises
InputError when the whole file is unusable. :func:`read` never raises for bad input:
it yields the error and goes on with the next file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from dyadline.errors import Errors, InputError
from dyadline.ingest.feeds import read_feed
from dyadline.ingest.html import read_html
from dyadline.ingest.jsonl import read_jsonl
from dyadline.ingest.txt import read_txt
from dyadline.records import Article

Reader = Callable[[Path], Iterable[Article | InputError]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
}

__all__ = ["READERS", "Reader", "expand", "read", "read_file"]


def read(paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[Article | InputError]:
    """Yield every article in ``paths`` (files or folders) and an InputError for each bad file or line.

    ``published`` (YYYY-MM-DD) is the date of articles whose source gives none.
    """
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        for doc in read_file(item):
            if isinstance(doc, Article) and published and not doc.published:
                doc = replace(doc, published=published)
            yield doc


def read_file(path: Path) -> Iterator[Article | InputError]:
    """Read one file with the reader for its suffix; errors are yielded, not raised."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield InputError(Errors.E102.format(path=path, suffix=path.suffix, supported=", ".join(READERS)),
                         path=str(path))
        return
    try:
        yield from reader(path)
    except InputError as e:
        yield e


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named in ``paths``, folders walked recursively (sorted; hidden and unsupported files skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if _wanted(p, path))
        elif path.exists():
            yield path
        else:
            yield InputError(Errors.E103.format(path=path), path=str(path))


def _wanted(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return path.is_file() and not hidden and path.suffix.lower() in READERS
