"""Time: temporal expressions normalised to TIMEX3 values and intervals, anchored to the publication date.

Stages (each in its own module):

1. ``timex_absolute`` / ``timex_relative``: regex rules find candidates in ``doc.text``
2. ``timex_context``: the Doc rejects false times ("may" the modal, "March" the verb,
   "1500 troops") and gives each clause its tense (past, future)
3. longest match wins; candidates are resolved against the publication date, and a
   yearless date takes its year from an earlier time in the same sentence if there is one
4. ``timex_compose``: "early July", "the end of 2008", "from March to May"

With no publication date, expressions that need one keep a value only ("XXXX-08-15",
"PAST_REF") and no interval.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import re._constants as sre
import re._parser as sre_parse

from spacy.tokens import Doc

from dyadline.extract.time.absolute import absolute_rules
from dyadline.extract.time.calendar import Resolved
from dyadline.extract.time.compose import Found, bare_unit_parts, extend_parts, extend_weeks, join_ranges
from dyadline.extract.time.context import clause_tense, covering_span, is_false_time
from dyadline.extract.time.grammar import load_grammar
from dyadline.extract.time.rules import Context, Rule, core_span
from dyadline.records import Time

# Relative expressions in an undated article are resolved against this placeholder,
# then reduced to a value without interval (see _unanchored).
PLACEHOLDER = dt.date(2000, 6, 15)
ANCHOR_GAP = dt.timedelta(days=31)


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every time rule, calendar ones first (they win ties)."""
    from dyadline.extract.time.relative import relative_rules

    g = load_grammar()
    return tuple(absolute_rules(g) + relative_rules(g))


@functools.lru_cache(maxsize=1)
def _prefilter() -> re.Pattern:
    """A cheap test for sentences that cannot hold a time (no digit, no time word)."""
    g = load_grammar()
    words = set(g.lex.months) | set(g.lex.weekdays) | set(g.lex.seasons) | set(g.lex.units)
    words |= {w.split()[0] for w in g.lex.holidays}
    words |= {"today", "tonight", "yesterday", "tomorrow", "tmrw", "now", "currently", "present", "recent",
              "recently", "lately", "soon", "shortly", "coming", "nowadays", "otd", "weekend", "workweek",
              "century", "nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties",
              "twenties", "night", "morning", "afternoon", "evening", "moment"}
    return re.compile(r"\d|\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)


@functools.lru_cache(maxsize=1)
def _gated_rules() -> tuple[tuple[Rule, re.Pattern], ...]:
    """Every rule with its pattern behind a lookahead on the characters a match can start with."""
    return tuple((rule, gated(rule.pattern)) for rule in all_rules())


def gated(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` led by ``(?=[...])``, the characters any of its matches can start with, so the
    engine tries its branches only there (the rules start with a lookbehind, which the engine cannot
    scan ahead on); the same matches and groups. ``pattern`` itself when the set cannot be read or
    a match can be empty."""
    try:
        first = _first_chars(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - re's parser is private: if it changes, only the speed-up is lost
        return pattern
    if first is None or first[1]:
        return pattern
    return re.compile("(?=[" + "".join(sorted(first[0])) + "])" + pattern.pattern, pattern.flags)


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


def find_times(doc: Doc, published: dt.date | None) -> list[Time]:
    """Every temporal expression in ``doc``, in text order, normalised against ``published``."""
    ref = published or PLACEHOLDER
    found = _resolve_all(doc, _select(doc, ref), ref)
    text = doc.text  # spaCy rebuilds the string on every access
    found = extend_parts(text, extend_weeks(text, found), ref)
    found = join_ranges(text, _merge(found, bare_unit_parts(text, ref)))
    return [_to_time(text, f, anchored=published is not None) for f in found]


def report_time(published: dt.date | None) -> Time | None:
    """The report's own date, for events no expression in the text dates (value PRESENT_REF)."""
    if published is None:
        return None
    d = published.isoformat()
    return Time(text=None, span=None, value="PRESENT_REF", start=d, end=d)


def _candidates(doc: Doc, ref: dt.date) -> list[tuple[int, int, int, Rule, re.Match]]:
    text, out = doc.text, []
    if not _prefilter().search(text):
        return out
    for order, (rule, pattern) in enumerate(_gated_rules()):
        for m in pattern.finditer(text):
            start, end = core_span(m)
            if text[end - 1] == "." and _last_word(text, end - 1) not in load_grammar().abbreviations:
                end -= 1
            if end > start:
                out.append((start, end, order, rule, m))
    return out


def _last_word(text: str, end: int) -> str:
    m = re.search(r"(\w+)$", text[max(0, end - 12):end])
    return m.group(1).lower() if m else ""


def _select(doc: Doc, ref: dt.date) -> list[tuple[int, int, Rule, re.Match]]:
    """Longest non-overlapping candidates that resolve and are not false times, in text order."""
    taken: list[tuple[int, int, Rule, re.Match]] = []
    cands = sorted(_candidates(doc, ref), key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    for start, end, _, rule, m in cands:
        if any(start < e and s < end for s, e, _, _ in taken):
            continue
        span = covering_span(doc, start, end)
        if span is None or is_false_time(span, rule.name):
            continue
        if rule.resolve(m, load_grammar(), Context(ref, clause_tense(span))) is None:
            continue
        taken.append((start, end, rule, m))
    return sorted(taken, key=lambda c: c[0])


def _resolve_all(doc: Doc, chosen, ref: dt.date) -> list[Found]:
    """Resolve in text order, passing each sentence's last clearly non-present time as the anchor."""
    out: list[Found] = []
    anchor, told, sent_start = None, None, -1
    for start, end, rule, m in chosen:
        span = covering_span(doc, start, end)
        if span.sent.start_char != sent_start:
            anchor, sent_start = None, span.sent.start_char
        r = rule.resolve(m, load_grammar(), Context(ref, clause_tense(span), anchor, told))
        if r is None:
            continue
        out.append(Found(start, end, rule.name, r))
        if r.end < ref - ANCHOR_GAP or r.start > ref + ANCHOR_GAP:
            anchor = told = r
    return out


def _merge(found: list[Found], extra: list[Found]) -> list[Found]:
    """Add ``extra`` times that overlap none of ``found`` (or swallow it whole), in text order."""
    out = list(found)
    for x in extra:
        inside = [f for f in out if x.start <= f.start and f.end <= x.end]
        if any(f.start < x.end and x.start < f.end for f in out if f not in inside):
            continue
        out = [f for f in out if f not in inside] + [x]
    return sorted(out, key=lambda f: f.start)


def _to_time(text: str, f: Found, *, anchored: bool) -> Time:
    r = f.resolved if anchored else _unanchored(f.resolved)
    return Time(text=text[f.start:f.end], span=(f.start, f.end), value=r.value,
                start=r.start.isoformat() if r.start else None, end=r.end.isoformat() if r.end else None)


def _unanchored(r: Resolved) -> Resolved:
    """What can be said of ``r`` when there is no publication date to anchor it."""
    if r.kind == "absolute":
        return r
    if r.kind == "yearless" and re.match(r"\d{4}-", r.value):
        return Resolved("XXXX" + r.value[4:], None, None, r.kind)
    if r.end < PLACEHOLDER:
        return Resolved("PAST_REF", None, None, r.kind)
    if r.start > PLACEHOLDER:
        return Resolved("FUTURE_REF", None, None, r.kind)
    return Resolved("PRESENT_REF", None, None, r.kind)
