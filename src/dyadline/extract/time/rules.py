"""What a time-expression rule is, the context it resolves in, and shared resolution helpers."""

from __future__ import annotations

import datetime as dt
import re
import re._constants as sre
import re._parser as sre_parse
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
    pattern: re.Pattern  # compiled from ``source`` behind a first-character lookahead (see ``gated``)
    resolve: Resolver
    source: str = ""  # the regex as written


def rule(grammar: Grammar, name: str, template: str, resolve: Resolver) -> Rule:
    """Compile ``template`` (with ``{piece:group}`` placeholders) into a case-insensitive Rule."""
    body = grammar.fill(template)
    source = rf"(?<![\w'])(?:{body})(?!\w|'(?!s\b))"
    return Rule(name, gated(source, re.I), resolve, source)


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


def gated(source: str, flags: int = 0) -> re.Pattern:
    """``source`` compiled behind ``(?=[...])``, the characters any of its matches can start with, so
    the engine tries its branches only there (the rules open with a lookbehind, on which the engine
    cannot scan ahead): the same matches and groups, found in three quarters of the time. Compiled
    as it is when the set cannot be read or a match can be empty."""
    try:
        first = _first_chars(sre_parse.parse(source, flags))
    except Exception:  # noqa: BLE001 - re's parser is private: if it changes, only the speed-up is lost
        first = None
    if first is None or first[1]:
        return re.compile(source, flags)
    return re.compile("(?=[" + "".join(sorted(first[0])) + "])" + source, flags)


_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


def _first_chars(items) -> tuple[set[str], bool] | None:
    """(character-class items a match of the parsed ``items`` can start with, whether it can be
    empty), or None for anything not understood (back-references, negated sets, flag groups)."""
    acc: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:  # lookarounds and anchors consume nothing
            continue
        if op is sre.LITERAL:
            return acc | {re.escape(chr(av))}, False
        if op is sre.IN:
            for o, a in av:
                if o is sre.LITERAL:
                    acc.add(re.escape(chr(a)))
                elif o is sre.RANGE:
                    acc.add(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
                elif o is sre.CATEGORY and a in _CATEGORIES:
                    acc.add(_CATEGORIES[a])
                else:
                    return None
            return acc, False
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            sub = _first_chars(av[3])
        elif op is sre.ATOMIC_GROUP:
            sub = _first_chars(av)
        elif op is sre.BRANCH:
            alts = [_first_chars(alt) for alt in av[1]]
            sub = None if None in alts else (set().union(*(a[0] for a in alts)), any(a[1] for a in alts))
        elif op in _REPEATS:
            sub = _first_chars(av[2])
            sub = sub if sub is None or av[0] > 0 else (sub[0], True)
        else:
            return None
        if sub is None:
            return None
        acc |= sub[0]
        if not sub[1]:
            return acc, False
    return acc, True
