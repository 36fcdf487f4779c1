"""Sector terms: the nouns, titles and modifiers that give an actor its PLOVER sector.

Read from ``data/actors_sectors.yaml`` (and any user file with the same layout)::

    nouns:                 # groups, bodies and people by occupation -> sector
      MIL: [troop, soldier, army, air force]
    titles:                # titles a person holds
      - {title: president, sector: GOV, head: true}   # head: head of state or government
      - {title: general, sector: MIL}
    generic: [member, official, spokesman]   # defer to the organisation named after them
    instruments: [tank, drone]               # weapons: actors only as the agent of an event
    former: [former, ex, retired]            # make the actor an elite (ELI)

Singular nouns get their plural forms generated (``troop`` -> ``troops``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from dyadline.codebooks.plover import PERSON_SECTORS, SECTORS
from dyadline.errors import ConfigError, Errors
from dyadline.yamlfile import load_yaml

_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "child": "children", "staff": "staff",
              "police": "police", "personnel": "personnel", "media": "media", "military": "military",
              "intelligence": "intelligence", "youth": "youths", "leadership": "leadership"}


@dataclass(frozen=True)
class Term:
    """A word or phrase that names a sector: a group noun or a person's title."""

    text: str          # the form as written in the file (singular)
    sector: str
    kind: str          # "noun" | "title"
    head: bool = False  # a title of a head of state or government
    generic: bool = False  # "member", "spokesman": the organisation named after it decides
    plural: bool = False  # this form is a plural
    instrument: bool = False  # a weapon or vehicle ("artillery", "drones"): an actor only as the agent


@dataclass(frozen=True)
class Terms:
    """All sector terms keyed by their written forms (singular and plural)."""

    forms: dict[str, Term]
    former: frozenset[str]
    parliamentary: frozenset[str] = frozenset()  # countries led by the head of government


def plural(word: str) -> str:
    """The English plural of the last word of ``word``."""
    head, _, last = word.rpartition(" ")
    pre = f"{head} " if head else ""
    if last in _IRREGULAR:
        return pre + _IRREGULAR[last]
    if last.endswith("man"):
        return pre + last[:-3] + "men"
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return pre + last[:-1] + "ies"
    if last.endswith(("s", "sh", "ch", "x")):
        return pre + last + "es"
    return pre + last + "s"


def _bad(path: str, entry, reason: str) -> ConfigError:
    return ConfigError(Errors.E004.format(path=path, entry=entry, reason=reason))


def _add(forms: dict[str, Term], term: Term) -> None:
    forms[term.text] = term
    pl = plural(term.text)
    if pl != term.text:
        forms.setdefault(pl, Term(pl, term.sector, term.kind, term.head, term.generic, plural=True,
                                  instrument=term.instrument))


def parse_terms(data: dict, path: str) -> Terms:
    """Build the term table from a parsed sector file."""
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a mapping with 'nouns' and 'titles'"))
    forms: dict[str, Term] = {}
    generic = {str(g).lower() for g in data.get("generic") or ()}
    instruments = {str(g).lower() for g in data.get("instruments") or ()}
    for sector, words in (data.get("nouns") or {}).items():
        if sector not in SECTORS:
            raise _bad(path, sector, "unknown sector")
        for w in words or ():
            low = str(w).lower()
            _add(forms, Term(low, sector, "noun", generic=low in generic, instrument=low in instruments))
    for t in data.get("titles") or ():
        if not isinstance(t, dict) or "title" not in t or t.get("sector") not in SECTORS:
            raise _bad(path, t, "a title needs 'title' and a known 'sector'")
        text = str(t["title"]).lower()
        _add(forms, Term(text, t["sector"], "title", bool(t.get("head")), generic=text in generic))
    return Terms(forms=forms, former=frozenset(str(f).lower() for f in data.get("former") or ()),
                 parliamentary=frozenset(str(c) for c in data.get("parliamentary") or ()))


@functools.lru_cache(maxsize=2)
def load_terms() -> Terms:
    """The shipped sector terms."""
    text = resources.files("dyadline.extract").joinpath("data", "actors_sectors.yaml").read_text(encoding="utf-8")
    try:
        data = load_yaml(text)
    except yaml.YAMLError as e:
        raise ConfigError(Errors.E003.format(path="actors_sectors.yaml", reason=e)) from None
    return parse_terms(data, "<dyadline>/actors_sectors.yaml")


_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "official", "diplomat", "envoy", "chief",
                   "head", "candidate", "hopeful", "figure", "deputy", "aide")


def is_personal(term: Term) -> bool:
    """True for a title or a singular noun naming one person ("the opposition leader", "the official")."""
    if term.kind == "title":
        return not term.plural
    return (not term.plural and term.sector in PERSON_SECTORS
            and term.text.split()[-1].endswith(_PERSON_ENDINGS))
