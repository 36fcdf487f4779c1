"""Places: toponyms in a Doc, geocoded against the offline gazetteer.

    resolver = PlaceResolver()                   # or PlaceResolver(["my_places.yaml"])
    resolver.find(nlp(text))                     # [Place(text="Kursk region", name="Kursk Oblast", ...)]
    resolver.lookup("Tripoli", context_countries={"LBN"})   # GazetteerEntry(name="Tripoli", country="LBN")

``find`` works in two passes: first every mention's clear winner (a place that beats all
same-named places in other countries by a margin) builds the document's geography, then every
mention is resolved with that context (see :mod:`dyadline.extract.places.rank`).
Countries resolve to their centre point with ``kind="country"``; demonyms are not places.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadline.extract.places.entries import GazetteerEntry
from dyadline.extract.places.gazetteer import Gazetteer, load_gazetteer, to_place
from dyadline.extract.places.match import Mention, find_mentions, matcher_from_words, matcher_words
from dyadline.extract.places.rank import GeoContext, best, clear_winner, context_from, supported
from dyadline.records import Place

logger = logging.getLogger(__name__)

__all__ = ["PlaceResolver", "GazetteerEntry"]


class PlaceResolver:
    """Finds and geocodes the toponyms of a document; ``extra_paths`` are user gazetteer files."""

    def __init__(self, extra_paths: Iterable[str | Path] = ()):
        self.extra_paths = tuple(str(p) for p in extra_paths)
        self._gazetteer: Gazetteer | None = None

    def __getstate__(self) -> dict:
        """Pickle (for worker processes) without the gazetteer; each process loads its own once."""
        return {"extra_paths": self.extra_paths, "_gazetteer": None}

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer (shipped data plus this resolver's user files), loaded on first use."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self.extra_paths)
        return self._gazetteer

    def _matcher(self, doc: Doc) -> PhraseMatcher:
        return _matcher_for(self.gazetteer, doc.vocab, self.extra_paths)

    def find(self, doc: Doc) -> list[Place]:
        """Every toponym in ``doc`` with its place, in text order."""
        mentions = find_mentions(doc, self.gazetteer, self._matcher(doc))
        ctx = context_from(e for m in mentions if m.source != "weak" and (e := clear_winner(m.hits)) is not None)
        places = []
        for i, m in enumerate(mentions):
            entry = best(m.hits, ctx, within=_qualifier(doc, mentions, i, ctx))
            if entry is not None and (m.source != "weak" or supported(entry, ctx)):
                span = doc[m.start:m.end]
                places.append(to_place(entry, span.text, (span.start_char, span.end_char)))
        return places

    def lookup(self, name: str, *, context_countries: Iterable[str] = frozenset()) -> GazetteerEntry | None:
        """The place a single name most likely means, preferring the given countries (ISO3)."""
        return best(self.gazetteer.candidates(name), GeoContext.of_countries(context_countries))


_MATCHERS: dict[tuple[int, int], tuple[Gazetteer, Vocab, PhraseMatcher]] = {}


def _matcher_for(gaz: Gazetteer, vocab: Vocab, extra_paths: tuple[str, ...]) -> PhraseMatcher:
    """One phrase matcher per gazetteer and vocabulary, shared by every resolver in the process
    (``gaz`` is the gazetteer of ``extra_paths``, whose tokenised names the compiled cache holds)."""
    key = (id(gaz), id(vocab))
    if key not in _MATCHERS:
        _MATCHERS[key] = (gaz, vocab, matcher_from_words(vocab, matcher_words(extra_paths)))
    return _MATCHERS[key][2]


def _qualifier(doc: Doc, mentions: list[Mention], i: int, ctx: GeoContext) -> GazetteerEntry | None:
    """The place written after a comma ("Paris, Texas"), when the next mention follows directly."""
    if i + 1 >= len(mentions):
        return None
    m, nxt = mentions[i], mentions[i + 1]
    if nxt.start != m.end + 1 or doc[m.end].text != ",":
        return None
    area = best(nxt.hits, ctx)
    return area if area is not None and area.kind in ("country", "region") else None
