"""RSS 2.0 and Atom feed files saved to disk: one article per item or entry.

Item text is the richest field present (``content:encoded``/``content``, else
``description``/``summary``) with markup removed. Nothing is fetched.
"""

from __future__ import annotations

import email.utils
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from dyadline.errors import Errors, InputError
from dyadline.ingest._common import check_published, read_text, text_id
from dyadline.records import Article

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|br|div|li|h[1-6])\b[^>]*>", re.IGNORECASE)


def read_feed(path: Path) -> Iterator[Article | InputError]:
    """Yield an article per RSS item / Atom entry, and an InputError for an item without text."""
    try:
        root = ET.fromstring(read_text(path))
    except ET.ParseError as e:
        raise InputError(Errors.E101.format(path=path, where="", reason=f"not a well-formed feed ({e})"),
                         path=str(path)) from None
    items = root.iter("item") if root.tag != f"{ATOM}feed" else root.iter(f"{ATOM}entry")
    for n, item in enumerate(items, 1):
        fields = _rss_fields(item) if item.tag == "item" else _atom_fields(item)
        yield _article(fields, path, n)


def _article(fields: dict, path: Path, n: int) -> Article | InputError:
    text = strip_markup(fields.get("text") or "")
    if not text:
        return InputError(Errors.E101.format(path=path, where=f" item {n}", reason="the item has no text"),
                          path=str(path), line=None)
    published = fields.get("published")
    try:
        published = check_published(published, path)
    except InputError:
        published = None
    return Article(id=fields.get("id") or text_id(text), text=text, published=published,
                   title=fields.get("title"), url=fields.get("url"), source_path=str(path))


def strip_markup(value: str) -> str:
    """Plain text from an HTML fragment: block tags become line breaks, entities are decoded."""
    text = html.unescape(_TAG.sub("", _BLOCK.sub("\n", value)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _rss_fields(item: ET.Element) -> dict:
    date = item.findtext("pubDate")
    return {"id": item.findtext("guid"), "title": item.findtext("title"), "url": item.findtext("link"),
            "text": item.findtext(CONTENT) or item.findtext("description"), "published": _rfc822(date)}


def _atom_fields(entry: ET.Element) -> dict:
    link = entry.find(f"{ATOM}link")
    return {"id": entry.findtext(f"{ATOM}id"), "title": entry.findtext(f"{ATOM}title"),
            "url": link.get("href") if link is not None else None,
            "text": entry.findtext(f"{ATOM}content") or entry.findtext(f"{ATOM}summary"),
            "published": entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")}


def _rfc822(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None
