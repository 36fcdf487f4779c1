"""The nouns passed between pipeline stages, and their JSON form.

Every stage hands these frozen dataclasses to the next one. ``to_dict`` writes
exactly the extraction contract (``shared/README.md``): field names, spans as
``[start, end]`` character offsets (end exclusive) and inclusive ISO dates.
``from_dict`` reads it back, so a record survives a JSON round trip unchanged.

Fields that are not part of the contract (for example the rule that produced
an event, used by ``dyadline explain``) are marked ``metadata={"wire": False}``
and never serialised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from dyadline.codebooks import cameo as cameo_codes
from dyadline.codebooks.plover import MODALITIES, NON_STATE_CODES, PLOVER_TYPES, SECTORS  # noqa: F401 (re-exported)

Span = tuple[int, int]


_LOCAL = {"wire": False}


def _span_out(span: Span | None) -> list[int] | None:
    return None if span is None else [int(span[0]), int(span[1])]


def _span_in(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


class Basis(Enum):
    """How an actor was coded: the machine tag later stages read (``Actor.how`` is prose for people).

    The value is the short label ``dyadline explain`` starts the actor's explanation with."""

    COUNTRY = "country"                  # a place or demonym of no particular kind
    COUNTRY_NAME = "country:name"        # "Russia"
    COUNTRY_DEMONYM = "country:demonym"  # "Russian officials"
    COUNTRY_CITY = "country:city"        # "Moscow said"
    COUNTRY_REGION = "country:region"
    COUNTRY_METONYM = "country:metonym"  # "the Kremlin"
    SECTOR_NOUN = "sector-noun"          # "the army", "rebels"
    KB_PERSON = "kb:person"
    KB_ORG = "kb:org"
    KB_TITLE = "kb:title"                # "the Russian president" when the KB knows who held it
    TITLED = "title:person"              # a person the KB does not know, coded by the description
    GROUP_PLACE = "group:place"          # a people group, by the place it lives in
    GROUP_ETHNIC = "group:ethnic"        # marked as ethnic, no place: the demonym's country
    GROUP_CLAUSE = "group:clause"        # marked as ethnic, placed by the clause it acts in
    MEDIA = "media:name"                 # "Channel 12 News"
    NER_PERSON = "ner:person"
    NER_ORG = "ner:org"                  # a named group the knowledge base does not list
    PRONOUN = "pronoun"
    COREF_SHORT_NAME = "coref:short-name"
    SHORT_NAME_AMBIGUOUS = "short-name:ambiguous"  # a short name several KB people share: their country
    COREF_PRONOUN = "coref:pronoun"
    COREF_DESCRIPTION = "coref:description"
    COREF_COUNTRY = "coref:country"      # "the country": the latest state
    ATTRIBUTION_UNRESOLVED = "attribution:unresolved"
    ATTRIBUTION_DEFINITE = "attribution:definite"
    ATTRIBUTION_PRONOUN = "attribution:pronoun"
    PLACE = "place"                      # a place standing for its country as a target
    PLACE_ATTACKER = "place: unnamed attacker"
    WEAPON_ATTACKER = "weapon: unnamed attacker"  # "a roadside bomb killed ...": an unidentified armed actor

    @property
    def names_country(self) -> bool:
        """Coded from a country's name, demonym, city, region or seat ("country:..." forms)."""
        return self in _COUNTRY_FORMS

    @property
    def is_country(self) -> bool:
        """Coded as a country, of any form."""
        return self is Basis.COUNTRY or self in _COUNTRY_FORMS

    @property
    def is_group(self) -> bool:
        return self in (Basis.GROUP_PLACE, Basis.GROUP_ETHNIC, Basis.GROUP_CLAUSE)

    @property
    def is_place(self) -> bool:
        return self in (Basis.PLACE, Basis.PLACE_ATTACKER)


_COUNTRY_FORMS = frozenset({Basis.COUNTRY_NAME, Basis.COUNTRY_DEMONYM, Basis.COUNTRY_CITY, Basis.COUNTRY_REGION,
                            Basis.COUNTRY_METONYM})


@dataclass(frozen=True)
class Actor:
    """A mention of a political actor, resolved to a canonical name, country and sector."""

    text: str
    span: Span | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    # Not serialised: where the resolution came from, as prose for people (``how``) and as a
    # tag for code (``basis``); for coreference, the span of the antecedent mention; and whether
    # the country is a guess from context (the article's home country) a place may overrule.
    how: str | None = field(default=None, compare=False, metadata=_LOCAL)
    antecedent: Span | None = field(default=None, compare=False, metadata=_LOCAL)
    basis: Basis | None = field(default=None, compare=False, metadata=_LOCAL)
    country_guessed: bool = field(default=False, compare=False, metadata=_LOCAL)

    def to_dict(self, *, with_span: bool = True) -> dict:
        out = {"text": self.text, "span": _span_out(self.span), "name": self.name,
               "country": self.country, "sector": self.sector}
        if not with_span:
            del out["span"]
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Actor:
        return cls(text=d.get("text", ""), span=_span_in(d.get("span")), name=d.get("name"),
                   country=d.get("country"), sector=d.get("sector"))


