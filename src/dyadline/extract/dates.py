"""Time: temporal expressions normalised against the publication date (STUB, being written)."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dyadline.records import Time


def find_times(doc: Doc, published: dt.date | None) -> list[Time]:
    return []


def report_time(published: dt.date | None) -> Time | None:
    if published is None:
        return None
    d = published.isoformat()
    return Time(text=None, span=None, value="PRESENT_REF", start=d, end=d)
