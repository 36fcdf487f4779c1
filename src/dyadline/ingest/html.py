"""HTML pages: main text, title, date and URL with trafilatura (imported on first use)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from dyadline.errors import Errors, InputError
from dyadline.ingest._common import check_published, read_bytes
from dyadline.records import Article

log = logging.getLogger(__name__)

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path) -> Iterator[Article]:
    """Yield the one article of an ``.html``/``.htm`` page (boilerplate removed)."""
    import trafilatura

    doc = trafilatura.bare_extraction(read_bytes(path), with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params=_DATE_PARAMS)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError(Errors.E110.format(path=path), path=str(path))
    yield Article(id=path.stem, text=drop_title(text, doc.title), published=_date(doc.date, path),
                  title=doc.title or None, url=doc.url or None, source_path=str(path))


def drop_title(text: str, title: str | None) -> str:
    """Remove the headline when the extracted text starts with it (it is kept as ``title``)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        return rest.lstrip("\n")
    return text


def _date(value: str | None, path: Path) -> str | None:
    try:
        return check_published(value, path)
    except InputError:
        log.debug("%s: ignoring an unreadable page date %r", path, value)
        return None
