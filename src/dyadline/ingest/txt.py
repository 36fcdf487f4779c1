"""Plain-text articles: an optional header of ``Key: value`` lines, a blank line, then the body.

Recognised header keys (case-insensitive): ``Title``, ``Published`` (YYYY-MM-DD), ``URL``,
``ID``. A file whose first line is not such a header is all body. Offsets in the
records are into the body, never the header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dyadline.errors import Errors, InputError
from dyadline.ingest._common import check_published, read_text
from dyadline.records import Article

HEADER_KEYS = ("title", "published", "url", "id")
_HEADER = re.compile(r"^(title|published|url|id)\s*:\s*(.*)$", re.IGNORECASE)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into its header fields and body (empty header when there is none)."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    n = 0
    while n < len(lines) and (m := _HEADER.match(lines[n].strip())):
        header[m.group(1).lower()] = m.group(2).strip()
        n += 1
    if not header:
        return {}, text
    if n < len(lines) and not lines[n].strip():
        n += 1
    return header, "\n".join(lines[n:])


def read_txt(path: Path) -> Iterator[Article]:
    """Yield the one article of a ``.txt`` file."""
    header, body = split_header(read_text(path))
    if not body.strip():
        raise InputError(Errors.E104.format(path=path), path=str(path))
    yield Article(id=header.get("id") or path.stem, text=body.strip("\n"),
                  published=check_published(header.get("published"), path),
                  title=header.get("title") or None, url=header.get("url") or None, source_path=str(path))
