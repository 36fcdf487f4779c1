"""Expressions built from two found times or a time and a modifier.

* parts: "early July", "the end of 2008", "mid-November", "earlier this week"
* ranges: "from March to May", "between 2014 and 2018", "Jan-Feb 2017"

Each function takes the text and a list of :class:`Found` times (in text order,
non-overlapping) and returns a new list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from dyadline.extract.time import calendar as cal
from dyadline.extract.time.calendar import Resolved


@dataclass(frozen=True)
class Found:
    """A resolved time with its character span in the text and the rule that found it."""

    start: int
    end: int
    rule: str
    resolved: Resolved


_PART = re.compile(r"(?<!\w)(?:(?P<of>(?:the\s+)?(?:very\s+)?(?P<p1>beginning|start|middle|end|close)\s+of\s+(?:the\s+)?)"
                   r"|(?P<p2>early|mid|late|earlier|later)(?:\s*-\s*|\s+(?:in\s+(?:the\s+)?)?))$", re.I)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|~|to|through|thru|till|until|and|(?:up\s+)?to)\s*(?:the\s+)?$", re.I)
_RANGE_OPEN = re.compile(r"(?:\b(?P<w>from|between)\s+(?:the\s+)?)$", re.I)
_UNIT_PARTS = {"early": (0.0, 1 / 3), "beginning": (0.0, 1 / 3), "start": (0.0, 1 / 3),
               "mid": (1 / 3, 2 / 3), "middle": (1 / 3, 2 / 3),
               "late": (2 / 3, 1.0), "end": (2 / 3, 1.0), "close": (2 / 3, 1.0)}
_BARE_UNIT = re.compile(r"(?:the\s+)?(?P<u>week|month|year)$", re.I)


def part_of(r: Resolved, part: str, ref: dt.date) -> Resolved:
    """The ``part`` (early, mid, late, earlier, later, beginning, end...) of the interval ``r``."""
    part = part.lower()
    if part == "earlier":
        return Resolved(r.value, r.start, max(r.start, min(ref, r.end)), r.kind)
    if part == "later":
        return Resolved(r.value, min(max(ref, r.start), r.end), r.end, r.kind)
    if _is_month(r):
        first, last = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (10, 20),
                       "middle": (10, 20)}.get(part, (21, r.end.day))
        return Resolved(r.value, r.start.replace(day=first), r.start.replace(day=last), r.kind)
    if _is_year(r):
        first, last = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8),
                       "middle": (5, 8)}.get(part, (9, 12))
        return Resolved(r.value, dt.date(r.start.year, first, 1), cal.month_end(r.start.year, last), r.kind)
    lo, hi = _UNIT_PARTS[part]
    days = (r.end - r.start).days + 1
    start = r.start + dt.timedelta(days=int(days * lo))
    end = r.start + dt.timedelta(days=max(int(days * lo), int(round(days * hi)) - 1))
    return Resolved(r.value, start, end, r.kind)


def _is_month(r: Resolved) -> bool:
    return r.start.day == 1 and r.end == cal.month_end(r.start.year, r.start.month)


def _is_year(r: Resolved) -> bool:
    return (r.start.month, r.start.day, r.end.month, r.end.day) == (1, 1, 12, 31) and r.start.year == r.end.year


def extend_parts(text: str, found: list[Found], ref: dt.date) -> list[Found]:
    """Grow each time leftwards over an "early"/"the end of"-style modifier and narrow its interval."""
    out, floor = [], 0
    for f in found:
        m = _PART.search(text, max(floor, f.start - 40), f.start)
        if m and m.end() == f.start and f.resolved.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            part = m.group("p1") or m.group("p2")
            f = Found(m.start(), f.end, f.rule + "+part", part_of(f.resolved, part, ref))
        out.append(f)
        floor = f.end
    return out


def bare_unit_parts(text: str, ref: dt.date) -> list[Found]:
    """ "later in the week", "end of month", "the end of the year": a part of the current unit."""
    out = []
    pattern = re.compile(r"(?<!\w)(?:(?:the\s+)?(?:beginning|start|middle|end|close)\s+of\s+(?:the\s+)?"
                         r"|(?:early|mid|late|earlier|later)\s+in\s+the\s+)(?P<u>week|month|year)(?!\w)", re.I)
    units = {"week": cal.week, "month": lambda d: cal.month(d.year, d.month), "year": lambda d: cal.year(d.year)}
    for m in pattern.finditer(text):
        head = m.group(0).lower().replace("the ", "").split()[0]
        out.append(Found(m.start(), m.end(), "unit_part", part_of(units[m["u"].lower()](ref), head, ref)))
    return out


def join_ranges(text: str, found: list[Found]) -> list[Found]:
    """Merge "A to B", "from A until B", "between A and B" into one range time."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev and _RANGE_SEP.match(text[prev.end:f.start]):
            joined = _join(text, prev, f)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(f)
    return out


