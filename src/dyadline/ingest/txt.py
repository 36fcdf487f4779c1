"""Plain-text articles: an optional header of ``Key: value`` lines, a blank line, then the body.

Recognised header keys (case-insensitive): ``Title``, ``Published`` (any common date form),
``URL``, ``ID``. A file whose first line is not such a header is all body. Offsets in the
records are into the body, never the header. UTF-8, or UTF-16/32 with a byte-order mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyadline.errors import Errors, InputError
from dyadline.ingest._common import Item, ReadOptions, Source, build_article, decode, read_limited

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


def read_txt(src: Source, opts: ReadOptions) -> Iterator[Item]:
    """Yield the one article of a ``.txt`` file (and any warning about its header)."""
    header, body = split_header(decode(read_limited(src, opts), src.name).replace("\r\n", "\n"))
    if not body.strip():
        raise InputError(Errors.E104.format(path=src.name), path=src.name)
    yield from build_article({**header, "text": body.strip("\n")}, src, opts, default_id=src.stem).items()
