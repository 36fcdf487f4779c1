"""HTML pages: main text, title, date and URL with trafilatura (imported on first use).

The page is read whole (at most the ``max_input_bytes`` setting): one page is one document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyadline.errors import Errors, InputError
from dyadline.ingest._common import Item, ReadOptions, Source, build_article, read_limited

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_ENTITY_DECL = re.compile(rb"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.IGNORECASE)


def read_html(src: Source, opts: ReadOptions) -> Iterator[Item]:
    """Yield the one article of an ``.html``/``.htm`` page (boilerplate removed)."""
    import trafilatura

    data = read_limited(src, opts)
    if _ENTITY_DECL.search(data, 0, 1 << 16):  # HTML has no entity declarations: a page with some is hostile
        raise InputError(Errors.E116.format(path=src.name), path=src.name)
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params=_DATE_PARAMS)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError(Errors.E110.format(path=src.name), path=src.name)
    fields = {"text": drop_title(text, doc.title), "title": doc.title, "url": doc.url, "published": doc.date}
    yield from build_article(fields, src, opts, default_id=src.stem).items()


def drop_title(text: str, title: str | None) -> str:
    """Remove the headline when the extracted text starts with it (it is kept as ``title``)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        return rest.lstrip("\n")
    return text
