"""records_from_doc: the pure boundary between the nlp stage and the store.

Stages, in order (each reads the parsed Doc, none does I/O):

1. actors      mentions resolved to name, country and sector, with coreference
2. times       temporal expressions anchored to the publication date
3. places      toponyms geocoded against the offline gazetteer
4. claims      who each stretch of text is credited to (said, according to, ...)
5. quotes      direct quotations with speaker, cue and channel
6. events      PLOVER events whose arguments come from the stages above
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dyadline.extract.actors import ActorResolver
from dyadline.extract.events import EventExtractor
from dyadline.extract.places import PlaceResolver
from dyadline.extract.speech import find_claims, find_quotes
from dyadline.extract.time import find_times
from dyadline.records import Article, Record


@dataclass
class Extractors:
    """The loaded resources every document is coded with (knowledge base, gazetteer, lexicon)."""

    actors: ActorResolver = field(default_factory=ActorResolver)
    places: PlaceResolver = field(default_factory=PlaceResolver)
    events: EventExtractor = field(default_factory=EventExtractor)

    @classmethod
    def from_settings(cls, settings) -> Extractors:
        return cls(actors=ActorResolver(settings.actor_files), places=PlaceResolver(settings.place_files),
                   events=EventExtractor(settings.lexicon_files))


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(value[:10])


def records_from_doc(doc: Doc, article: Article, ex: Extractors) -> Record:
    """Code one parsed article into a Record. Pure: same Doc and metadata, same Record."""
    published = parse_date(article.published)
    actors = ex.actors.find(doc, published)
    times = find_times(doc, published)
    places = ex.places.find(doc)
    claims = find_claims(doc, actors)
    quotes = find_quotes(doc, actors, claims)
    events = ex.events.find(doc, actors=actors, times=times, places=places, claims=claims,
                            published=published)
    return Record(id=article.id, events=tuple(events), quotes=tuple(quotes), times=tuple(times),
                  places=tuple(places), actors=tuple(actors))
