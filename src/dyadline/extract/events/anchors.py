"""Where and when an event happened, how sure the coder is, and which events are repeats."""

from __future__ import annotations

import functools
import math
from dataclasses import replace

from spacy.tokens import Span, Token

from dyadline.datafiles import data_path
from dyadline.extract.events.context import Candidate
from dyadline.extract.events.nearby import clause_chars
from dyadline.extract.events.roles import Found, Role
from dyadline.extract.events.words import EventWords
from dyadline.extract.speech.cues import Claim
from dyadline.extract.wordlists import read_yaml_file
from dyadline.records import Actor, Event, Place, Time


def split_sources(ev: Event) -> list[Event]:
    """"condemned by Tokyo and Seoul" is two events; a reciprocal event stays one."""
    countries = {a.country for a in ev.source if a.country}
    if len(countries) < 2 or countries & {a.country for a in ev.target}:
        return [ev]
    out = []
    for code in sorted(countries, key=lambda c: min(i for i, a in enumerate(ev.source) if a.country == c)):
        out.append(replace(ev, source=tuple(a for a in ev.source if a.country == code)))
    return out


def credited(claim: Claim | None) -> Actor | None:
    """Who a claim is credited to: the outlet that carried it, else its source."""
    if claim is None:
        return None
    return claim.via or claim.source


def evidence_span(sent: Span, c: Candidate) -> tuple[int, int]:
    idxs = list(c.match.tokens) + c.args.source.tokens + c.args.target.tokens
    idxs = [i for i in idxs if sent.start <= i < sent.end] or [c.token.i]
    doc = sent.doc
    lo, hi = min(idxs), max(idxs)
    # extend the right edge over the head phrase of the last argument / object
    last = doc[hi]
    right = max((t.i for t in last.subtree if t.dep_ not in ("relcl", "punct") and not t.is_space
                 and sent.start <= t.i < sent.end), default=hi)
    right = min(right, _clause_right(c.token, sent))
    hi = max(hi, right)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _clause_right(tok: Token, sent: Span) -> int:
    """Right edge of the trigger's own clause (not its relative or adverbial clauses)."""
    right = tok.i
    for t in tok.subtree:
        if t.i > right and all(a.dep_ not in ("relcl", "advcl", "ccomp", "conj") or a == tok for a in _path(t, tok)):
            if t.dep_ != "punct" and not t.is_space:
                right = t.i
    return right


def _path(t: Token, top: Token) -> list[Token]:
    out = []
    while t != top and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def date_for(tok: Token, sent: Span, times: list[Time]) -> Time | None:
    in_sent = [t for t in times if t.span and sent.start_char <= t.span[0] < sent.end_char and t.start]
    if not in_sent:
        return None
    clause = clause_chars(tok)
    own = [t for t in in_sent if clause[0] <= t.span[0] < clause[1]]
    pool = own or in_sent
    return min(pool, key=lambda t: abs(t.span[0] - tok.idx))


def place_for(tok: Token, sent: Span, places: list[Place], c: Candidate) -> Place | None:
    """The place the trigger's clause names, nearest the trigger. A whole country is not a
    location ("conveyed concerns to India's agencies" happened somewhere in particular)."""
    lo, hi = clause_chars(tok)
    pool = [p for p in places if lo <= p.span[0] < hi and p.kind not in ("country", "continent")]
    if not pool:
        return None
    return min(pool, key=lambda p: abs(p.span[0] - tok.idx))


MATERIAL_TYPES = {"CONCEDE", "COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def confidence_features(c: Candidate, modality: str, source: Role, target: Role, typ: str) -> dict[str, float]:
    """What the confidence model looks at: how the trigger and each argument were found."""
    parsed_source = c.args.source.found is not Found.NONE and not c.args.source.found.inherited
    return {
        "source_parsed": float(parsed_source),
        "source_inherited": float(bool(c.args.source) and not parsed_source),
        "source_country": float(bool(source.actors) and all(a.country for a in source.actors)),
        "source_named": float(any(a.name for a in source.actors)),
        "target_parsed": float(bool(c.args.target)),
        "target_context": float(bool(target) and not c.args.target),
        "target_country": float(bool(target.actors) and all(a.country for a in target.actors)),
        "trigger_specific": float(bool(c.match.trigger.objects) or len(c.match.trigger.key.split()) > 1),
        "trigger_noun": float(c.match.trigger.pos == "noun"),
        "recoded": float(typ != c.match.trigger.type),
        "asserted": float(modality == "asserted"),
        "material": float(typ in MATERIAL_TYPES),
        "source_generic": float(not any(a.country or a.name for a in source.actors)),
        "target_none": float(not target),
        "source_compound": float(len(source.actors) > 1),
        "source_none": float(not source.actors),
    }


def confidence(features: dict[str, float]) -> float:
    """The probability that the event is right, from a logistic model fitted on the project's own
    sentence sets (``bench/fit_confidence.py`` writes ``data/confidence.yaml``)."""
    model = load_confidence_model()
    z = model["bias"] + sum(w * features.get(k, 0.0) for k, w in model["weights"].items())
    return round(min(0.99, max(0.01, 1 / (1 + math.exp(-z)))), 3)


@functools.lru_cache(maxsize=1)
def load_confidence_model() -> dict:
    """The fitted weights (``data/confidence.yaml``), read once."""
    return read_yaml_file(data_path("confidence.yaml"))


def background_tense(tok: Token, words: EventWords) -> bool:
    """Whether the trigger tells background rather than news: a past perfect ("had signed") or a
    present perfect of a lasting state ("have long fought", "have repeatedly clashed"). Such an
    event with no date phrase of its own is left undated instead of taking the report's date."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    auxes = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have"]
    if any(a.tag_ == "VBD" for a in auxes):
        return True
    return bool(auxes) and any(c.dep_ in ("advmod", "prep") and c.lower_ in words.durative_adverbs for c in verb.children)


def _key(e: Event) -> tuple:
    return (e.type, tuple(sorted((a.name or a.text, a.country or "") for a in e.source)),
            tuple(sorted((a.name or a.text, a.country or "") for a in e.target)), e.modality,
            e.date.value if e.date else None)


def dedupe(events: list[Event], headline_end: int = 0) -> list[Event]:
    """One event per (type, source, target, modality, date) and evidence sentence. A headline
    repeated in the body collapses into the body's event, which has the fuller evidence."""
    body_keys = {_key(e)[:4] for e in events if e.evidence.span[0] >= headline_end}
    seen: dict[tuple, Event] = {}
    out = []
    for e in events:
        if e.evidence.span[0] < headline_end and _key(e)[:4] in body_keys:
            continue
        k = _key(e) + (e.evidence.text.lower()[:60],)
        k2 = _key(e)
        if k in seen or (k2 in seen and seen[k2].evidence.text.lower() == e.evidence.text.lower()):
            continue
        seen[k] = seen[k2] = e
        out.append(e)
    return out


def headline_end(text: str) -> int:
    """End of a headline line (short, no final full stop, followed by a blank line), else 0."""
    first, sep, _ = text.partition("\n")
    if sep and len(first) < 200 and not first.rstrip().endswith((".", "!", "?", '"', "\u201d")):
        return len(first)
    return 0
