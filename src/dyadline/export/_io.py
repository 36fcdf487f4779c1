"""Where exports are written: a path (opened here) or an open text stream."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

Dest = str | Path | IO


@contextlib.contextmanager
def text_out(dest: Dest) -> Iterator[IO[str]]:
    """``dest`` as a writable text stream (UTF-8, no newline translation)."""
    if hasattr(dest, "write"):
        yield dest
        return
    with open(dest, "w", encoding="utf-8", newline="") as f:
        yield f


def tsv_value(value: Any) -> str:
    """A TSV cell: empty for None, tabs and line breaks turned into spaces."""
    return "" if value is None else str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_tsv(dest: Dest, fields: tuple[str, ...], rows, *, header: bool) -> int:
    """Write dict rows as tab-separated lines in the order of ``fields``; return the rows written."""
    n = 0
    with text_out(dest) as f:
        if header:
            f.write("\t".join(fields) + "\n")
        for row in rows:
            f.write("\t".join(tsv_value(row.get(k)) for k in fields) + "\n")
            n += 1
    return n
