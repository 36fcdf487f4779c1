"""Toponym mentions in a parsed Doc: spaCy entities checked against the gazetteer, plus a phrase matcher.

A mention is a token span whose text the gazetteer knows. Sources, strongest first:

1. GPE/LOC entities (or their core: "northern Syria" -> "Syria", "Kursk region" -> "Kursk");
2. other entities (the small model tags "Kyiv" PERSON and "Kursk" PRODUCT) whose whole text is
   a well-known place, or a smaller town ("weak": kept only when the document's context agrees);
3. a case-insensitive phrase matcher over curated names (countries, continents, the project's
   regions and seas, cities of 100,000+), kept to capitalised proper nouns.

A name followed by a generic head ("Kursk region", "Idlib province") takes the longer name
when the gazetteer knows it; a name followed by a street or building head ("Atlantic Avenue",
"Windsor Castle") is not a mention of the place.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dyadline.codebooks.countries import load_countries
from dyadline.extract.places.gazetteer import Gazetteer, GazetteerHit

logger = logging.getLogger(__name__)

PLACE_LABELS = frozenset(("GPE", "LOC"))
MISLABELS = frozenset(("FAC", "PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"))
NOT_A_CONTAINER = frozenset(("PERSON", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"))
MATCHER_MIN_POPULATION = 100_000
MISLABEL_MIN_POPULATION = 50_000
_NAME_TAGS = frozenset(("NNP", "NNPS"))
_TITLES = frozenset(("Mr", "Mrs", "Ms", "Dr", "Sir", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "President",
                     "Minister", "Judge", "Justice", "Coach", "Professor", "Prof", "Officer", "Detective"))
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


@dataclass(frozen=True)
class Mention:
    """A toponym candidate: token span, how it was found, and every place its text may name."""

    start: int
    end: int
    text: str
    source: str  # "ent", "mislabel" (well-known place), "weak" (small town, needs context) or "matcher"
    hits: tuple[GazetteerHit, ...]


def find_mentions(doc: Doc, gaz: Gazetteer, matcher: PhraseMatcher) -> list[Mention]:
    """Every non-overlapping toponym mention in ``doc``, longest and strongest first, in text order."""
    found = [*_entity_mentions(doc, gaz), *_matcher_mentions(doc, gaz, matcher)]
    found = [_extend(doc, gaz, m) for m in found]
    return _non_overlapping([m for m in found if not _names_a_facility(doc, m, gaz.words.facility_heads)])


def _mention(doc: Doc, start: int, end: int, source: str, hits: Iterable[GazetteerHit]) -> Mention:
    return Mention(start, end, doc[start:end].text, source, tuple(hits))


def _entity_mentions(doc: Doc, gaz: Gazetteer) -> Iterator[Mention]:
    person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            core = _core(ent, gaz)
            hits = _plausible(core.text, gaz.candidates(core.text)) if core is not None else []
            if hits:
                yield _mention(doc, core.start, core.end, "ent", hits)
        elif ent.label_ in MISLABELS:
            mention = _mislabel_mention(ent, gaz, person_words)
            if mention is not None:
                yield mention


def _mislabel_mention(ent: Span, gaz: Gazetteer, person_words: set[str]) -> Mention | None:
    """A non-place entity whose whole text is a place: well-known ("mislabel") or small ("weak")."""
    span = _strip_the(ent)
    if ent.label_ == "PERSON" and _person_like(span, person_words, gaz.words.speech_verbs):
        return None
    hits = [h for h in _plausible(span.text, gaz.candidates(span.text)) if h.exact]
    if _stands_for_a_country(span.text) and not any(h.entry.capital for h in hits):
        return None  # "White House", "Kremlin": an institution, not the town of that name
    known = [h for h in hits if _well_known(h, ent.label_)]
    if known:
        return _mention(ent.doc, span.start, span.end, "mislabel", known)
    if hits and ent.label_ not in ("FAC", "ORG"):  # small towns named like firms or buildings are left out
        return _mention(ent.doc, span.start, span.end, "weak", hits)
    return None


def _stands_for_a_country(text: str) -> bool:
    match = load_countries().lookup(text)
    return match is not None and match.form in ("demonym", "metonym")


def _plausible(text: str, hits: list[GazetteerHit]) -> list[GazetteerHit]:
    """Hits whose name fits how ``text`` is written: capitalised, same acronym case, exact abbreviation;
    a town's alternate name only counts for cities of 100,000+."""
    if not text[:1].isupper():
        return []
    return [h for h in hits if _same_writing(text, h.form)
            and (h.exact or h.entry.population >= MATCHER_MIN_POPULATION)]


def _same_writing(text: str, form: str) -> bool:
    if _INITIALS.fullmatch(text):
        return form.replace(".", "") == text.replace(".", "")  # "U.S." is "US", but "P.A." is not Pa
    if form.endswith(".") and len(form) <= 6:
        return text == form
    if form.isupper() or (text.isupper() and len(text) <= 3):
        return text.upper() == text and form.isupper()
    return True


def _person_like(span: Span, person_words: set[str], speech_verbs: frozenset[str]) -> bool:
    """A PERSON entity that really is a person: part of a full name elsewhere, titled, or speaking."""
    if all(t.lower_ in person_words for t in span):
        return True
    before = span.doc[span.start - 1].text.rstrip(".") if span.start > 0 else ""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return before in _TITLES or (after is not None and after.lemma_ in speech_verbs)


