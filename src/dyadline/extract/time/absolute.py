"""Rules for calendar expressions: dates, months, years, decades, quarters, seasons, named days."""

from __future__ import annotations

import re

from dyadline.extract.time import calendar as cal
from dyadline.extract.time.calendar import Resolved
from dyadline.extract.time.grammar import Grammar
from dyadline.extract.time.rules import Context, Rule, day_of, group, pick, rule, two_digit_year, yearless
from dyadline.extract.time.words import time_words

_YEAR_SEP = r"(?:\s*,\s*|\s+of\s+|\s+in\s+|\s*[/-]\s*|\s+)"
_WEEKDAY_PREFIX = r"(?:{weekday},?\s+)?"
_DECADE_WORDS = time_words().decade_words


def _full_date(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    r = day_of(two_digit_year(m["y"], ctx.ref), g.month(m["m"]), g.day(m["d"]))
    return r.absolute() if r else None


def _month_day(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    mon, d = g.month(m["m"]), g.day(m["d"])
    return yearless(pick(lambda y: day_of(y, mon, d), ctx, years=4 if (mon, d) == (2, 29) else 1))


def _month_year(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    return cal.month(two_digit_year(m["y"], ctx.ref), g.month(m["m"])).absolute()


def _numeric(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    a, b, sep = int(m["a"]), int(m["b"]), m["sep"]
    y = two_digit_year(m["y"], ctx.ref) if group(m, "y") else None
    if len(m["a"]) == 4:
        y, mon, d = a, b, int(m["c"]) if group(m, "c") else None
    elif sep == "." or a > 12:
        mon, d = b, a
    else:
        mon, d = a, b
    if not 1 <= mon <= 12:
        return None
    if y is None:
        return yearless(pick(lambda yy: day_of(yy, mon, d), ctx, years=4 if (mon, d) == (2, 29) else 1))
    if d is None:
        return cal.month(y, mon).absolute()
    r = day_of(y, mon, d)
    return r.absolute() if r else None


def _numeric_month_year(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    return cal.month(int(m["y"]), int(m["b"])).absolute()


def _compact(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    t = m.group(0)
    r = day_of(int(t[:4]), int(t[4:6]), int(t[6:]))
    return r.absolute() if r else None


def _year(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    return cal.year(int(m["y"])).absolute()


def _decade(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    if group(m, "full"):
        return cal.decade(int(m["full"]) // 10 * 10).absolute()
    digit = int(m["d"]) if group(m, "d") else _DECADE_WORDS[m["w"].lower()]
    start = ref_century = ctx.ref.year // 100 * 100 + digit * 10
    if start > ctx.ref.year:
        start = ref_century - 100
    return cal.decade(start)


def _century(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    n = g.ordinal(m["o"]) or (21 if "twenty" in m["o"].lower() else None)
    return cal.century((n - 1) * 100).absolute() if n and n > 0 else None


def _quarter(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    q = int(group(m, "q") or group(m, "h") or 0) or g.ordinal(m["o"])
    part = cal.half if group(m, "h") or (group(m, "unit") or "").lower() == "half" else cal.quarter
    if q == -1 and not (group(m, "y") or group(m, "rel") or "of" in m.group(0).lower()):
        return None
    if q == -1:
        q = 2 if part is cal.half else 4
    if q is None or not 1 <= q <= (2 if part is cal.half else 4):
        return None
    if group(m, "y"):
        return part(int(m["y"]), q).absolute()
    rel = (group(m, "rel") or "").lower()
    if rel:
        return part(ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0), q)
    return pick(lambda y: part(y, q), ctx)


def _season(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    return cal.season(int(m["y"]), g.lex.seasons[m["s"].lower()]).absolute()


def _holiday(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    if group(m, "y"):
        return cal.day(g.lex.holiday(name, int(m["y"]))).absolute()
    rel = (group(m, "rel") or "").lower()
    dates = [g.lex.holiday(name, y) for y in range(ctx.ref.year - 1, ctx.ref.year + 2)]
    if rel in ("last", "previous", "past"):
        return cal.day(max(d for d in dates if d < ctx.ref))
    if rel:
        return cal.day(min(d for d in dates if d > ctx.ref))
    return yearless(pick(lambda y: cal.day(g.lex.holiday(name, y)), ctx))


def _week_number(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    n = int(m["n"])
    if not 1 <= n <= 53:
        return None
    if group(m, "y"):
        return cal.iso_week(int(m["y"]), n).absolute()
    offset = {"last": -1, "next": 1}.get((group(m, "rel") or "").lower(), 0)
    return cal.iso_week(ctx.ref.year + offset, n)


def absolute_rules(g: Grammar) -> list[Rule]:
    """The calendar rules, in order of preference for matches of equal length."""
    day_month = r"(?:the\s+)?{day:d}\s*(?:of\s+|[/-]\s*)?{month:m}"
    month_day = r"{month:m}\s*(?:/|-|\s|,\s*)?\s*(?:the\s+)?{day:d}"
    return [
        rule(g, "month_day_year", _WEEKDAY_PREFIX + month_day + r"(?:st|nd|rd|th)?" + _YEAR_SEP + r"(?P<y>{year}|'\d\d)", _full_date),
        rule(g, "day_month_year", _WEEKDAY_PREFIX + day_month + _YEAR_SEP + r"(?P<y>{year}|'\d\d|(?<=of\s)\d\d)", _full_date),
        rule(g, "year_month_day", r"(?P<y>{year})\s*[-/]\s*{month:m}\s*[-/]\s*{day:d}", _full_date),
        rule(g, "iso_date", r"(?P<a>\d{4})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,2})", _numeric),
        rule(g, "compact_date", r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])", _compact),
        rule(g, "numeric_date", r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})", _numeric),
        rule(g, "numeric_day", _WEEKDAY_PREFIX + r"(?P<a>\d{1,2})(?P<sep>/)(?P<b>\d{1,2})(?![/\d])", _numeric),
        rule(g, "iso_month", r"(?P<a>\d{4})(?P<sep>-)(?P<b>0?[1-9]|1[0-2])(?![\d-])", _numeric),
        rule(g, "numeric_month_year", r"(?P<b>0?[1-9]|1[0-2])(?P<sep>[-/])(?P<y>(?:19|20)\d{2})(?![-/]?\d)", _numeric_month_year),
        rule(g, "month_day", _WEEKDAY_PREFIX + month_day + r"(?![\d:])", _month_day),
        rule(g, "day_month", _WEEKDAY_PREFIX + day_month, _month_day),
        rule(g, "month_year", r"{month:m}" + _YEAR_SEP + r"(?P<y>{year}|(?<=of\s)'?\d\d)", _month_year),
        rule(g, "year_month", r"(?P<y>{year})\s+{month_full:m}", _month_year),
        rule(g, "year", r"(?:(?:the\s+)?(?:calendar\s+|fiscal\s+)?year\s+(?:of\s+)?)?(?P<y>{year})", _year),
        rule(g, "decade", r"(?:the\s+)?(?:(?P<full>1\d{2}0|20\d0)\s?'?s|'?(?P<d>\d)0s|(?P<w>" + "|".join(_DECADE_WORDS) + "))",
             _decade),
        rule(g, "century", r"(?:the\s+)?(?P<o>twenty[\s-]+first|{ord})[\s-]+century", _century),
        rule(g, "quarter", r"(?:the\s+)?(?:{ord:o}\s+(?P<unit>quarter|half)|q(?P<q>[1-4])|h(?P<h>[1-2]))"
             r"(?:\s*(?:of\s+|,\s*|-\s*|\s)\s*(?:(?:fiscal\s+)?(?P<y>{year})|(?:the|this)\s+year|(?P<rel>last|next)\s+year))?",
             _quarter),
        rule(g, "year_quarter", r"(?P<y>{year})\s*-?\s*(?:q(?P<q>[1-4])|h(?P<h>[1-2]))", _quarter),
        rule(g, "season_year", r"(?:the\s+)?{season:s}\s+(?:of\s+)?(?P<y>{year})|(?P<y2>{year})\s+{season:s2}",
             lambda m, g, c: _season_either(m, g, c)),
        rule(g, "holiday", r"(?:(?P<rel>last|previous|past|next|coming|following)\s+)?{holiday:h}(?:\s+(?:of\s+)?(?P<y>{year}))?",
             _holiday),
        rule(g, "week_number", r"(?:the\s+)?week\s+(?P<n>\d{1,2})(?:\s+of\s+(?:(?P<y>{year})|(?P<rel>this|last|next)\s+year))?",
             _week_number),
    ]


def _season_either(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    if group(m, "y2"):
        return cal.season(int(m["y2"]), g.lex.seasons[m["s2"].lower()]).absolute()
    return _season(m, g, ctx)