def _join(text: str, a: Found, b: Found) -> Found | None:
    sep = text[a.end:b.start].strip().lower()
    opener = _RANGE_OPEN.search(text, max(0, a.start - 20), a.start)
    if sep == "and" and not (opener and opener.group("w").lower() == "between"):
        return None
    ra, rb = a.resolved, b.resolved
    if ra.value in ("PAST_REF", "FUTURE_REF") or rb.value in ("PAST_REF", "FUTURE_REF"):
        return None
    ra, rb = _align_years(ra, rb)
    while b.rule == "weekday" and rb.start < ra.start:
        rb = Resolved(rb.value, rb.start + dt.timedelta(days=7), rb.end + dt.timedelta(days=7), rb.kind)
    if rb.end < ra.start:
        return None
    start = opener.start() if opener and opener.end() == a.start else a.start
    kind = "absolute" if ra.kind == rb.kind == "absolute" else "relative"
    return Found(start, b.end, "range", replace(cal.span(ra.start, rb.end), kind=kind))


def _align_years(ra: Resolved, rb: Resolved) -> tuple[Resolved, Resolved]:
    """Give a yearless end of a range the year its other end implies ("May to Oct 2020")."""
    if ra.kind == "yearless" and rb.kind != "yearless":
        while ra.start > rb.start:
            ra = _move_years(ra, -1)
        while _move_years(ra, 1).start <= rb.start:
            ra = _move_years(ra, 1)
    elif rb.kind == "yearless":
        while rb.end < ra.start:
            rb = _move_years(rb, 1)
        while _move_years(rb, -1).end >= ra.start:
            rb = _move_years(rb, -1)
    return ra, rb


def _move_years(r: Resolved, years: int) -> Resolved:
    start, end = cal.add_months(r.start, 12 * years), cal.add_months(r.end, 12 * years)
    if r.end == cal.month_end(r.end.year, r.end.month):
        end = cal.month_end(end.year, end.month)
    return Resolved(r.value, start, end, r.kind)


_WEEK_OF = re.compile(r"(?<!\w)(?:(?:the\s+)?week\s+(?:of|beginning|starting(?:\s+on)?|commencing)\s+(?:the\s+)?|w/c\s+)$", re.I)
_NTH_OF = re.compile(r"(?<!\w)(?:the\s+)?(?P<o>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|last)\s+"
                     r"(?P<u>week|month)\s+of\s+(?:the\s+)?$", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def extend_weeks(text: str, found: list[Found]) -> list[Found]:
    """ "the week of April 10th", "the first week of 2021", "the last week of July", "the third month of 2021"."""
    out, floor = [], 0
    for f in found:
        lo = max(floor, f.start - 40)
        week_of, nth = _WEEK_OF.search(text, lo, f.start), _NTH_OF.search(text, lo, f.start)
        r = f.resolved
        if week_of and r.start == r.end:
            w = cal.week(r.start)
            f = Found(week_of.start(), f.end, "week_of", Resolved(w.value, w.start, w.end, r.kind))
        elif nth and (_is_month(r) or _is_year(r)):
            got = _nth_unit(r, _ordinal(nth.group("o")), nth.group("u").lower())
            if got is not None:
                f = Found(nth.start(), f.end, "nth_of", got)
        out.append(f)
        floor = f.end
    return out


def _ordinal(text: str) -> int:
    t = text.lower()
    return _ORDINALS.get(t) or int(re.match(r"\d+", t).group(0))


def _nth_unit(r: Resolved, n: int, unit: str) -> Resolved | None:
    if unit == "month":
        if not _is_year(r) or not -1 <= n <= 12 or n == 0:
            return None
        m = cal.month(r.start.year, 12 if n == -1 else n)
        return Resolved(m.value, m.start, m.end, r.kind)
    if _is_year(r):
        last = cal.week(dt.date(r.start.year, 12, 28))
        w = last if n == -1 else cal.iso_week(r.start.year, n)
    else:
        w = cal.week(r.end) if n == -1 else cal.week(r.start + dt.timedelta(weeks=n - 1))
    return Resolved(w.value, w.start, w.end, r.kind)
