"""RSS (0.9x, 1.0, 2.0) and Atom feed files saved to disk: one article per item or entry.

The feed is streamed through expat in chunks, one item at a time, so a feed of any size
is read in bounded memory. A feed that declares XML entities is refused before any is
expanded (billion-laughs and external-entity attacks); nothing is ever fetched.

Item text is the richest field present (``content:encoded``/``content``, else
``description``/``summary``) with markup removed.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pyexpat import ExpatError, ParserCreate

from dyadline.errors import Errors, InputError
from dyadline.ingest._common import Item, ReadOptions, Source, build_article, text_id

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_CHUNK = 64 * 1024
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|br|div|li|h[1-6])\b[^>]*>", re.IGNORECASE)


def read_feed(src: Source, opts: ReadOptions) -> Iterator[Item]:
    """Yield an article per RSS item / Atom entry, and an InputError for an item without text."""
    parser = _ItemParser(src, opts.max_input_bytes)
    n = 0
    with src.open() as stream:
        while True:
            chunk = stream.read(_CHUNK)
            parser.feed(chunk, final=not chunk)
            for elem in parser.take():
                n += 1
                yield from _article(elem, src, opts, n)
            if not chunk:
                break
    if n == 0:
        raise InputError(Errors.E104.format(path=src.name) if parser.empty else Errors.E118.format(path=src.name),
                         path=src.name)


class _ItemParser:
    """Expat handlers that build one ElementTree element per item/entry and refuse entity declarations."""

    def __init__(self, src: Source, max_bytes: int):
        self.src, self.max_bytes = src, max_bytes
        self.parser = ParserCreate(namespace_separator="}")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._data
        self.parser.EntityDeclHandler = self._entity
        self.builder: ET.TreeBuilder | None = None
        self.depth = self.size = 0
        self.ready: list[ET.Element | None] = []  # None: an item over max_bytes, its text dropped
        self.empty = True

    def feed(self, chunk: bytes, *, final: bool) -> None:
        self.empty = self.empty and not chunk.strip()
        if self.empty and final:
            return
        try:
            self.parser.Parse(chunk, final)
        except ExpatError as e:
            reason = f"not a well-formed feed ({e})"
            raise InputError(Errors.E101.format(path=self.src.name, where="", reason=reason), path=self.src.name) from None

    def take(self) -> list[ET.Element | None]:
        ready, self.ready = self.ready, []
        return ready

    def _start(self, name: str, attrs: dict) -> None:
        tag = _tag(name)
        if self.builder is None and tag.rsplit("}", 1)[-1] in ("item", "entry"):
            self.builder, self.depth, self.size = ET.TreeBuilder(), 0, 0
        if self.builder is not None:
            self.depth += 1
            self.builder.start(tag, {_tag(k): v for k, v in attrs.items()})

    def _end(self, name: str) -> None:
        if self.builder is None:
            return
        self.builder.end(_tag(name))
        self.depth -= 1
        if self.depth == 0:
            elem = self.builder.close()
            self.ready.append(elem if self.size <= self.max_bytes else None)
            self.builder = None

    def _data(self, text: str) -> None:
        if self.builder is not None and self.size <= self.max_bytes:
            self.size += len(text)
            self.builder.data(text if self.size <= self.max_bytes else "")

    def _entity(self, name, *_args) -> None:
        raise InputError(Errors.E116.format(path=self.src.name), path=self.src.name)


def _tag(name: str) -> str:
    return "{" + name if "}" in name else name


def _article(elem: ET.Element | None, src: Source, opts: ReadOptions, n: int) -> Iterator[Item]:
    if elem is None:
        yield InputError(Errors.E114.format(path=src.name, where=f" item {n}", limit=opts.max_input_bytes),
                         path=src.name)
        return
    fields = _atom_fields(elem) if elem.tag.startswith(ATOM) else _rss_fields(elem)
    text = strip_markup(fields.get("text") or "")
    if not text:
        yield InputError(Errors.E101.format(path=src.name, where=f" item {n}", reason="the item has no text"),
                         path=src.name)
        return
    fields["text"] = text
    yield from build_article(fields, src, opts, default_id=fields.get("id") or text_id(text), item=n).items()


def strip_markup(value: str) -> str:
    """Plain text from an HTML fragment: block tags become line breaks, entities are decoded."""
    text = html.unescape(_TAG.sub("", _BLOCK.sub("\n", value)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _child(elem: ET.Element, *names: str) -> str | None:
    """The text of the first child named one of ``names`` (local names, any namespace, or a full {ns}name)."""
    for name in names:
        for child in elem:
            if child.tag == name or ("}" not in name and child.tag.rsplit("}", 1)[-1] == name):
                text = "".join(child.itertext()).strip()
                if text:
                    return text
    return None


def _rss_fields(item: ET.Element) -> dict:
    return {"id": _child(item, "guid"), "title": _child(item, "title"), "url": _child(item, "link"),
            "text": _child(item, CONTENT, "description"), "published": _child(item, "pubDate", "date")}


def _atom_fields(entry: ET.Element) -> dict:
    link = next((c for c in entry if c.tag == f"{ATOM}link" and c.get("rel", "alternate") == "alternate"), None)
    return {"id": _child(entry, f"{ATOM}id"), "title": _child(entry, f"{ATOM}title"),
            "url": link.get("href") if link is not None else None,
            "text": _child(entry, f"{ATOM}content", f"{ATOM}summary"),
            "published": _child(entry, f"{ATOM}published", f"{ATOM}updated")}
