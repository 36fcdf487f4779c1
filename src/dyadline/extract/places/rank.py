"""Choosing one place for a name: prominence first, then the document's own geography.

The score of a candidate adds up:

* its kind (countries and curated regions or seas outrank towns of the same name),
* whether the name is the place's own name rather than an alternate,
* its size (log10 of population) and a bonus for national capitals,
* the share of the document's clear place mentions that lie in its country, and a further
  bonus when the document names its state or province ("Paris" after "Texas").

A qualifier written next to the name ("Paris, Texas", "Tripoli, Lebanon") restricts the
candidates outright; a clear country context beats a bigger same-named town elsewhere.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dyadline.extract.places.entries import GazetteerEntry
from dyadline.extract.places.gazetteer import GazetteerHit

KIND_PRIOR = {"country": 3.0, "continent": 2.5, "sea": 2.5, "strait": 2.5, "disputed": 2.5, "macro": 2.5,
              "landmark": 2.0, "island": 2.0, "river": 2.0, "region": 1.5, "city": 0.0}
EXACT_BONUS = 1.0
CAPITAL_BONUS = 1.0
CONTEXT_WEIGHT = 3.0
ADMIN1_BONUS = 0.75
CLEAR_MARGIN = 1.5
SUPPORT_SHARE = 0.5
UNSIZED_AREA_POPULATION = 1_000_000  # seas, regions and other areas the data gives no population


@dataclass(frozen=True)
class GeoContext:
    """Where a document is: the share of its clear mentions per country, and the divisions it names."""

    country_share: dict[str, float] = field(default_factory=dict)
    divisions: frozenset[tuple[str, str]] = frozenset()  # (country, admin1)

    @classmethod
    def of_countries(cls, countries: Iterable[str]) -> GeoContext:
        """A context that weighs the given countries equally."""
        codes = sorted(set(countries))
        return cls({c: 1.0 / len(codes) for c in codes}) if codes else cls()


def score(hit: GazetteerHit, ctx: GeoContext) -> float:
    """How likely ``hit`` is the place meant, given the document context."""
    e = hit.entry
    s = KIND_PRIOR.get(e.kind, 1.0) + (EXACT_BONUS if hit.exact else 0.0)
    size = e.population or (0 if e.kind == "city" else UNSIZED_AREA_POPULATION)
    s += math.log10(size + 1) / 2 + (CAPITAL_BONUS if e.capital else 0.0)
    if e.country:
        s += CONTEXT_WEIGHT * ctx.country_share.get(e.country, 0.0)
        if e.kind == "city" and (e.country, e.admin1) in ctx.divisions:
            s += ADMIN1_BONUS
    return s


def best(hits: Sequence[GazetteerHit], ctx: GeoContext, *,
         within: GazetteerEntry | None = None) -> GazetteerEntry | None:
    """The best-scoring entry, restricted to the place ``within`` when one is given and it fits."""
    if within is not None:
        inside = [h for h in hits if _inside(h.entry, within)]
        hits = inside or hits
    if not hits:
        return None
    return max(hits, key=lambda h: (score(h, ctx), h.entry.population)).entry


def _inside(entry: GazetteerEntry, area: GazetteerEntry) -> bool:
    if entry is area or not area.country or entry.country != area.country:
        return False
    return area.kind == "country" or area.admin1 is None or entry.admin1 == area.admin1


def clear_winner(hits: Sequence[GazetteerHit]) -> GazetteerEntry | None:
    """The top entry without context when it beats every candidate from another country by a margin."""
    if not hits:
        return None
    ranked = sorted(hits, key=lambda h: -score(h, GeoContext()))
    top = ranked[0].entry
    rivals = [score(h, GeoContext()) for h in ranked[1:] if h.entry.country != top.country]
    if rivals and score(ranked[0], GeoContext()) - rivals[0] < CLEAR_MARGIN:
        return None
    return top


def context_from(winners: Iterable[GazetteerEntry]) -> GeoContext:
    """The document context from its clearly resolved places."""
    winners = list(winners)
    votes = Counter(e.country for e in winners if e.country)
    total = sum(votes.values())
    shares = {c: n / total for c, n in votes.items()} if total else {}
    divisions = frozenset((e.country, e.admin1) for e in winners
                          if e.kind == "region" and e.country and e.admin1)
    return GeoContext(shares, divisions)


def supported(entry: GazetteerEntry, ctx: GeoContext) -> bool:
    """Whether the context vouches for a small place: its state is named, or its country dominates."""
    if entry.country is None:
        return False
    return (entry.country, entry.admin1) in ctx.divisions or ctx.country_share.get(entry.country, 0.0) >= SUPPORT_SHARE