@dataclass(frozen=True)
class Time:
    """A temporal expression normalised to a TIMEX3 value and an inclusive date interval.

    ``text``/``span`` are None for a time that is not in the text (the report's date).
    ``start``/``end`` are None only when the expression cannot be anchored (a relative
    expression in an article with no publication date).
    """

    text: str | None
    span: Span | None
    value: str
    start: str | None
    end: str | None

    def to_dict(self) -> dict:
        return {"text": self.text, "span": _span_out(self.span), "value": self.value,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict) -> Time:
        return cls(text=d.get("text"), span=_span_in(d.get("span")), value=d["value"],
                   start=d.get("start"), end=d.get("end"))


@dataclass(frozen=True)
class Place:
    """A toponym geocoded against the offline gazetteer."""

    text: str
    span: Span
    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None = None
    kind: str | None = field(default=None, compare=False, metadata=_LOCAL)  # city, country, region...

    def to_dict(self) -> dict:
        return {"text": self.text, "span": _span_out(self.span), "name": self.name,
                "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid}

    @classmethod
    def from_dict(cls, d: dict) -> Place:
        return cls(text=d["text"], span=_span_in(d["span"]), name=d["name"], country=d.get("country"),
                   lat=float(d["lat"]), lon=float(d["lon"]), geonameid=d.get("geonameid"))


@dataclass(frozen=True)
class Evidence:
    text: str
    span: Span

    def to_dict(self) -> dict:
        return {"text": self.text, "span": _span_out(self.span)}

    @classmethod
    def from_dict(cls, d: dict) -> Evidence:
        return cls(text=d["text"], span=_span_in(d["span"]))


@dataclass(frozen=True)
class Quote:
    """Words put in someone's mouth: the quoted text, who said it, the cue, and the channel."""

    text: str
    span: Span
    speaker: Actor | None = None
    cue: str | None = None
    attributed_to: Actor | None = None
    fragment: bool = field(default=False, compare=False, metadata=_LOCAL)  # scare quote / partial quote

    def to_dict(self) -> dict:
        return {"text": self.text, "span": _span_out(self.span),
                "speaker": self.speaker.to_dict() if self.speaker else None, "cue": self.cue,
                "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None}

    @classmethod
    def from_dict(cls, d: dict) -> Quote:
        return cls(text=d["text"], span=_span_in(d["span"]),
                   speaker=Actor.from_dict(d["speaker"]) if d.get("speaker") else None, cue=d.get("cue"),
                   attributed_to=Actor.from_dict(d["attributed_to"]) if d.get("attributed_to") else None)


@dataclass(frozen=True)
class Explanation:
    """Why an event was coded: the rule, its trigger and how each argument was found."""

    rule: str
    trigger: str
    arguments: tuple[tuple[str, str], ...] = ()  # (role, how it was found)
    features: tuple[tuple[str, float], ...] = ()  # what the confidence model read (name, value)


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when, where, how sure, according to whom, with evidence."""

    type: str
    evidence: Evidence
    mode: str | None = None
    cameo: str | None = None
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    date: Time | None = None
    location: Place | None = None
    modality: str = "asserted"
    attributed_to: Actor | None = None
    confidence: float = 0.5
    explanation: Explanation | None = field(default=None, compare=False, metadata=_LOCAL)

    @property
    def goldstein(self) -> float | None:
        return cameo_codes.goldstein(self.cameo)

    @property
    def quad_class(self) -> int | None:
        return cameo_codes.quad_class(self.cameo)

    def to_dict(self) -> dict:
        return {"type": self.type, "mode": self.mode, "cameo": self.cameo,
                "source": [a.to_dict() for a in self.source], "target": [a.to_dict() for a in self.target],
                "date": self.date.to_dict() if self.date else None,
                "location": self.location.to_dict() if self.location else None,
                "modality": self.modality,
                "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
                "evidence": self.evidence.to_dict(), "confidence": round(float(self.confidence), 3)}

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        return cls(type=d["type"], evidence=Evidence.from_dict(d["evidence"]), mode=d.get("mode"),
                   cameo=d.get("cameo"), source=tuple(Actor.from_dict(a) for a in d.get("source") or ()),
                   target=tuple(Actor.from_dict(a) for a in d.get("target") or ()),
                   date=Time.from_dict(d["date"]) if d.get("date") else None,
                   location=Place.from_dict(d["location"]) if d.get("location") else None,
                   modality=d.get("modality", "asserted"),
                   attributed_to=Actor.from_dict(d["attributed_to"]) if d.get("attributed_to") else None,
                   confidence=float(d.get("confidence", 0.5)))


@dataclass(frozen=True)
class Article:
    """One input document, as the readers produce it."""

    id: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    source_path: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "published": self.published,
                "title": self.title, "url": self.url}


@dataclass(frozen=True)
class Record:
    """Everything extracted from one article: the unit the contract serialises."""

    id: str
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()

    def to_dict(self) -> dict:
        return {"id": self.id, "events": [e.to_dict() for e in self.events],
                "quotes": [q.to_dict() for q in self.quotes], "times": [t.to_dict() for t in self.times],
                "places": [p.to_dict() for p in self.places], "actors": [a.to_dict() for a in self.actors]}

    @classmethod
    def from_dict(cls, d: dict) -> Record:
        return cls(id=str(d["id"]), events=tuple(Event.from_dict(e) for e in d.get("events") or ()),
                   quotes=tuple(Quote.from_dict(q) for q in d.get("quotes") or ()),
                   times=tuple(Time.from_dict(t) for t in d.get("times") or ()),
                   places=tuple(Place.from_dict(p) for p in d.get("places") or ()),
                   actors=tuple(Actor.from_dict(a) for a in d.get("actors") or ()))
