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
    for order, rule in enumerate(all_rules()):
        for m in rule.pattern.finditer(text):
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
