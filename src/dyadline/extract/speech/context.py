"""One document indexed once for the speech rules: quotations, paragraphs, sentence ends, names."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyadline.extract.speech.cues import Cues, load_cues
from dyadline.extract.speech.quotes import SENTENCE_END, QuoteSpan, find_quote_spans, paragraph_spans
from dyadline.extract.syntax import is_verb
from dyadline.records import Actor, Span


@dataclass
class Context:
    """One document's parse with the lookups every attribution rule needs (built once per doc)."""

    doc: Doc
    actors: list[Actor]
    cues: Cues
    quotes: list[QuoteSpan]
    in_quote: list[bool]       # per token: inside a quotation
    paragraphs: list[Span]     # start and end offsets of the paragraphs (non-empty lines)
    sentence_ends: list[int]   # text offsets where a sentence ends (regex, parse-free)
    full_names: dict[str, str]  # last word of a person's name -> its longest form in the text
    text: str = ""              # doc.text, built once (spaCy rebuilds it on every access)

    @classmethod
    def build(cls, doc: Doc, actors: list[Actor], cues: Cues | None = None) -> Context:
        """Index ``doc`` once: quotation spans, paragraph starts, sentence ends."""
        text = doc.text
        quotes = find_quote_spans(text)
        starts = [q.start for q in quotes]
        in_quote = []
        for t in doc:
            k = bisect.bisect_right(starts, t.idx) - 1
            in_quote.append(k >= 0 and t.idx < quotes[k].end)
        paragraphs = paragraph_spans(text) or [(0, len(text))]
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        names: dict[str, str] = {}
        for e in doc.ents:
            if e.label_ == "PERSON" and len(e.text) > len(names.get(e.text.split()[-1], "")):
                names[e.text.split()[-1]] = e.text
        return cls(doc, list(actors), cues or load_cues(), quotes, in_quote, paragraphs, ends, names, text)

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding offset ``char``."""
        return max(0, bisect.bisect_right(self.paragraphs, (char, len(self.text) + 1)) - 1)

    def paragraph_bounds(self, k: int) -> Span:
        """Start and end offsets of paragraph ``k``."""
        return self.paragraphs[k]


def reports_here(ctx: Context, verb: Token) -> bool:
    """False for "maintain closer communication": a two-sense verb without a complement clause."""
    return verb.lemma_.lower() not in ctx.cues.clause_verbs or any(c.dep_ == "ccomp" for c in verb.children)


def is_cue_verb(ctx: Context, tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return is_verb(tok) and (lemma in ctx.cues.report_verbs or lemma in ctx.cues.framing_verbs)


def clip(ctx: Context, scope: Span, at: int) -> Span:
    """``scope`` cut to the paragraph holding offset ``at`` (a parse may run across a headline)."""
    ps, pe = ctx.paragraph_bounds(ctx.paragraph_of(at))
    return max(scope[0], ps), min(scope[1], pe)
