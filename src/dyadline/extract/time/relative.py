"""Rules for expressions anchored to the publication date: today, last month, on Tuesday, two days ago."""

from __future__ import annotations

import datetime as dt
import re

from dyadline.extract.time import calendar as cal
from dyadline.extract.time.calendar import Resolved
from dyadline.extract.time.grammar import Grammar
from dyadline.extract.time.rules import FUTURE, PAST, Context, Rule, group, pick, rule, yearless
from dyadline.extract.time.words import time_words

_WORDS = time_words()
_DAY_WORDS = _WORDS.day_words
_PRESENT = _WORDS.present_words
_VAGUE = _WORDS.vague_words
_LAST = _WORDS.last_words
_NEXT = _WORDS.next_words


def _norm(text: str | None) -> str:
    """Lower case with single spaces and no leading article ("The  Following" → "following")."""
    t = re.sub(r"\s+", " ", (text or "").lower()).strip()
    return t[4:] if t.startswith("the ") else t


def _day_word(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    return cal.day(ctx.ref + dt.timedelta(days=_DAY_WORDS[re.sub(r"\s+", " ", m.group(0).lower())]))


def _present(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    return Resolved("PRESENT_REF", ctx.ref, ctx.ref)


def _vague(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    direction, days = _VAGUE[re.sub(r"\s+", " ", m.group(0).lower())]
    if direction == PAST:
        return Resolved("PAST_REF", ctx.ref - dt.timedelta(days=days), ctx.ref)
    return Resolved("FUTURE_REF", ctx.ref, ctx.ref + dt.timedelta(days=days))


def _weekday(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    wd, mod = g.weekday(m["wd"]), _norm(group(m, "mod"))
    week_mod = _norm(group(m, "wk"))
    if week_mod:
        offset = -1 if week_mod in ("last", "previous", "past") else 1 if week_mod in _NEXT else 0
        return cal.day(cal.weekday_in_week(ctx.ref + dt.timedelta(weeks=offset), wd))
    if mod in ("this past", "past"):
        return cal.day(cal.nearest_weekday(ctx.ref - dt.timedelta(days=1), wd, future=False))
    if mod in ("coming", "upcoming", "this coming", "this upcoming"):
        return cal.day(cal.nearest_weekday(ctx.ref + dt.timedelta(days=1), wd, future=True))
    if mod in ("last", "previous"):
        return cal.day(cal.weekday_in_week(ctx.ref - dt.timedelta(weeks=1), wd))
    if mod in ("next", "following"):
        return cal.day(cal.weekday_in_week(ctx.ref + dt.timedelta(weeks=1), wd))
    if mod == "this":
        return cal.day(cal.weekday_in_week(ctx.ref, wd))
    return cal.day(cal.nearest_weekday(ctx.ref, wd, future=ctx.tense == FUTURE))


def _weekday_date(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    wd, d = g.weekday(m["wd"]), g.day(m["d"])
    found = []
    for k in range(-14, 15):
        first = cal.add_months(ctx.ref.replace(day=1), k)
        try:
            day = first.replace(day=d)
        except (ValueError, TypeError):
            continue
        if day.weekday() == wd:
            found.append(day)
    return cal.day(min(found, key=lambda x: abs((x - ctx.ref).days))) if found else None


def _unit_of(unit: str, d: dt.date) -> Resolved:
    unit = unit.split()[-1]
    if unit in ("week", "workweek"):
        return cal.week(d)
    if unit == "weekend":
        return cal.weekend(d)
    if unit == "month":
        return cal.month(d.year, d.month)
    if unit == "quarter":
        return cal.quarter_of(d)
    if unit == "decade":
        return cal.decade(d.year // 10 * 10)
    if unit == "century":
        return cal.century(d.year // 100 * 100)
    if unit == "fortnight":
        monday = d - dt.timedelta(days=d.weekday())
        return Resolved("P2W", monday, monday + dt.timedelta(days=13))
    return cal.year(d.year)


def _this_unit(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    if re.match(r"\s+of\b", m.string[m.end():]):
        return None
    unit, mod = _norm(m["u"]).replace("working week", "workweek").replace("work week", "workweek"), _norm(group(m, "mod"))
    base = ctx.anchor.start if mod in ("same", "that") and ctx.anchor else ctx.ref
    step = -1 if mod in _LAST else 1 if mod in _NEXT else 0
    if step and mod == "past" and unit in ("week", "month", "year") and (m["mod"] or "").lower().startswith("the"):
        return _window(ctx.ref, -1, 1, unit)
    moved = cal.shift(base, step, "week" if unit in ("weekend", "workweek") else unit.split()[-1])
    r = _unit_of(unit, moved)
    if unit == "workweek":
        return Resolved(r.value, r.start, r.start + dt.timedelta(days=4))
    return r


def _window(ref: dt.date, direction: int, n: int, unit: str) -> Resolved:
    if unit in ("quarter", "decade"):
        current = _unit_of(unit, ref)
        if direction < 0:
            first = _unit_of(unit, cal.shift(current.start, -n, unit))
            return Resolved(f"P{n}{'Q' if unit == 'quarter' else 'DE'}", first.start, current.start - dt.timedelta(days=1))
        last = _unit_of(unit, cal.shift(current.start, n, unit))
        return Resolved(f"P{n}{'Q' if unit == 'quarter' else 'DE'}", current.end + dt.timedelta(days=1), last.end)
    code = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y"}[unit]
    amount = n * 2 if unit == "fortnight" else n
    if direction < 0:
        return Resolved(f"P{amount}{code}", cal.shift(ref, -n, unit), ref - dt.timedelta(days=1))
    end = cal.shift(ref, n, unit) if unit != "day" else ref + dt.timedelta(days=n)
    return Resolved(f"P{amount}{code}", ref + dt.timedelta(days=1), end)


def _counted_window(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    n = g.number(m["n"]) if group(m, "n") else 1
    if not n:
        return None
    unit = g.lex.units[m["u"].lower()]
    direction = -1 if _norm(m["dir"]) in _LAST | {"recent"} else 1
    r = _window(ctx.ref, direction, n, unit)
    if _norm(group(m, "within")) == "within":
        return Resolved(r.value, ctx.ref, r.end - dt.timedelta(days=1)) if direction > 0 else r
    return r


def _offset(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    direction = _norm(m["dir"]).split()[0]
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    base = ctx.ref + dt.timedelta(days={"tomorrow": 1, "tmrw": 1, "yesterday": -1}.get(_norm(group(m, "base")), 0))
    if direction in ("later", "earlier") and ctx.told is not None:
        base = ctx.told.start  # "Rebels seized it on March 3. A month later, ...": from the date just told
    return _shifted(m, g, base, sign)


def _shifted(m: re.Match, g: Grammar, day: dt.date, sign: int) -> Resolved | None:
    """``day`` moved by every "<number> <unit>" group of the match ("2 weeks and 3 days")."""
    for n_key, u_key in (("n", "u"), ("n2", "u2"), ("n3", "u3")):
        if group(m, n_key):
            n = g.number(m[n_key])
            if n is None:
                return None
            day = cal.shift(day, sign * n, g.lex.units[m[u_key].lower()])
    return cal.day(day)


def _in_offset(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    if ctx.tense == PAST:
        return None
    n = g.number(m["n"])
    return cal.day(cal.shift(ctx.ref, n, g.lex.units[m["u"].lower()])) if n else None


def _month_name(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    mon, mod = g.month(m["m"]), _norm(group(m, "mod"))
    if mod == "this":
        return cal.month(ctx.ref.year, mon)
    if mod in _LAST:
        return cal.month(ctx.ref.year - (mon >= ctx.ref.month), mon)
    if mod in _NEXT:
        return cal.month(ctx.ref.year + (mon <= ctx.ref.month), mon)
    return yearless(pick(lambda y: cal.month(y, mon), ctx))


def _season_rel(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    code, mod = g.lex.seasons[m["s"].lower()], _norm(group(m, "mod"))
    if not mod and not group(m, "prep"):
        return None
    found = [cal.season(y, code) for y in range(ctx.ref.year - 2, ctx.ref.year + 2)]
    if mod in _LAST:
        return max((r for r in found if r.end < ctx.ref), key=lambda r: r.start)
    if mod in _NEXT:
        return min((r for r in found if r.start > ctx.ref), key=lambda r: r.start)
    if mod == "this":
        current = [r for r in found if r.start <= ctx.ref <= r.end]
        return current[0] if current else next(r for r in found if r.start.year == ctx.ref.year)
    return pick(lambda y: cal.season(y, code), ctx)


def _nth_day(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    d = g.day(m["d"])
    before = m.string[max(0, m.start() - 8):m.start()].lower()
    if not re.search(r"\b(on|by|until|till|since|from|before|after)\s+$", before):
        return None
    return yearless(pick_month(ctx, d))


def _the_unit(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    if re.match(r"\s+(?:of|before|after|earlier|later|ago|to|that|when|in\s+which)\b", m.string[m.end():], re.I):
        return None
    return _unit_of(m["u"].lower(), ctx.ref)


def _year_to_date(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    return Resolved(f"{ctx.ref.year:04d}", dt.date(ctx.ref.year, 1, 1), ctx.ref)


def _weekend(m: re.Match, g: Grammar, ctx: Context) -> Resolved:
    this = cal.weekend(ctx.ref)
    if ctx.tense == PAST and this.start > ctx.ref:
        return cal.weekend(ctx.ref - dt.timedelta(weeks=1))
    return this


def pick_month(ctx: Context, d: int | None) -> Resolved | None:
    """Day ``d`` of the month nearest the anchor date (by tense, as for yearless dates)."""
    found = []
    for k in (-1, 0, 1):
        first = cal.add_months(ctx.ref.replace(day=1), k)
        try:
            found.append(cal.day(first.replace(day=d)))
        except (ValueError, TypeError):
            continue
    if not found:
        return None
    if ctx.tense == FUTURE:
        return min((r for r in found if r.start >= ctx.ref), key=lambda r: r.start, default=found[-1])
    return max((r for r in found if r.start <= ctx.ref), key=lambda r: r.start, default=found[0])


def relative_rules(g: Grammar) -> list[Rule]:
    """The rules anchored to the publication date."""
    counted = r"{num:n}\s+{unit:u}(?:(?:\s*,\s*|\s+and\s+)(?P<n2>{num})\s+(?P<u2>{unit}))?(?:(?:\s*,\s*|\s+and\s+)(?P<n3>{num})\s+(?P<u3>{unit}))?"
    rel = r"(?P<mod>this\s+past|this\s+coming|this\s+upcoming|this|last|next|past|previous|coming|upcoming|following|the\s+following)"
    unit_words = r"(?P<u>week|weekend|month|year|quarter|decade|century|fortnight|calendar\s+year|working\s+week|work\s+week|workweek)"
    return [
        rule(g, "day_word", "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_DAY_WORDS, key=len, reverse=True)), _day_word),
        rule(g, "present", "|".join(w.replace(" ", r"\s+") for w in _PRESENT), _present),
        rule(g, "vague", "|".join(w.replace(" ", r"\s+") for w in _VAGUE), _vague),
        rule(g, "weekday", r"(?:" + rel + r"\s+)?(?P<wd>{weekday_full})\b\.?", _weekday),
        rule(g, "weekday_of_week", r"(?P<wd>{weekday_full})\b\.?,?\s+(?:of\s+)?(?:the\s+)?(?P<wk>this|last|next|previous|following)\s+week", _weekday),
        rule(g, "week_weekday", r"(?P<wk>this|last|next|previous|following)\s+week\s*[-,]?\s*(?:on\s+)?(?P<wd>{weekday})", _weekday),
        rule(g, "weekday_date", r"(?P<wd>{weekday}),?\s+(?:the\s+)?{day:d}(?!\s*(?:/|\d|{month}|{unit})|[.-]\d)", _weekday_date),
        rule(g, "this_unit", r"(?:(?:the\s+)?" + rel.replace("(?P<mod>", "(?P<mod>the\\s+same|that|current|the\\s+current|") + r")\s+" + unit_words, _this_unit),
        rule(g, "counted_window", r"(?:(?P<within>within|over|during|for|in)\s+)?(?:the\s+)?(?P<dir>next|last|past|previous|coming|following|upcoming|recent)\s+(?:{num:n}\s+)?{unit:u}(?<=s)"
             r"|{num:n2x}\s+(?P<dir2>next|past|previous|upcoming|coming)\s+{unit:u2x}(?<=s)", _window_either),
        rule(g, "within", r"(?P<within>within)\s+(?:the\s+)?(?:(?P<dir>next)\s+)?{num:n}\s+{unit:u}", _within),
        rule(g, "offset", counted + r"\s+(?P<dir>ago|earlier|later|back|from\s+now|hence|before\s+(?P<base>yesterday|today|tomorrow|tmrw)"
             r"|(?:after|from)\s+(?P<base2>today|tomorrow|tmrw|yesterday|now))", _offset_either),
        rule(g, "in_offset", r"in\s+{num:n}\s+{unit:u}(?!\s+of\b)(?:'s\s+time|\s+time)?", _in_offset),
        rule(g, "month_name", r"(?:" + rel + r"\s+)?{month_full:m}\b\.?(?!\s*\d)", _month_name),
        rule(g, "season", r"(?P<prep>(?:in|during|over|by|since|until|through|throughout)\s+(?:the\s+)?)?(?P<core>(?:" + rel + r"\s+)?{season:s})(?!\s+of\b)", _season_rel),
        rule(g, "the_unit", r"(?:for|in|of|during|throughout)\s+(?P<core>the\s+(?P<u>week|month|year))", _the_unit),
        rule(g, "year_to_date", r"(?:the\s+)?year\s+to\s+date|ytd", _year_to_date),
        rule(g, "weekend", r"(?:(?:at|over|on|during)\s+)?(?P<core>the\s+weekend|weekend)", _weekend),
        rule(g, "nth_day", r"the\s+{day:d}(?<=st|nd|rd|th)(?!\s*\w)", _nth_day),
    ]


def _window_either(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    if group(m, "dir2"):
        d = m.groupdict()
        unit = g.lex.units[d["u2x"].lower()]
        n = g.number(d["n2x"])
        return _window(ctx.ref, -1 if _norm(d["dir2"]) in _LAST else 1, n, unit) if n else None
    return _counted_window(m, g, ctx)


def _within(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    n = g.number(m["n"])
    if not n:
        return None
    unit = g.lex.units[m["u"].lower()]
    end = cal.shift(ctx.ref, n, unit) - dt.timedelta(days=1) if unit != "day" else ctx.ref + dt.timedelta(days=n)
    return Resolved(f"P{n}{unit[0].upper()}", ctx.ref, end)


def _offset_either(m: re.Match, g: Grammar, ctx: Context) -> Resolved | None:
    base2 = group(m, "base2")
    if base2:
        base = ctx.ref + dt.timedelta(days={"tomorrow": 1, "tmrw": 1, "yesterday": -1}.get(base2.lower(), 0))
        return _offset_from(m, g, Context(base, ctx.tense, ctx.anchor), 1)
    return _offset(m, g, ctx)


def _offset_from(m: re.Match, g: Grammar, ctx: Context, sign: int) -> Resolved | None:
    return _shifted(m, g, ctx.ref, sign)
