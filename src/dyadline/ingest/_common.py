"""Helpers every reader shares: raw file checks, UTF-8 decoding and date validation."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from dyadline.errors import Errors, InputError


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``; InputError when it is missing, unreadable, empty or binary."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Errors.E103.format(path=path), path=str(path)) from None
    except OSError as e:
        raise InputError(Errors.E101.format(path=path, where="", reason=e.strerror or e), path=str(path)) from None
    if not data.strip():
        raise InputError(Errors.E104.format(path=path), path=str(path))
    if b"\x00" in data:
        raise InputError(Errors.E105.format(path=path), path=str(path))
    return data


def decode(data: bytes, path: Path, line: int | None = None) -> str:
    """Decode UTF-8 (a BOM is dropped); InputError naming the file (and line) otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        where = f"{path}:{line}" if line else str(path)
        reason = f"byte {data[e.start]:#04x} at offset {e.start}"
        raise InputError(Errors.E106.format(path=where, reason=reason), path=str(path), line=line) from None


def read_text(path: Path) -> str:
    """The text of a UTF-8 file, checked as :func:`read_bytes` does."""
    return decode(read_bytes(path), path)


def check_published(value: object, path: Path, line: int | None = None) -> str | None:
    """Normalise a publication date to YYYY-MM-DD (a datetime is cut to its date); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    where = f":{line}" if line else ""
    raise InputError(Errors.E109.format(path=path, where=where, value=value), path=str(path), line=line)


def text_id(text: str) -> str:
    """A short stable id from a document's content (used when a source gives none)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
