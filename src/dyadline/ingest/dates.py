"""Publication dates in any common form, read as the calendar day in the writer's time zone.

    >>> read_date("Sat, 17 Dec 2016 23:30:00 -0500")
    '2016-12-17'

``2016-12-17T23:30:00-05:00`` is the 17th, as its writer saw it, not the 18th in UTC.
Fast paths cover ISO 8601 (any time and offset after the day), ``YYYYMMDD``, RFC 822 and
Unix timestamps; anything else goes to ``dateparser`` (English first, then 18 other languages),
asked for absolute dates only: "yesterday" or "December 2016" are not a publication day.
A value that cannot be read gives None, and the reader warns with the file, line and value.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import logging
import re

log = logging.getLogger(__name__)

YEARS = range(1800, 2201)  # outside this a "publication date" is a typo or garbage
# Languages tried after English when a date has words (all of dateparser's ~200 would make each unreadable value slow).
OTHER_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "hi", "id", "zh", "ja",
                   "ko", "sv")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MAX_LEN = 120
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
             "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}


def read_date(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (the writer's calendar day), or None when it is not a readable date."""
    if isinstance(value, dt.datetime | dt.date):
        return _day(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _timestamp(value)
    if isinstance(value, str) and 0 < len(value.strip()) <= _MAX_LEN:
        return _read_text(value.strip())
    return None


@functools.lru_cache(maxsize=4096)
def _read_text(text: str) -> str | None:
    if m := _ISO.match(text):
        return _day(*map(int, m.groups()))
    if m := _COMPACT.fullmatch(text):
        return _day(*map(int, m.groups()))
    if text.isascii() and text.isdigit():
        return _timestamp(int(text))
    parts = email.utils.parsedate_tz(text)
    if parts is not None and _day(*parts[:3]):
        return _day(*parts[:3])
    return _dateparser(text)


def _dateparser(text: str) -> str | None:
    import dateparser

    tries = (["en"], list(OTHER_LANGUAGES)) if any(ch.isalpha() for ch in text) else (["en"],)
    for languages in tries:
        try:
            found = dateparser.parse(text, languages=languages, settings=_SETTINGS)
        except Exception as e:  # noqa: BLE001 - a third-party parser on arbitrary text: any failure means "unreadable"
            log.debug("dateparser failed on %r: %s", text, e)
            found = None
        if found is not None:
            return _day(found.year, found.month, found.day)
    return None


def _timestamp(seconds: float) -> str | None:
    if abs(seconds) < 1e8:  # a bare year or a small number, not a moment in time
        return None
    if abs(seconds) > 1e11:  # milliseconds
        seconds = seconds / 1000
    try:
        day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return _day(day.year, day.month, day.day)


def _day(year: int, month: int, day: int) -> str | None:
    if year not in YEARS:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
