"""JSON Lines bundles: one document a line, ``{"id", "text", "published", "title", "url"}``.

The file is streamed a line at a time (memory stays bounded whatever its size), in UTF-8
or UTF-16/32 with a byte-order mark. A broken line never spoils the others:
:func:`iter_lines` reports each line as a :class:`JsonlLine` holding either its article
or the error, its warnings, and the id when one could be read (so that callers bound by
the contract can still answer for it).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dyadline.errors import Errors, InputError, InputWarning
from dyadline.ingest import _common
from dyadline.ingest._common import Item, ReadOptions, Source, build_article, decode, document_id, sniff_encoding
from dyadline.records import Article

_ID = re.compile(rb'"id"\s*:\s*("(?:[^"\\\n]|\\.){1,200}"|-?\d{1,40})')
_BIG_INT = 4000  # Python refuses int() of 4,300+ digits; such numbers stay text


@dataclass(frozen=True)
class JsonlLine:
    """One non-blank line: its article, or the error that kept it out, its warnings, and its id if it had one.

    ``id`` is None when the line gave no usable id (its article, if any, has the id PATHSTEM-LINE).
    """

    number: int
    article: Article | None = None
    error: InputError | None = None
    id: str | None = None
    warnings: tuple[InputWarning, ...] = ()


def iter_lines(source: Source | Path, options: ReadOptions | None = None) -> Iterator[JsonlLine]:
    """Parse every non-blank line; only an unreadable, binary or undecodable file raises InputError."""
    src = source if isinstance(source, Source) else Source.of(source)
    opts = options or ReadOptions()
    with src.open() as stream:
        for number, raw in _raw_lines(stream, src, opts):
            if isinstance(raw, InputError):
                yield JsonlLine(number, error=raw)
            elif raw.strip():
                yield parse_line(raw, src, number, opts)


def parse_line(raw: bytes | str, src: Source, number: int, opts: ReadOptions) -> JsonlLine:
    """Parse one line into a :class:`JsonlLine` (never raises for bad content)."""
    try:
        obj = _load(raw, src, number)
    except InputError as e:
        return JsonlLine(number, error=e, id=recover_id(raw))
    doc_id = document_id(obj.get("id"))
    checked = build_article(obj, src, opts, default_id=doc_id or f"{src.stem}-{number}", line=number)
    found = None if doc_id is None else checked.article.id if checked.article else _common.replace_surrogates(doc_id)
    return JsonlLine(number, article=checked.article, error=checked.error, id=found, warnings=checked.warnings)


def read_jsonl(src: Source, opts: ReadOptions) -> Iterator[Item]:
    """Yield the articles of a JSON Lines source, an InputError for each bad line, and the warnings."""
    seen = False
    for line in iter_lines(src, opts):
        seen = True
        yield from line.warnings
        yield line.article if line.article is not None else line.error
    if not seen:
        raise InputError(Errors.E104.format(path=src.name), path=src.name)


def recover_id(raw: bytes | str) -> str | None:
    """The ``"id"`` of a line that is not valid JSON, when it can be read off the text."""
    data = raw.encode("utf-8", "replace") if isinstance(raw, str) else raw
    m = _ID.search(data)
    if not m:
        return None
    try:
        found = document_id(json.loads(m.group(1)))
    except ValueError:
        return None
    return found and _common.replace_surrogates(found)


def _raw_lines(stream: BinaryIO, src: Source, opts: ReadOptions) -> Iterator[tuple[int, bytes | str | InputError]]:
    """(number, line) pairs: UTF-8 lines as bytes (decoded one by one), UTF-16/32 lines as text."""
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    encoding = sniff_encoding(head)
    if encoding == "binary":
        raise InputError(Errors.E105.format(path=src.name, offset=head.index(b"\x00")), path=src.name)
    if encoding in (None, "utf-8-sig"):
        yield from _utf8_lines(stream, src, opts.max_input_bytes)
        return
    text = io.TextIOWrapper(stream, encoding=encoding, newline="\n")
    number = 0
    try:
        while line := text.readline(opts.max_input_bytes + 1):
            number += 1
            yield number, _too_long(src, number, opts) if len(line) > opts.max_input_bytes else line
    except UnicodeDecodeError as e:
        raise InputError(Errors.E106.format(path=f"{src.name}:{number + 1}", encoding=encoding.upper(), reason=e.reason),
                         path=src.name, line=number + 1) from None
    finally:
        text.detach()


def _utf8_lines(stream: BinaryIO, src: Source, limit: int) -> Iterator[tuple[int, bytes | InputError]]:
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line without holding it
            yield number, _too_long(src, number, ReadOptions(max_input_bytes=limit))
            continue
        yield number, raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw


def _too_long(src: Source, number: int, opts: ReadOptions) -> InputError:
    return InputError(Errors.E114.format(path=src.name, where=f":{number}", limit=opts.max_input_bytes),
                      path=src.name, line=number)


def _load(raw: bytes | str, src: Source, number: int) -> dict:
    line = raw if isinstance(raw, str) else decode(raw, src.name, number)
    try:
        obj = json.loads(line, parse_int=_int)
    except json.JSONDecodeError as e:
        raise _bad_json(src, number, f"{e.msg.removesuffix(' at')} at column {e.colno}") from None
    except RecursionError:
        raise _bad_json(src, number, "nested too deeply") from None
    if not isinstance(obj, dict):
        raise _bad_json(src, number, f"expected an object, got {type(obj).__name__}")
    return obj


def _int(digits: str) -> int | str:
    return int(digits) if len(digits) < _BIG_INT else digits


def _bad_json(src: Source, number: int, reason: str) -> InputError:
    return InputError(Errors.E107.format(path=src.name, where=f":{number}", reason=reason), path=src.name, line=number)
