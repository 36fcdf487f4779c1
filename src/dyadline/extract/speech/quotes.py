"""Quotes: direct quotations with speaker, cue and channel.

Two steps:

1. ``find_quote_spans(text)`` pairs quotation marks, paragraph by paragraph, in one
   linear pass. Curly (“ ” « ») and straight (") marks; single marks (‘ ’) are left
   alone, so nested quotes stay inside the outer one. A paragraph that ends inside a
   quote continues into the next one when that paragraph opens with a quotation mark
   (the newswire convention for quotes over several paragraphs). Any other unclosed
   mark ends at the end of its sentence, so a stray mark never swallows the article.
2. ``find_quotes(doc, actors, claims)`` turns the spans into :class:`Quote` records.
   Speaker, cue and channel come from the claims of kind ``"quote"`` that
   :func:`dyadline.extract.speech.claims.find_claims` made for the same spans: one
   attribution mechanism serves both the event coder and the quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from dyadline.extract.speech.cues import Claim
from dyadline.records import Actor, Quote

OPENERS = "“«"
CLOSERS = "”»"
STRAIGHT = '"'
_MARK = re.compile('[“”«»"]')
_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! or ? (perhaps followed by closing marks) before a capital or an opening mark.
SENTENCE_END = re.compile(r"[.!?][”\"’»)]*\s+(?=[“\"«‘(]?[A-Z])")


@dataclass(frozen=True)
class QuoteSpan:
    """The characters between a pair of quotation marks (marks excluded, whitespace trimmed)."""

    start: int
    end: int
    paragraph: int          # index of the paragraph the span lies in
    chain: int              # index of the first span of a quote over several paragraphs (else its own)
    closed: bool = True     # False: no closing mark; the span was cut at its sentence or paragraph end


@dataclass
class _Open:
    """The state of one paragraph's scan: where the current quote opened, and how deep we are."""

    at: int = -1
    depth: int = 0


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the non-empty lines (paragraphs) of ``text``."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, found in one pass over the marks."""
    paragraphs = paragraph_spans(text)
    spans: list[QuoteSpan] = []
    chain: int | None = None  # set while a quote runs on from the previous paragraph
    for k, (ps, pe) in enumerate(paragraphs):
        first = len(spans)
        state = _scan_paragraph(text, ps, pe, k, spans)
        runs_on = False
        if state.depth > 0:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            runs_on = nxt is not None and text[nxt[0]:nxt[1]].lstrip()[:1] in OPENERS + STRAIGHT
            _emit(spans, text, state.at, pe if runs_on else _sentence_end(text, state.at, pe), k, closed=False)
        if chain is not None and len(spans) > first and text[ps:spans[first].start].strip() in tuple(OPENERS + STRAIGHT):
            spans[first] = _with_chain(spans[first], chain)
        chain = spans[-1].chain if runs_on and len(spans) > first and spans[-1].end == _rstrip_end(text, pe) else None
    return spans


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _with_chain(span: QuoteSpan, chain: int) -> QuoteSpan:
    return QuoteSpan(span.start, span.end, span.paragraph, chain, span.closed)


def _scan_paragraph(text: str, ps: int, pe: int, k: int, spans: list[QuoteSpan]) -> _Open:
    """Pair the marks of one paragraph; closed quotes go to ``spans``, an open one is returned."""
    state = _Open()
    for m in _MARK.finditer(text, ps, pe):
        i = m.start()
        role = _role(text, i, ps, pe, state.depth)
        if role == "open":
            if state.depth == 0:
                state.at, state.depth = i + 1, 1
            elif _follows_sentence_end(text, state.at, i):
                # the previous quote was never closed: cut it at its sentence end and start anew
                _emit(spans, text, state.at, _sentence_end(text, state.at, i), k, closed=False)
                state.at, state.depth = i + 1, 1
            else:
                state.depth += 1  # a quote inside a quote
        elif role == "close" and state.depth > 0:
            state.depth -= 1
            if state.depth == 0:
                _emit(spans, text, state.at, i, k, closed=True)
    return state


def _role(text: str, i: int, ps: int, pe: int, depth: int) -> str | None:
    """Whether the mark at ``i`` opens or closes a quote (None: a stray mark to ignore)."""
    c = text[i]
    if c in OPENERS:
        return "open"
    if c in CLOSERS:
        return "close"
    before = text[i - 1] if i > ps else " "
    after = text[i + 1] if i + 1 < pe else " "
    opener_like = before.isspace() or before in "([{—–-/:"
    closer_like = after.isspace() or after in ".,;:!?)]}—–-'’"
    if depth == 0:
        return None if closer_like and not opener_like else "open"
    return "open" if opener_like and not closer_like else "close"


def _follows_sentence_end(text: str, start: int, i: int) -> bool:
    """True when the mark at ``i`` starts a new sentence (so it cannot be a nested quote)."""
    before = text[start:i].rstrip()
    return before[-1:] in (".", "!", "?")


def _sentence_end(text: str, start: int, limit: int) -> int:
    """The end of the sentence that begins at or before ``start`` (at most ``limit``)."""
    m = SENTENCE_END.search(text, start, limit)
    return m.start() + 1 if m else limit


def _emit(spans: list[QuoteSpan], text: str, start: int, end: int, k: int, *, closed: bool) -> None:
    """Append the trimmed span [start, end) unless it is empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuoteSpan(start, end, k, len(spans), closed))


def is_fragment(text: str) -> bool:
    """A partial or scare quote: it starts in lower case or has at most two words."""
    letters = [c for c in text if c.isalpha()]
    return not letters or letters[0].islower() or len(text.split()) <= 2


def find_quotes(doc: Doc, actors: list[Actor], claims: list[Claim]) -> list[Quote]:
    """Direct quotations of ``doc`` with speaker, cue and channel taken from the quote claims."""
    by_scope = {c.scope: c for c in claims if c.kind == "quote"}
    quotes = []
    full = doc.text
    for s in find_quote_spans(full):
        text = full[s.start:s.end]
        claim = by_scope.get((s.start, s.end))
        quotes.append(Quote(text=text, span=(s.start, s.end),
                            speaker=claim.source if claim else None,
                            cue=claim.cue if claim and claim.cue else None,
                            attributed_to=claim.via if claim else None,
                            fragment=is_fragment(text)))
    return quotes
