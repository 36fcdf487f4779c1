"""What every reader shares: where a document comes from, safe opening, decoding and field checks.

A :class:`Source` is a file or standard input. :meth:`Source.open` opens only regular
files (a FIFO, a device or a socket is refused, never read), so a reader cannot hang or
grow without bound. Readers take a source and the :class:`ReadOptions` and yield
:class:`~dyadline.records.Article`, :class:`~dyadline.errors.InputError` (the document or
file is left out) and :class:`~dyadline.errors.InputWarning` (the document is kept with a
field dropped). :func:`build_article` is the one place a document's fields are checked.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from dyadline.errors import Errors, InputError, InputWarning, Warnings
from dyadline.ingest.dates import read_date
from dyadline.records import Article
from dyadline.settings import Settings

Item = Article | InputError | InputWarning

# Byte-order marks, longest first (a UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SURROGATE = re.compile("[\ud800-\udfff]")
_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


@dataclass(frozen=True)
class ReadOptions:
    """What the readers need to know: size limits, link policy and the format of standard input."""

    max_chars: int = 1_000_000
    max_input_bytes: int = 64 * 1024 * 1024
    follow_links: bool = False
    stdin_format: str = "jsonl"

    @classmethod
    def from_settings(cls, settings: Settings, **overrides) -> ReadOptions:
        return cls(max_chars=settings.max_chars, max_input_bytes=settings.max_input_bytes, **overrides)


@dataclass(frozen=True)
class Source:
    """A file (``path``) or standard input (``path`` None); ``name`` is shown in messages and stored."""

    name: str
    stem: str
    path: Path | None = None
    suffix: str = ""
    stream: BinaryIO | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, path: Path) -> Source:
        return cls(name=shown(path), stem=shown(Path(path.stem)), path=path, suffix=path.suffix.lower())

    @classmethod
    def stdin(cls, stream: BinaryIO | None = None) -> Source:
        stream = stream if stream is not None else sys.stdin.buffer
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)
        return cls(name="<stdin>", stem="stdin", stream=stream)

    def open(self) -> AbstractContextManager[BinaryIO]:
        """A binary stream (stdin is not closed after); InputError when the file is missing,
        unreadable or not a regular file."""
        if self.path is None:
            return nullcontext(self.stream)
        return open_regular(self.path, self.name)


def open_regular(path: Path, name: str) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file (never blocks on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        target = os.readlink(path) if os.path.islink(path) else None
        message = Errors.E117.format(path=name, target=target) if target else Errors.E103.format(path=name)
        raise InputError(message, path=name) from None
    except OSError as e:
        raise InputError(Errors.E120.format(path=name, reason=e.strerror or e), path=name) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((k for test, k in _KINDS if test(mode)), "not a file")
        raise InputError(Errors.E112.format(path=name, kind=kind), path=name)
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def shown(path: Path | str) -> str:
    """``path`` as printable text: bytes that are not UTF-8 appear as ``\\xNN``, control characters escaped."""
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text)


def where(line: int | None = None, item: int | None = None) -> str:
    """The place inside a file, as messages show it: ``:12`` for a line, `` item 3`` for a feed item."""
    return f":{line}" if line else (f" item {item}" if item else "")


# ---------------------------------------------------------------- bytes to text


def read_limited(src: Source, opts: ReadOptions) -> bytes:
    """The bytes of a single-document source, at most ``max_input_bytes``; InputError otherwise."""
    with src.open() as f:
        data = f.read(opts.max_input_bytes + 1)
    if len(data) > opts.max_input_bytes:
        raise InputError(Errors.E114.format(path=src.name, where="", limit=opts.max_input_bytes), path=src.name)
    if not data.strip():
        raise InputError(Errors.E104.format(path=src.name), path=src.name)
    return data


def sniff_encoding(head: bytes) -> str | None:
    """The encoding of text starting with ``head``: a byte-order mark, else UTF-16 told by its NUL bytes.

    None means UTF-8 (the default); a result of ``"binary"`` means NUL bytes that no text encoding explains.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) >= 0.9 * len(odd) and 0 not in even:
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) >= 0.9 * len(even) and 0 not in odd:
        return "utf-16-be"
    return "binary"


