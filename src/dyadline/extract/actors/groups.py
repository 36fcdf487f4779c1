"""People groups: ethnic and national groups coded by the country they live in.

Event coders (CAMEO, PLOVER) code a people living in another country by that country:
"ethnic Albanians in southern Serbia" is SRB, "the Hungarian minority in Romania" ROU,
"ethnic Russians living in Latvia" LVA, "Kurds in Syria" SYR. A phrase is such a group
when a demonym (or a people of ``data/actors_peoples.yaml``) is

- the people noun itself ("Albanians", "the Kurds"),
- followed by a group noun ("the Hungarian minority", "the Serb community"), or
- the modifier of an armed non-state noun ("Albanian rebels", "Chechen guerrillas"),

and either it is marked as ethnic ("ethnic Albanians") or a place follows it in an
"in"/"of"/"from" phrase or after "living"/"based"/"operating" ("Kurds in Syria", "Albanians
of Kosovo", "Albanian rebels in Macedonia"). Armed groups take the place only from an
"in" phrase attached to them ("Albanian rebels in Macedonia" is MKD REB, as CAMEO codes it);
groups of other occupations keep their nationality ("American tourists in Egypt" is USA), and
so does a bare nation's demonym placed by "in" ("Americans in Iraq"): only "of" says it lives
there ("the Albanians of Kosovo"). Peoples without a state ("Kurds in Syria") take any place.

A marked group with no place keeps the demonym's country (how ``group:ethnic``); the
mention finder may then take the place of the clause ("ethnic Albanians demonstrated in
Serbia"): see :func:`clause_place`. People groups without another sector are civilians (CVL).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Token

from dyadline.codebooks.plover import ARMED_PEOPLES
from dyadline.errors import ConfigError, Errors
from dyadline.extract.actors.lexicon import Hit, Lexicon, Sense, Word, key_of
from dyadline.extract.actors.words import shipped_actor_words
from dyadline.records import Basis
from dyadline.yamlfile import load_yaml

_WORDS = shipped_actor_words()  # data/actors_words.yaml
GROUP_WORDS = _WORDS.people_group_words
ETHNIC_WORDS = frozenset({"ethnic"})
RESIDENCE = _WORDS.residence_words
LOCATIVE = _WORDS.locative_prepositions
BELONGING = _WORDS.belonging_prepositions
PLACE_KINDS = ("country", "capital", "city", "region", "demonym")
_STOPS = frozenset({",", ";", ":", "(", "who", "which", "that", "and", "or", "but", "while", "after", "before"})


@dataclass(frozen=True)
class GroupPlace:
    """How a people group is coded: the country it lives in (None: keep the phrase's) and why."""

    country: str | None
    basis: Basis
    civilian: bool  # a people, not an armed group or an occupation: civilians when nothing else says


@dataclass(frozen=True)
class People:
    """An ethnic or national group of ``data/actors_peoples.yaml``: its forms and home country."""

    name: str
    forms: tuple[str, ...]
    country: str | None = None


@dataclass(frozen=True)
class _Shape:
    people: Hit  # the demonym hit
    civilian: bool
    armed: bool
    ethnic: bool
    resident: bool  # ends with a residence participle ("living")


def state_country(sense: Sense | None) -> str | None:
    """The country a place or demonym sense gives (None for a people without a state)."""
    return sense.country if sense is not None and sense.kind in PLACE_KINDS else None


def locate_group(words: Sequence[Word], hits: Sequence[Hit], cut: int) -> GroupPlace | None:
    """Code the phrase ``words`` as a people group, or None when it is not one.

    ``cut`` is the index of the first boundary word (the head part is ``words[:cut]``)."""
    shape = _shape(words, hits, cut)
    if shape is None:
        return None
    own = state_country(shape.people.first("demonym"))
    if own is not None and shape.civilian and not shape.ethnic and cut < len(words) and words[cut].key not in BELONGING:
        return None  # "Americans in Iraq" are Americans; "the Albanians of Kosovo" live there
    place = _tail_place(words, hits, cut, shape)
    if place is not None and place != own:
        return GroupPlace(place, Basis.GROUP_PLACE, shape.civilian)
    if shape.ethnic:
        return GroupPlace(None, Basis.GROUP_ETHNIC, shape.civilian)
    return None


def _shape(words: Sequence[Word], hits: Sequence[Hit], cut: int) -> _Shape | None:
    head = [h for h in hits if h.end <= cut]
    people = next((h for h in reversed(head) if h.first("demonym")), None)
    if people is None or any(state_country(h.first(*PLACE_KINDS)) or h.first("org", "person")
                             for h in head if h.end <= people.start):
        return None  # "Syria's Kurds", "Iraqi Kurds": the head already places them
    rest = [w.key for w in words[people.end:cut]]
    resident = bool(rest) and rest[-1] in RESIDENCE
    rest = rest[:-1] if resident else rest
    ethnic = any(w.key in ETHNIC_WORDS for w in words[:people.start])
    if not rest:
        return _Shape(people, True, False, ethnic, resident)
    if len(rest) == 1 and rest[0] in GROUP_WORDS:
        return _Shape(people, True, False, True, resident)
    terms = [h.first("term").term for h in head if h.start >= people.end and h.first("term")]
    covered = sum(h.end - h.start for h in head if h.start >= people.end and h.first("term"))
    if not terms or covered != len(rest):
        return None
    armed = terms[-1].sector in ARMED_PEOPLES
    civilian = terms[-1].sector == "CVL"
    if not armed and not (civilian and ethnic):
        return None
    return _Shape(people, False, armed, ethnic, resident)


def _tail_place(words: Sequence[Word], hits: Sequence[Hit], cut: int, shape: _Shape) -> str | None:
    """The country of the place named right after the head ("in southern Serbia", "of Kosovo")."""
    if cut >= len(words):
        return None
    prep = words[cut].key
    if not (prep in LOCATIVE or (prep in BELONGING and not shape.armed and not shape.resident)):
        return None
    stop = next((k for k in range(cut + 1, len(words)) if words[k].key in _STOPS), len(words))
    for h in hits:
        if cut < h.start and h.end <= stop:
            country = state_country(h.first(*PLACE_KINDS))
            if country is not None:
                return country
            if h.first("org", "person"):
                return None
    return None


def place_tail(root: Token, end: int) -> list[int]:
    """The tokens of a place phrase attached to the noun ``root`` of a phrase ending at ``end``:
    "in southern Serbia", or a residence participle with its phrase ("living in Latvia"); [] if none."""
    for c in root.rights:
        if c.i != end:
            continue
        if c.dep_ == "prep" and c.lower_ in LOCATIVE:
            return _pp_tokens(c)
        if c.dep_ == "acl" and c.lower_ in RESIDENCE:
            pp = next((g for g in c.rights if g.dep_ == "prep" and g.lower_ in LOCATIVE), None)
            if pp is not None and pp.i == c.i + 1:
                return [c.i, *_pp_tokens(pp)]
    return []


def _pp_tokens(prep: Token) -> list[int]:
    obj = next((g for g in prep.rights if g.dep_ == "pobj"), None)
    return [] if obj is None else list(range(prep.i, obj.i + 1))


def clause_place(root: Token, state_hits: Iterable[tuple[int, int, str]]) -> str | None:
    """The country of the place where the clause of ``root`` happens ("ethnic Albanians
    demonstrated in Serbia", "killed three ethnic Albanians in a clash in southern Serbia").

    ``state_hits``: (start token, end token, country) of the Doc's place and country names."""
    tok = root
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    verb = tok.head
    places = sorted(state_hits)
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
            continue
        obj = next((g for g in prep.rights if g.dep_ == "pobj"), None)
        if obj is None:
            continue
        left, right = obj.left_edge.i, obj.right_edge.i + 1
        found = next((c for s, e, c in places if left <= s and e <= right), None)
        if found is not None:
            return found
    return None


PEOPLES_FILE = "actors_peoples.yaml"


def parse_peoples(data, path: str) -> tuple[People, ...]:
    """The peoples of a parsed peoples file (``{"peoples": [{name, forms, country}]}``)."""
    if not isinstance(data, dict) or not isinstance(data.get("peoples"), list):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a mapping with a 'peoples' list"))
    return tuple(_people(raw, path) for raw in data["peoples"])


def _people(raw, path: str) -> People:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise ConfigError(Errors.E004.format(path=path, entry=raw, reason="a people needs a 'name'"))
    forms, country = raw.get("forms") or [raw["name"]], raw.get("country")
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise ConfigError(Errors.E004.format(path=path, entry=raw["name"], reason="'forms' must be a list of strings"))
    if country is not None and not (isinstance(country, str) and len(country) == 3 and country.isupper()):
        raise ConfigError(Errors.E004.format(path=path, entry=raw["name"],
                                             reason=f"'country' must be ISO3 or null, got {country!r}"))
    return People(raw["name"], tuple(f.strip() for f in forms), country)


@functools.lru_cache(maxsize=1)
def load_peoples() -> tuple[People, ...]:
    """The shipped peoples (read once)."""
    path = f"<dyadline>/{PEOPLES_FILE}"
    try:
        text = resources.files("dyadline.extract").joinpath("data", PEOPLES_FILE).read_text(encoding="utf-8")
        data = load_yaml(text)
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from None
    return parse_peoples(data, path)


def add_peoples(lex: Lexicon, peoples: Iterable[People]) -> None:
    """Index the peoples' forms as demonyms, leaving forms the lexicon already names alone."""
    for people in peoples:
        for form in people.forms:
            if not any(s.proper for s in lex.senses(key_of(form))):
                lex.add(form, Sense("demonym", form, country=people.country))
