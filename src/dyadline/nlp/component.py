"""The ``dyadline`` spaCy component: code a parsed Doc into a Record, then write it onto the Doc.

Like spaCy's own stateful components it computes first (``records_from_doc``) and then writes
(``set_annotations``): ``doc._.dyadline`` holds the Record and ``doc.spans`` gets one group per
kind of mention (``SPAN_GROUPS``): actors labelled "COUNTRY SECTOR" with the canonical name as
``kb_id_``, event evidence labelled with the PLOVER type, quotes, times (TIMEX3 value) and places
(country). Registration is in ``nlp/factories.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dyadline.errors import ConfigError, Errors
from dyadline.extract.collect import Extractors, records_from_doc
from dyadline.nlp.extensions import register_extensions
from dyadline.records import Actor, Article, Record

SPAN_GROUPS = {"actors": "dyadline_actors", "evidence": "dyadline_evidence", "quotes": "dyadline_quotes",
               "times": "dyadline_times", "places": "dyadline_places"}
# What earlier components must set, as spaCy names it (``requires``; token.pos is left out because
# spaCy's English pipelines set it in the attribute ruler, which declares nothing), and how to see
# each on a Doc (checked at run time, token.pos included).
REQUIRES = ("doc.ents", "doc.sents", "token.dep", "token.lemma", "token.tag")
_ANNOTATIONS = {"token.dep": "DEP", "token.lemma": "LEMMA", "token.pos": "POS", "token.tag": "TAG",
                "doc.ents": "ENT_IOB"}


def actor_label(actor: Actor) -> str:
    """The span label of an actor: "RUS GOV", "IGO", "GOV", or "ACTOR" when unresolved."""
    return " ".join(x for x in (actor.country, actor.sector) if x) or "ACTOR"


def _span(doc: Doc, span, label: str, kb_id: str = "") -> Span | None:
    if span is None:
        return None
    return doc.char_span(span[0], span[1], label=label, kb_id=kb_id or "", alignment_mode="expand")


def record_spans(doc: Doc, record: Record) -> dict[str, list[Span]]:
    """The spans of a Record, by span-group name (mentions outside the text are skipped)."""
    groups = {
        "actors": [_span(doc, a.span, actor_label(a), a.name or "") for a in record.actors],
        "evidence": [_span(doc, e.evidence.span, e.type) for e in record.events],
        "quotes": [_span(doc, q.span, "QUOTE", (q.speaker.name or "") if q.speaker else "") for q in record.quotes],
        "times": [_span(doc, t.span, t.value) for t in record.times],
        "places": [_span(doc, p.span, p.country or "PLACE", p.name) for p in record.places],
    }
    return {SPAN_GROUPS[k]: [s for s in spans if s is not None] for k, spans in groups.items()}


def set_annotations(doc: Doc, record: Record) -> None:
    """Write ``record`` onto ``doc``: ``doc._.dyadline`` and the span groups."""
    doc._.dyadline = record
    for name, spans in record_spans(doc, record).items():
        doc.spans[name] = spans


def missing_annotations(doc: Doc) -> list[str]:
    """The required annotations a (non-empty) Doc lacks."""
    if not len(doc):
        return []
    missing = [name for name, attr in _ANNOTATIONS.items() if not doc.has_annotation(attr)]
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        missing.append("doc.sents")
    return missing


class DyadlineComponent:
    """Codes each Doc into a Record (actors, times, places, claims, quotes, PLOVER events)."""

    def __init__(self, name: str, extractors: Extractors, *, model: str = "this pipeline"):
        register_extensions()
        self.name = name
        self.extractors = extractors
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        missing = missing_annotations(doc)
        if missing:
            raise ConfigError(Errors.E602.format(model=self.model, missing=", ".join(missing)))
        article = doc._.dyadline_article or Article(id="doc", text=doc.text)
        set_annotations(doc, records_from_doc(doc, article, self.extractors))
        return doc
