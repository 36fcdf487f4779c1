"""Code one noun phrase ("Russian President Vladimir Putin", "four Saudi men") to name, country, sector.

The phrase is split at its first preposition or comma: the words before it hold the
head ("Russia's ambassador"), the words after it qualify it ("to Poland"). Evidence
in the head part wins. People take country and sector from the role they hold on
the date; organisations from the knowledge base; otherwise the country comes from a
country name, demonym, capital or city and the sector from the head noun or title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from dyadline.codebooks.plover import ARMED_NOUNS, ARMED_ORGS
from dyadline.extract.actors.groups import GroupPlace, locate_group
from dyadline.extract.actors.kb import Entry, Role
from dyadline.extract.actors.lexicon import Hit, Sense, Word
from dyadline.extract.actors.terms import Term
from dyadline.extract.actors.titles import canonical_title
from dyadline.extract.actors.words import shipped_actor_words
from dyadline.records import Basis

BOUNDARIES = shipped_actor_words().phrase_boundaries
STATE_FORMS = ("country", "capital", "demonym", "city", "region")

HolderLookup = Callable[[str, Term, "dt.date | None"], "tuple[Entry, Role] | None"]


@dataclass(frozen=True)
class Coding:
    """What a phrase resolves to, and the evidence used."""

    name: str | None
    country: str | None
    sector: str | None
    basis: Basis
    entry: Entry | None = None
    term: Term | None = None  # the head term (title or group noun)
    former: bool = False


@dataclass(frozen=True)
class _Parts:
    head: list[Hit]
    tail: list[Hit]
    former: bool
    cut: int = 0  # index of the first boundary word


def split(words: Sequence[Word], hits: Sequence[Hit], former_words: frozenset[str]) -> _Parts:
    """Hits before the first boundary word (head part) and after it (tail)."""
    cut = next((k for k, w in enumerate(words) if w.key in BOUNDARIES and k > 0 and not _quantity(words, k)),
               len(words))
    former = any(w.key in former_words for w in words[:cut])
    return _Parts([h for h in hits if h.start < cut], [h for h in hits if h.start >= cut], former, cut)


def _quantity(words: Sequence[Word], k: int) -> bool:
    """"up to 100 ethnic Albanians", "close to 50 soldiers": "to" counts, it does not qualify the head."""
    return words[k].key == "to" and words[k - 1].key in ("up", "close") and k + 1 < len(words) \
        and words[k + 1].text[:1].isdigit()


def _first(hits: Sequence[Hit], *kinds: str) -> tuple[Hit, Sense] | None:
    for h in hits:
        s = h.first(*kinds)
        if s is not None:
            return h, s
    return None


def _state(hits: Sequence[Hit]) -> tuple[Hit, Sense] | None:
    """The first country, capital, demonym or place that names a country (not a stateless people)."""
    for h in hits:
        s = h.first(*STATE_FORMS)
        if s is not None and s.country is not None:
            return h, s
    return None


def _last(hits: Sequence[Hit], *kinds: str) -> tuple[Hit, Sense] | None:
    for h in reversed(hits):
        s = h.first(*kinds)
        if s is not None:
            return h, s
    return None


def code_person(entry: Entry, date: dt.date | None, former: bool, title: Term | None = None) -> Coding:
    """A KB person on ``date``; undated, a title in the mention picks the role ("Senator Marco Rubio")."""
    role = entry.role_at(date)
    if date is None and title is not None and title.kind == "title":
        fits = [r for r in entry.roles if canonical_title(title.text) in canonical_title(r.title)]
        role = max(fits, key=lambda r: r.start or dt.date.min) if fits else role
    country = (role.country if role else None) or entry.country
    sector = "ELI" if former else (role.sector if role else entry.sector)
    return Coding(entry.name, country, sector, Basis.KB_PERSON, entry=entry, former=former)


def pick_entry(hit: Hit, sense: Sense, date: dt.date | None) -> Entry:
    """Of the people a form can name ("Bush"), the one holding a role on ``date`` (else the first)."""
    same = [s.entry for s in hit.senses if s.kind == sense.kind and s.entry is not None]
    if date is None or len(same) < 2:
        return sense.entry
    return next((e for e in same if any(r.holds(date) for r in e.roles)), sense.entry)


def _dated(org: Entry, date: dt.date | None) -> Entry:
    """An organisation with the country and sector of the role it has on ``date`` (if it has roles)."""
    role = org.role_at(date)
    if role is None:
        return org
    return replace(org, country=role.country or org.country, sector=role.sector)


def _head_term(parts: _Parts) -> Term | None:
    found = _last(parts.head, "term")
    return found[1].term if found else None


def _sector(parts: _Parts, org: Entry | None, capital: bool) -> str | None:
    terms = [h.first("term").term for h in parts.head if h.first("term")]
    if parts.former and (terms or org):
        return "ELI"
    if not terms:
        if org is not None:
            return org.sector
        if capital:
            return "GOV"
        tail_term = None if _state(parts.head) else _first(parts.tail, "term")
        return tail_term[1].term.sector if tail_term else None
    head = terms[-1]
    if org is not None and org.sector and head.sector in ARMED_NOUNS:
        return _armed_sector(org.sector, head)
    if head.generic:
        if org is not None and org.sector:
            return org.sector
        specific = [t for t in terms[:-1] if not t.generic]
        if specific:
            return specific[-1].sector
        tail_org = _first(parts.tail, "org")
        if tail_org is not None and tail_org[1].entry.sector:
            return tail_org[1].entry.sector
        tail_term = _first(parts.tail, "term")
        if tail_term is not None and not tail_term[1].term.generic:
            return tail_term[1].term.sector
    elif org is not None and org.sector and head.kind == "noun" and head.sector in ("UAF", "CVL"):
        return org.sector
    return head.sector


def _armed_sector(org_sector: str, head: Term) -> str:
    """Fighters, commanders and forces of an organisation: a state's are its military,
    an armed group's are the group ("Hamas fighters": REB), a party's are rebels."""
    if org_sector in ("GOV", "MIL"):
        return "MIL"
    if org_sector in ARMED_ORGS:
        return org_sector
    return head.sector


def _country(parts: _Parts, org: Entry | None) -> str | None:
    state = _state(parts.head)
    if org is not None and org.country and (state is None or org.country not in ("IGO", "NGO")):
        return org.country
    if state is not None:
        return state[1].country
    tail = next((h for h in parts.tail if h.first("org") or _state([h])), None)
    if tail is None:
        return None
    org_sense = tail.first("org")
    return org_sense.entry.country if org_sense else _state([tail])[1].country


def code_phrase(words: Sequence[Word], hits: Sequence[Hit], date: dt.date | None,
                former_words: frozenset[str], holder: HolderLookup | None = None) -> Coding | None:
    """Resolve a phrase from its words and lexicon hits; None when nothing names an actor."""
    if not hits:
        return None
    parts = split(words, hits, former_words)
    person = _last(parts.head, "person", "short") or _first(parts.tail, "person")
    if person is not None:
        return code_person(pick_entry(person[0], person[1], date), date, parts.former, _head_term(parts))
    org_hit = _last(parts.head, "org")
    org = _dated(org_hit[1].entry, date) if org_hit else None
    capital = bool(_first(parts.head, "capital"))
    country = _country(parts, org)
    sector = _sector(parts, org, capital)
    term = _head_term(parts)
    group = locate_group(words, hits, parts.cut) if org is None else None
    if group is not None:
        return _group_coding(group, country, sector, term, parts.former)
    if org is not None:
        national = country != org.country and org.country in ("IGO", "NGO")
        return Coding(None if national else org.name, country, sector, Basis.SECTOR_NOUN if national else Basis.KB_ORG,
                      entry=None if national else org, term=term, former=parts.former)
    if country is None and sector is None:
        return None
    own_country = _state(parts.head) is not None
    if holder is not None and own_country and term is not None and term.kind == "title" and not parts.former:
        found = holder(country, term, date)
        if found is not None:
            entry, role = found
            return Coding(entry.name, role.country or country, role.sector, Basis.KB_TITLE, entry=entry, term=term)
    basis = _basis(parts, capital)
    if basis is Basis.COUNTRY_CITY and sector is None and term is None:
        sector = "CVL"
    return Coding(None, country, sector, basis, term=term, former=parts.former)


def _group_coding(group: GroupPlace, country: str | None, sector: str | None, term: Term | None,
                  former: bool) -> Coding:
    """A people group: the country it lives in, civilians unless a noun says otherwise."""
    if sector is None and group.civilian:
        sector = "CVL"
    return Coding(None, group.country or country, sector, group.basis, term=term, former=former)


def _basis(parts: _Parts, capital: bool) -> Basis:
    if capital and not _first(parts.head, "term"):
        return Basis.COUNTRY_METONYM
    state = _state(parts.head) or _state(parts.tail)
    if state is None or _first(parts.head, "term"):
        return Basis.SECTOR_NOUN
    return _BASIS_BY_KIND.get(state[1].kind, Basis.COUNTRY)


_BASIS_BY_KIND = {"country": Basis.COUNTRY_NAME, "demonym": Basis.COUNTRY_DEMONYM, "city": Basis.COUNTRY_CITY,
                  "region": Basis.COUNTRY_REGION}
