"""What a time-expression rule is, the context it resolves in, and shared resolution helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dyadline.extract.time import calendar as cal
from dyadline.extract.time.calendar import Resolved
from dyadline.extract.time.grammar import Grammar

PAST, FUTURE = "past", "future"


@dataclass(frozen=True)
class Context:
    """Where an expression is resolved: the anchor date, the clause's tense, the sentence's last time,
    and the last date the text told before it, in any sentence ("A month later" counts from it)."""

    ref: dt.date
    tense: str | None = None
    anchor: Resolved | None = None
    told: Resolved | None = None


Resolver = Callable[[re.Match, Grammar, Context], "Resolved | None"]


@dataclass(frozen=True)
class Rule:
    """A named regex and the function that turns its match into a Resolved time."""

    name: str
    pattern: re.Pattern
    resolve: Resolver


def rule(grammar: Grammar, name: str, template: str, resolve: Resolver) -> Rule:
    """Compile ``template`` (with ``{piece:group}`` placeholders) into a case-insensitive Rule."""
    body = grammar.fill(template)
    return Rule(name, re.compile(rf"(?<![\w'])(?:{body})(?!\w|'(?!s\b))", re.I), resolve)


def group(m: re.Match, name: str) -> str | None:
    """The text of group ``name``, or None when the pattern has no such group or it did not match."""
    return m.groupdict().get(name)


def core_span(m: re.Match) -> tuple[int, int]:
    """The span of the ``core`` group when the rule has one (prepositions left out), else the match."""
    return m.span("core") if group(m, "core") is not None else m.span()


def pick(make: Callable[[int], Resolved | None], ctx: Context, *, years: int = 1) -> Resolved | None:
    """Choose the year of a yearless expression: by sentence anchor, then tense, else the nearest."""
    found = []
    for y in range(ctx.ref.year - years, ctx.ref.year + years + 1):
        try:
            r = make(y)
        except ValueError:
            continue
        if r is not None:
            found.append(r)
    if not found:
        return None
    if ctx.anchor is not None:
        return min(found, key=lambda r: _distance(r, ctx.anchor.start, ctx.anchor.end))
    if ctx.tense == PAST:
        past = [r for r in found if r.start <= ctx.ref]
        return max(past, key=lambda r: r.start) if past else found[0]
    if ctx.tense == FUTURE:
        future = [r for r in found if r.end >= ctx.ref]
        return min(future, key=lambda r: r.start) if future else found[-1]
    return min(found, key=lambda r: _distance(r, ctx.ref, ctx.ref))


def _distance(r: Resolved, start: dt.date, end: dt.date) -> int:
    if r.end < start:
        return (start - r.end).days
    if r.start > end:
        return (r.start - end).days
    return 0


def yearless(r: Resolved | None) -> Resolved | None:
    """Mark a resolution whose year was guessed from the anchor date."""
    return None if r is None else Resolved(r.value, r.start, r.end, "yearless")


def two_digit_year(text: str, ref: dt.date) -> int:
    """A full year for "87"/"'87"/"1987": the nearest century that is not more than 10 years ahead."""
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    yy = int(digits)
    return 2000 + yy if 2000 + yy <= ref.year + 10 else 1900 + yy


def date_or_none(y: int, m: int, d: int | None) -> dt.date | None:
    """``datetime.date`` or None for an impossible date (Feb 30)."""
    try:
        return dt.date(y, m, d)
    except (TypeError, ValueError):
        return None


def day_of(y: int, m: int, d: int | None) -> Resolved | None:
    """The Resolved day y-m-d, or None when it does not exist."""
    found = date_or_none(y, m, d)
    return None if found is None else cal.day(found)