def decode(data: bytes, name: str, line: int | None = None) -> str:
    """Text from UTF-8 (BOM dropped) or UTF-16/32 (told by a BOM or its NUL bytes); InputError otherwise.

    One line of a file (``line`` given) is UTF-8, like the file it comes from.
    """
    encoding = "utf-8" if line else sniff_encoding(data[:4096]) or "utf-8-sig"
    here = name + where(line)
    if encoding == "binary":
        raise InputError(Errors.E105.format(path=here, offset=data.index(b"\x00")), path=name, line=line)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        reason = f"byte {data[e.start]:#04x} at offset {e.start}"
        label = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        raise InputError(Errors.E106.format(path=here, encoding=label, reason=reason), path=name, line=line) from None
    if "\x00" in text and not line:
        raise InputError(Errors.E105.format(path=here, offset=text.index("\x00")), path=name, line=line)
    return text


# ---------------------------------------------------------------- fields to an Article


@dataclass(frozen=True)
class Checked:
    """One document's fields checked: its article (or the error keeping it out) and the warnings."""

    article: Article | None = None
    error: InputError | None = None
    warnings: tuple[InputWarning, ...] = ()

    def items(self) -> Iterator[Item]:
        yield from self.warnings
        if self.article is not None:
            yield self.article
        if self.error is not None:
            yield self.error


def build_article(fields: Mapping, src: Source, opts: ReadOptions, *, default_id: str,
                  line: int | None = None, item: int | None = None) -> Checked:
    """Check a document's fields (``id``, ``text``, ``published``, ``title``, ``url``) and build its Article.

    Only a missing, empty or oversized ``text`` keeps the document out; any other bad field is
    a warning and is left out (a bad ``id`` falls back to ``default_id``).
    """
    check = _FieldCheck(src.name, line, where(line, item))
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return Checked(error=check.error(Errors.E108))
    if len(text) > opts.max_chars:
        return Checked(error=check.error(Errors.E113, chars=len(text), limit=opts.max_chars))
    article = Article(id=check.doc_id(fields.get("id"), default_id), text=check.clean("text", text),
                      published=check.date(fields.get("published")), title=check.optional("title", fields.get("title")),
                      url=check.optional("url", fields.get("url")), source_path=src.name)
    return Checked(article=article, warnings=tuple(check.warnings))


class _FieldCheck:
    """Checks the fields of one document, keeping a warning for each one it drops or repairs."""

    def __init__(self, name: str, line: int | None, at: str):
        self.name, self.line, self.at = name, line, at
        self.warnings: list[InputWarning] = []

    def error(self, template: str, **values) -> InputError:
        return InputError(template.format(path=self.name, where=self.at, **values), path=self.name, line=self.line)

    def warn(self, template: str, **values) -> None:
        message = template.format(path=self.name, where=self.at, **values)
        self.warnings.append(InputWarning(message, path=self.name, line=self.line))

    def doc_id(self, value: object, default: str) -> str:
        found = document_id(value)
        if found is None and value is not None:
            self.warn(Warnings.W103, kind=_kind(value), id=default)
        return self.clean("id", found or default)

    def optional(self, field_name: str, value: object) -> str | None:
        """A string field: numbers are written out, anything else but a string is dropped."""
        if value is None or value == "":
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, str):
            return self.clean(field_name, value)
        self.warn(Warnings.W102, field=field_name, kind=_kind(value))
        return None

    def date(self, value: object) -> str | None:
        day = read_date(value)
        if day is None and value not in (None, ""):
            self.warn(Warnings.W101, value=_short(value))
        return day

    def clean(self, field_name: str, value: str) -> str:
        """``value`` with its lone surrogates (which no file can store) replaced by U+FFFD, one for one."""
        n = len(_SURROGATE.findall(value))
        if not n:
            return value
        self.warn(Warnings.W104, field=field_name, n=n)
        return replace_surrogates(value)


def document_id(value: object) -> str | None:
    """A usable document id: a non-empty string, or a number (not a boolean); None otherwise."""
    if isinstance(value, bool) or not isinstance(value, str | int | float) or str(value).strip() == "":
        return None
    return str(value)


def replace_surrogates(value: str) -> str:
    """``value`` with each lone surrogate (valid in Python, not in any file) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _kind(value: object) -> str:
    return f"{type(value).__name__} {_short(value)}"


def _short(value: object, width: int = 60) -> str:
    text = replace_surrogates(value if isinstance(value, str) else repr(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def text_id(text: str) -> str:
    """A short stable id from a document's content (used when a source gives none)."""
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]