def _core(ent: Span, gaz: Gazetteer) -> Span | None:
    """The part of a place entity the gazetteer knows: whole, without 's, lowercase lead words or head."""
    span = _strip_the(ent)
    if span[-1].text in ("'s", "\u2019s", "'", "\u2019") and len(span) > 1:
        span = span[:-1]
    while len(span) > 1 and span[0].is_lower:
        if span.text in gaz:
            return span
        span = span[1:]
    if span.text in gaz:
        return span
    if len(span) > 1 and span[-1].lower_ in gaz.words.generic_heads and span[:-1].text in gaz:
        return span[:-1]
    return None


def _strip_the(span: Span) -> Span:
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


def _well_known(hit: GazetteerHit, label: str) -> bool:
    """A mislabelled entity is kept only when it names a well-known place (never a country, for PERSON)."""
    e = hit.entry
    if not hit.exact or (label == "PERSON" and e.kind == "country"):
        return False
    return e.kind != "city" or e.population >= MISLABEL_MIN_POPULATION or e.capital


def _matcher_mentions(doc: Doc, gaz: Gazetteer, matcher: PhraseMatcher) -> Iterator[Mention]:
    others = [e for e in doc.ents if e.label_ not in PLACE_LABELS]
    for _, start, end in matcher(doc):
        span = doc[start:end]
        if not _looks_like_name(span, gaz.words.name_links):
            continue
        hits = [h for h in _plausible(span.text, gaz.candidates(span.text)) if h.exact]
        inside = [e for e in others if e.start <= start and end <= e.end and (e.start, e.end) != (start, end)]
        if inside and inside[0].label_ in NOT_A_CONTAINER:
            continue  # "Paris Hilton", "10 Downing Street"; but "the Tianjin court" names Tianjin
        if hits:
            yield _mention(doc, start, end, "matcher", hits)


def _looks_like_name(span: Span, links: frozenset[str]) -> bool:
    """Capitalised words (links like "of" aside); a lone word must be tagged a proper noun (or be in capitals)."""
    words = [t for t in span if t.is_alpha]
    if not words or not words[0].text[0].isupper():
        return False
    if any(not (t.text[0].isupper() or t.lower_ in links) for t in words):
        return False
    if len(span) == 1 and span.doc.has_annotation("TAG") and span[0].tag_ not in _NAME_TAGS:
        return span.text.isupper() and len(span.text) > 3  # datelines ("BAKU, Nov 17") mistagged
    return not (span.text.isupper() and len(span.text) <= 3 and span.text.lower() in ("us", "it", "in", "me"))


def _names_a_facility(doc: Doc, m: Mention, heads: frozenset[str]) -> bool:
    """"Atlantic Avenue", "Washington Square", "Windsor Castle": the name belongs to a street or building."""
    if m.end >= len(doc):
        return False
    head = doc[m.end]
    return head.text[:1].isupper() and head.text.rstrip(".").lower() in heads


def _extend(doc: Doc, gaz: Gazetteer, m: Mention) -> Mention:
    """"Kursk" + "region" -> "Kursk region" when the gazetteer knows the longer name."""
    if m.end < len(doc) and doc[m.end].lower_ in gaz.words.generic_heads:
        longer = doc[m.start:m.end + 1].text
        hits = gaz.candidates(longer)
        if hits:
            return _mention(doc, m.start, m.end + 1, m.source, hits)
    return m


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    rank = {"ent": 0, "mislabel": 1, "matcher": 2, "weak": 3}
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: (m.start - m.end, rank[m.source], m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            chosen.append(m)
            taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def matcher_names(gaz: Gazetteer) -> list[str]:
    """The names worth phrase-matching: curated entries, and cities of 100,000+ or capitals."""
    names: set[str] = set()
    for e in gaz.entries:
        if e.kind != "city":
            names.update(n for n in (e.name, *e.aliases) if not n.endswith("."))
        elif e.population >= MATCHER_MIN_POPULATION or e.capital:
            names.add(e.name)
    return sorted(names)


Words = tuple[tuple[str, ...], tuple[bool, ...]]  # a name's tokens and whether a space follows each


def name_words(names: Iterable[str]) -> tuple[Words, ...]:
    """``names`` tokenised like English text."""
    tokenizer = spacy.blank("en").tokenizer
    return tuple((tuple(t.text for t in toks), tuple(bool(t.whitespace_) for t in toks))
                 for toks in map(tokenizer, names))


def matcher_words(extra_paths: Iterable[str] = ()) -> tuple[Words, ...]:
    """The phrase matcher's names for the gazetteer of ``extra_paths``, tokenised (cached per path list;
    the compiled cache keeps them, which spares every new process the tokenising)."""
    return _matcher_words(tuple(str(p) for p in extra_paths))


@functools.lru_cache(maxsize=4)
def _matcher_words(extra_paths: tuple[str, ...]) -> tuple[Words, ...]:
    from dyadline.extract.places.gazetteer import load_gazetteer

    return name_words(matcher_names(load_gazetteer(extra_paths)))


def build_matcher(vocab: Vocab, names: Iterable[str]) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher over ``names``, tokenised like English text."""
    return matcher_from_words(vocab, name_words(names))


def matcher_from_words(vocab: Vocab, words: Iterable[Words]) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher over names already tokenised (see :func:`name_words`)."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    patterns = [Doc(vocab, words=list(w), spaces=list(sp)) for w, sp in words]
    matcher.add("PLACE", patterns)
    logger.debug("place matcher: %d names", len(patterns))
    return matcher
