"""Readers: files, folders and standard input in, :class:`~dyadline.records.Article` out. No NLP here.

    >>> from dyadline.ingest import read
    >>> for item in read(["examples/"]):
    ...     print(item)   # an Article, an InputError (left out) or an InputWarning (kept, or skipped on purpose)

``READERS`` maps a file suffix to its reader, ``FORMATS`` a format name (for standard
input, ``-``) to the same readers. A reader takes a :class:`Source` and the
:class:`ReadOptions` and yields Articles, an InputError per bad document and an
InputWarning per field it dropped; it raises InputError when the whole file is unusable.
:func:`read` never raises for bad input: it yields the error and goes on with the next file.
Everything is streamed: a file is never read whole unless it holds a single document.

Folders are walked in name order. Only regular files are read. Hidden entries, other
suffixes and symbolic links leading out of the folder are skipped with a warning naming
the reason (``follow_links=True`` reads the links too); an unreadable folder is an error.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from dyadline.errors import Errors, InputError, InputWarning, Warnings
from dyadline.ingest._common import Item, ReadOptions, Source, shown
from dyadline.ingest.feeds import read_feed
from dyadline.ingest.html import read_html
from dyadline.ingest.jsonl import read_jsonl
from dyadline.ingest.txt import read_txt
from dyadline.records import Article

log = logging.getLogger(__name__)

Reader = Callable[[Source, ReadOptions], Iterable[Item]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
}
FORMATS: dict[str, Reader] = {"txt": read_txt, "html": read_html, "jsonl": read_jsonl, "rss": read_feed,
                              "atom": read_feed}
STDIN = "-"

__all__ = ["FORMATS", "READERS", "STDIN", "Item", "ReadOptions", "Reader", "Source", "expand", "read",
           "read_file", "read_source"]


def read(paths: Iterable[str | Path], *, published: str | None = None,
         options: ReadOptions | None = None) -> Iterator[Item]:
    """Yield every article in ``paths`` (files, folders, ``-`` for stdin) and an error or warning per problem.

    ``published`` (YYYY-MM-DD) is the date of articles whose source gives none.
    """
    opts = options or ReadOptions()
    for item in expand(paths, opts):
        if not isinstance(item, Source):
            yield item
            continue
        for doc in read_source(item, opts):
            if isinstance(doc, Article) and published and not doc.published:
                doc = replace(doc, published=published)
            yield doc


def read_file(path: Path | str, options: ReadOptions | None = None) -> Iterator[Item]:
    """Read one file (or ``-``, standard input) with the reader for its suffix; errors are yielded, not raised."""
    opts = options or ReadOptions()
    yield from read_source(Source.stdin() if str(path) == STDIN else Source.of(Path(path)), opts)


def read_source(src: Source, opts: ReadOptions) -> Iterator[Item]:
    """Read one source; every failure, even an unforeseen one in a third-party parser, is yielded."""
    reader = FORMATS.get(opts.stdin_format) if src.path is None else READERS.get(src.suffix)
    if reader is None:
        supported = ", ".join(READERS)
        yield InputError(Errors.E102.format(path=src.name, suffix=src.suffix, supported=supported), path=src.name)
        return
    try:
        yield from reader(src, opts)
    except InputError as e:
        yield e
    except Exception as e:  # noqa: BLE001 - one broken file must not end the run; the file is named
        log.debug("reader failed on %s", src.name, exc_info=True)
        yield InputError(Errors.E119.format(path=src.name, reason=f"{type(e).__name__}: {e}"), path=src.name)


def expand(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Source | InputError | InputWarning]:
    """Sources named in ``paths``, folders walked recursively, with an error or warning for each one left out."""
    opts = options or ReadOptions()
    for raw in paths:
        if str(raw) == STDIN:
            yield Source.stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, follow_links=opts.follow_links)
        elif path.exists() or path.is_symlink():
            yield Source.of(path)
        else:
            yield InputError(Errors.E103.format(path=shown(path)), path=shown(path))


def _walk(root: Path, *, follow_links: bool) -> Iterator[Source | InputError | InputWarning]:
    real_root = root.resolve()
    visited = {real_root}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
        except OSError as e:
            yield InputError(Errors.E115.format(path=shown(folder), reason=e.strerror or e), path=shown(folder))
            continue
        subfolders = []
        for entry in entries:
            found = _entry(entry, real_root, visited, follow_links=follow_links)
            if isinstance(found, Path):
                subfolders.append(found)
            elif found is not None:
                yield found
        stack.extend(reversed(subfolders))


def _entry(entry: os.DirEntry, real_root: Path, visited: set[Path], *,
           follow_links: bool) -> Path | Source | InputError | InputWarning | None:
    """What to do with one folder entry: a subfolder to walk, a source to read, or why it is skipped."""
    path, name = Path(entry.path), shown(entry.path)
    if entry.name.startswith("."):
        kind = "folder" if entry.is_dir() else "file"
        return InputWarning(Warnings.W107.format(path=name, kind=kind), path=name)
    if entry.is_symlink():
        target = path.resolve()
        if not target.exists():
            return InputError(Errors.E117.format(path=name, target=shown(os.readlink(path))), path=name)
        if not follow_links and not target.is_relative_to(real_root):
            return InputWarning(Warnings.W106.format(path=name, root=shown(real_root), target=shown(target)), path=name)
        if target.is_dir():
            if not follow_links:
                return InputWarning(Warnings.W108.format(path=name, target=shown(target)), path=name)
            if target in visited:
                return None
            visited.add(target)
            return path
    elif entry.is_dir(follow_symlinks=False):
        return path
    if path.suffix.lower() not in READERS:
        supported = ", ".join(READERS)
        suffix = repr(path.suffix) if path.suffix else "(no suffix)"
        return InputWarning(Warnings.W105.format(path=name, suffix=suffix, supported=supported), path=name)
    return Source.of(path)
