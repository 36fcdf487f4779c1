"""Calendar arithmetic for time expressions: units, weeks, seasons, quarters, holidays.

Every function is pure and returns a :class:`Resolved` (a TIMEX3 value and an
inclusive interval) or a plain ``datetime.date``. Weeks are ISO weeks (Monday to
Sunday); seasons are the northern meteorological ones (winter = December to
February, named after the year it starts in).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Resolved:
    """A normalised time: TIMEX3 ``value`` and the inclusive interval ``start``..``end``."""

    value: str
    start: dt.date
    end: dt.date
    kind: str = "relative"  # "absolute" (needs no anchor), "yearless" or "relative"

    def absolute(self) -> Resolved:
        """The same time, marked as not depending on the publication date."""
        return Resolved(self.value, self.start, self.end, "absolute")


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``year``-``month``."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (day, week, fortnight, month, quarter, year, decade)."""
    days = {"day": 1, "week": 7, "fortnight": 14}
    if unit in days:
        return day + dt.timedelta(days=amount * days[unit])
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
    return add_months(day, amount * months[unit])


def day(d: dt.date) -> Resolved:
    """A single calendar day."""
    return Resolved(d.isoformat(), d, d)


def month(year: int, month_no: int) -> Resolved:
    """A calendar month."""
    return Resolved(f"{year:04d}-{month_no:02d}", dt.date(year, month_no, 1), month_end(year, month_no))


def year(year_no: int) -> Resolved:
    """A calendar year."""
    return Resolved(f"{year_no:04d}", dt.date(year_no, 1, 1), dt.date(year_no, 12, 31))


def week(d: dt.date) -> Resolved:
    """The ISO week (Monday to Sunday) containing ``d``."""
    iso_year, iso_week, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Resolved(f"{iso_year:04d}-W{iso_week:02d}", monday, monday + dt.timedelta(days=6))


def iso_week(year_no: int, week_no: int) -> Resolved:
    """ISO week ``week_no`` of ``year_no``."""
    return week(dt.date.fromisocalendar(year_no, max(1, min(week_no, 53 if _has_w53(year_no) else 52)), 1))


def _has_w53(year_no: int) -> bool:
    return dt.date(year_no, 12, 28).isocalendar()[1] == 53


def weekend(d: dt.date) -> Resolved:
    """The weekend (Saturday and Sunday) of the ISO week containing ``d``."""
    w = week(d)
    return Resolved(f"{w.value}-WE", w.start + dt.timedelta(days=5), w.end)


def quarter(year_no: int, q: int) -> Resolved:
    """Quarter ``q`` (1-4) of ``year_no``."""
    first = 3 * (q - 1) + 1
    return Resolved(f"{year_no:04d}-Q{q}", dt.date(year_no, first, 1), month_end(year_no, first + 2))


def quarter_of(d: dt.date) -> Resolved:
    """The quarter containing ``d``."""
    return quarter(d.year, (d.month - 1) // 3 + 1)


def half(year_no: int, h: int) -> Resolved:
    """Half-year ``h`` (1 or 2) of ``year_no``."""
    first = 1 if h == 1 else 7
    return Resolved(f"{year_no:04d}-H{h}", dt.date(year_no, first, 1), month_end(year_no, first + 5))


def season(year_no: int, code: str) -> Resolved:
    """The season ``code`` (SP, SU, FA, WI) that starts in ``year_no``."""
    first = SEASON_FIRST_MONTH[code]
    start = dt.date(year_no, first, 1)
    end = month_end(*divmod_month(year_no, first + 2))
    return Resolved(f"{year_no:04d}-{code}", start, end)


def divmod_month(year_no: int, month_no: int) -> tuple[int, int]:
    """Normalise a month number past 12 into the following year."""
    extra, m = divmod(month_no - 1, 12)
    return year_no + extra, m + 1


def decade(first_year: int) -> Resolved:
    """The decade starting at ``first_year`` (a multiple of ten): value like "199"."""
    return Resolved(f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def century(first_year: int) -> Resolved:
    """The century starting at ``first_year`` (a multiple of 100): value like "19"."""
    return Resolved(f"{first_year // 100:02d}", dt.date(first_year, 1, 1), dt.date(first_year + 99, 12, 31))


def span(start: dt.date, end: dt.date) -> Resolved:
    """An arbitrary inclusive range; its value is the TIMEX3 of the smallest unit holding both ends."""
    if start == end:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return Resolved(month(start.year, start.month).value, start, end)
    if start.year == end.year:
        return Resolved(year(start.year).value, start, end)
    if start.year // 10 == end.year // 10:
        return Resolved(f"{start.year // 10:03d}", start, end)
    return Resolved(f"{start.year // 100:02d}", start, end)


def weekday_in_week(d: dt.date, weekday: int) -> dt.date:
    """The day with ISO ``weekday`` index (Monday = 0) in the week containing ``d``."""
    return d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=weekday)


def nearest_weekday(ref: dt.date, weekday: int, *, future: bool) -> dt.date:
    """The most recent ``weekday`` on or before ``ref`` (or the next on or after it when ``future``)."""
    delta = (weekday - ref.weekday()) % 7
    return ref + dt.timedelta(days=delta) if future else ref - dt.timedelta(days=(7 - delta) % 7)


def nth_weekday(year_no: int, month_no: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of a month (``n`` = -1 for the last one)."""
    if n < 0:
        last = month_end(year_no, month_no)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year_no, month_no, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year_no: int) -> dt.date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm."""
    a, b, c = year_no % 19, year_no // 100, year_no % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    r = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * r) // 451
    month_no, day_no = divmod(h + r - 7 * m + 114, 31)
    return dt.date(year_no, month_no, day_no + 1)
