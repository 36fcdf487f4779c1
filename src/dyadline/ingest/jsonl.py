"""JSON Lines bundles: one document a line, ``{"id", "text", "published", "title", "url"}``.

A broken line never spoils the others: :func:`iter_lines` reports each line as a
:class:`JsonlLine` holding either its article or the error (and the id, when one
could be read, so that callers bound by the contract can still answer for it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadline.errors import Errors, InputError
from dyadline.ingest._common import check_published, decode
from dyadline.records import Article


@dataclass(frozen=True)
class JsonlLine:
    """One non-blank line: its article, or the error that kept it out, and its id if it had one."""

    number: int
    article: Article | None = None
    error: InputError | None = None
    id: str | None = None


def iter_lines(path: Path) -> Iterator[JsonlLine]:
    """Parse every non-blank line of ``path``; only an unreadable or binary file raises."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(Errors.E101.format(path=path, where="", reason=e.strerror or e), path=str(path)) from None
    if b"\x00" in data:
        raise InputError(Errors.E105.format(path=path), path=str(path))
    for number, raw in enumerate(data.split(b"\n"), 1):
        if raw.strip():
            yield parse_line(raw, path, number)


def parse_line(raw: bytes, path: Path, number: int) -> JsonlLine:
    """Parse one line into a :class:`JsonlLine` (never raises for bad content)."""
    try:
        obj = _load(raw, path, number)
    except InputError as e:
        return JsonlLine(number, error=e)
    doc_id = _id_of(obj)
    try:
        article = to_article(obj, path, number, doc_id or f"{path.stem}-{number}")
    except InputError as e:
        return JsonlLine(number, error=e, id=doc_id)
    return JsonlLine(number, article=article, id=doc_id)


def to_article(obj: dict, path: Path, number: int, doc_id: str) -> Article:
    """Check one decoded document and build its Article."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(Errors.E108.format(path=path, where=f":{number}"), path=str(path), line=number)
    return Article(id=doc_id, text=text, published=check_published(obj.get("published"), path, number),
                   title=_opt_str(obj.get("title")), url=_opt_str(obj.get("url")), source_path=str(path))


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    """Yield the articles of a ``.jsonl`` file and an InputError for each bad line."""
    seen = False
    for line in iter_lines(path):
        seen = True
        yield line.article if line.article is not None else line.error
    if not seen:
        raise InputError(Errors.E104.format(path=path), path=str(path))


def _load(raw: bytes, path: Path, number: int) -> dict:
    obj = _json(decode(raw, path, number), path, number)
    if not isinstance(obj, dict):
        reason = f"expected an object, got {type(obj).__name__}"
        raise InputError(Errors.E107.format(path=path, where=f":{number}", reason=reason), path=str(path), line=number)
    return obj


def _json(line: str, path: Path, number: int) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        reason = f"{e.msg} at column {e.colno}"
        raise InputError(Errors.E107.format(path=path, where=f":{number}", reason=reason),
                         path=str(path), line=number) from None


def _id_of(obj: dict) -> str | None:
    value = obj.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int) or str(value) == "":
        return None
    return str(value)


def _opt_str(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
