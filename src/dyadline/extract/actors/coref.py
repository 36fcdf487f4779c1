"""Within-document coreference for actor mentions.

Mentions are read in order; each resolved one joins the history. Pronouns take the
nearest fitting antecedent (a person for he/she, a state or organisation for it, a
plural or conjoined mention for they), looking first in the same sentence and then in
up to three earlier ones, where the subject of the latest sentence with a candidate
wins. Definite descriptions ("the Russian leader", "the minister") take the latest
person whose role fits the title and country; "the two nations" takes the latest pair
of states; short names ("Kim") the latest full mention of the same person.
Every coreferent Actor records its antecedent's span.

For pronouns this is the first strategy of the one pronoun resolver (:mod:`.pronouns`), which
later stages ask; its second strategy searches the text for what this one left unnamed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dyadline.codebooks.plover import STATE_SECTORS
from dyadline.extract.actors.hits import Mention
from dyadline.extract.actors.lexicon import key_of
from dyadline.extract.actors.terms import is_personal
from dyadline.extract.actors.titles import GOVERNMENT_HEADS, STATE_HEADS, TitleIndex, canonical_title, matches_title
from dyadline.records import Actor, Basis

WINDOW = 3  # sentences looked back
POSSESSIVES = frozenset({"its", "their"})


@dataclass
class Resolved:
    """A mention with the actor(s) it refers to."""

    mention: Mention
    actors: list[Actor]
    antecedents: list[Resolved] = field(default_factory=list)

    @property
    def entry(self):
        c = self.mention.coding
        if c is not None and c.entry is not None:
            return c.entry
        return self.antecedents[0].entry if len(self.antecedents) == 1 else None

    @property
    def is_person(self) -> bool:
        return self.mention.person and not self.mention.plural and len(self.actors) == 1

    @property
    def is_state(self) -> bool:
        m = self.mention
        return m.referential and not m.person and len(self.actors) == 1 and self.actors[0].country is not None


@dataclass
class Coreference:
    """Resolves the mentions of one Doc to Actors."""

    doc: Doc
    titles: TitleIndex
    date: dt.date | None
    history: list[Resolved] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        self.text = self.doc.text

    def run(self, mentions: list[Mention]) -> list[Actor]:
        """Actors for every mention that resolves, in text order."""
        out: list[Actor] = []
        for m in mentions:
            r = self._resolve(m)
            if r is None or not r.actors:
                continue
            self.history.append(r)
            out.extend(r.actors)
        return out

    def _resolve(self, m: Mention) -> Resolved | None:
        handler: Callable[[Mention], Resolved | None] = {
            "named": self._named, "short": self._short, "pronoun": self._pronoun,
            "description": self._description, "pair": self._pair,
            "country-description": self._country, "group-description": self._group,
        }[m.kind]
        return handler(m)

    # ------------------------------------------------------------------ actors

    def _span(self, m: Mention) -> tuple[int, int]:
        return self.doc[m.start].idx, self.doc[m.end - 1].idx + len(self.doc[m.end - 1].text)

    def _actor(self, m: Mention, basis: Basis, name=None, country=None, sector=None, antecedent=None) -> Actor:
        s, e = self._span(m)
        return Actor(text=self.text[s:e], span=(s, e), name=name, country=country, sector=sector, how=basis.value, basis=basis,
                     antecedent=antecedent)

    def _copy(self, m: Mention, ante: Resolved, basis: Basis, sector: str | None = None) -> list[Actor]:
        return [self._actor(m, basis, a.name, a.country, sector or a.sector, a.span) for a in ante.actors]

    def _named(self, m: Mention) -> Resolved | None:
        c = m.coding
        if m.pronoun in POSSESSIVES and c is not None and c.basis is Basis.TITLED and c.country is None:
            found = self._owned(m)
            if found is not None:
                return found
        if m.name and " " not in m.name and (c is None or c.name is None):
            for r in reversed(self.history):
                full = r.actors[0].name if r.is_person else None
                if full and " " in full and full.split()[-1] == m.name:
                    return Resolved(m, self._copy(m, r, Basis.COREF_SHORT_NAME), [r])
        if c is None:
            if m.name is None:
                return None
            return Resolved(m, [self._actor(m, Basis.NER_PERSON if m.person else Basis.NER_ORG, name=m.name)])
        name = c.name or m.name
        basis = c.basis if c.name or not m.name or c.basis is Basis.TITLED else Basis.NER_PERSON
        return Resolved(m, [self._actor(m, basis, name, c.country, c.sector)])

    def _short(self, m: Mention) -> Resolved | None:
        entries = {s.entry.name for s in m.short_hit.senses if s.entry is not None} if m.short_hit else set()
        forms = {key_of(s.form) for s in m.short_hit.senses} if m.short_hit else set()
        for r in reversed(self.history):
            e = r.entry
            if (e is not None and e.name in entries and r.mention.kind != "pronoun") or _unknown_named(r, forms):
                return Resolved(m, self._copy(m, r, Basis.COREF_SHORT_NAME), [r])
        if len(entries) > 1 and not self._one_in_office(m):
            return self._same_country(m)
        if not _known_by_surname(m):
            return None
        return self._named(m)

    def _same_country(self, m: Mention) -> Resolved | None:
        """A short name of several people of one country ("Bush"): that country, no name."""
        c = m.coding
        countries = {(r.country if (r := s.entry.role_at(self.date)) else None) or s.entry.country
                     for s in m.short_hit.senses if s.entry is not None}
        if len(countries) != 1 or None in countries or (c is not None and c.country not in countries):
            return None
        if c is None:  # "Clinton": every known bearer of the surname is of one country
            return Resolved(m, [self._actor(m, Basis.SHORT_NAME_AMBIGUOUS, None, next(iter(countries)), None)])
        return Resolved(m, [self._actor(m, Basis.SHORT_NAME_AMBIGUOUS, None, c.country, c.sector)])

    def _one_in_office(self, m: Mention) -> bool:
        """Exactly one of the people a short name can mean holds a role on the date ("Bush" in 1990)."""
        if self.date is None or m.short_hit is None:
            return False
        held = {s.entry.name for s in m.short_hit.senses
                if s.entry is not None and any(r.holds(self.date) for r in s.entry.roles)}
        return len(held) == 1

    # ---------------------------------------------------------------- search

    def _recent(self, m: Mention, fits: Callable[[Resolved], bool], possessive: bool = False) -> Resolved | None:
        """The fitting antecedent: nearest in the sentence (for a possessive, the subject of a clause
        it is in, if one fits), else the subject of the latest earlier sentence."""
        same = [r for r in self.history if r.mention.sent == m.sent and r.mention.end <= m.start and fits(r)]
        if same:
            return (self._clause_subject(m, same) if possessive else None) or same[-1]
        sents = sorted({r.mention.sent for r in self.history if r.mention.sent < m.sent}, reverse=True)
        for sent in sents[:WINDOW]:
            cands = [r for r in self.history if r.mention.sent == sent and fits(r)]
            if cands:
                subj = [r for r in cands if r.mention.subject]
                return (subj or cands)[0]
        return None

    def _clause_subject(self, m: Mention, cands: list[Resolved]) -> Resolved | None:
        """The latest candidate that is the subject of a verb governing the pronoun ("Libya offered
        Britain two of its nationals": its = Libya)."""
        pron = self.doc[m.root]
        governing = {t.i for t in pron.ancestors}
        if not _verb_argument(self.doc[cands[-1].mention.root]):
            return None  # the nearest is inside a noun phrase ("conditions in Venezuela and its leader")
        for r in reversed(cands):
            tok = self.doc[r.mention.root]
            verb = tok.head.head if tok.dep_ == "conj" else tok.head
            if r.mention.subject and verb.i in governing:
                return r
        return None

    def _pronoun(self, m: Mention) -> Resolved | None:
        possessive = self.doc[m.root].lower_ in POSSESSIVES
        if m.plural:
            ante = self._recent(m, self._is_plural, possessive)
        elif m.person:
            ante = self._recent(m, lambda r: r.is_person and _gender_ok(r, m.gender))
        else:
            ante = self._recent(m, lambda r: r.is_state, possessive)
        if ante is None:
            return None
        if m.plural and ante.mention.members:
            return self._group_of(m, ante, Basis.COREF_PRONOUN)
        return Resolved(m, self._copy(m, ante, Basis.COREF_PRONOUN), [ante])

    def _is_plural(self, r: Resolved) -> bool:
        if not r.mention.referential:
            return False
        return len(r.actors) > 1 or (r.mention.plural and (r.actors[0].country or r.actors[0].sector) is not None) or bool(
            r.mention.members)

    def _description(self, m: Mention) -> Resolved | None:
        c = m.coding
        if m.pronoun is not None:
            return self._possessive(m)
        if c is not None and c.term is not None and is_personal(c.term) and not m.plural:
            ante = self._recent_person(m)
            if ante is not None:
                return Resolved(m, self._copy(m, ante, Basis.COREF_DESCRIPTION), [ante])
        if c is not None and c.country is None and c.term is not None:
            ante = self._recent(m, lambda r: r.is_state and _same_term(r, c.term)) or self._same_head(m)
            if ante is None and c.sector in STATE_SECTORS and not is_personal(c.term):
                return self._national_body(m) or self._named(m)
            if ante is not None:
                return Resolved(m, self._copy(m, ante, Basis.COREF_DESCRIPTION, c.sector), [ante])
        return self._named(m)

    def _national_body(self, m: Mention) -> Resolved | None:
        """"The army", "the government" with no country: the country of the nearest state or state
        official before it (the actor is the body, not that person)."""
        ante = self._recent(m, _national)
        if ante is None:
            return None
        a = ante.actors[0]
        return Resolved(m, [self._actor(m, Basis.COREF_COUNTRY, None, a.country, m.coding.sector, a.span)])

    def _same_head(self, m: Mention) -> Resolved | None:
        """The latest earlier body with the description's head noun ("Tanzania's National Electoral
        Commission" ... "the commission"), however far back."""
        head = self.doc[m.root].lemma_.lower()
        for r in reversed(self.history):
            if r.mention.kind != "pronoun" and r.is_state and self.doc[r.mention.root].lemma_.lower() == head:
                return r
        return None

    def _recent_person(self, m: Mention) -> Resolved | None:
        c = m.coding

        def fits(r: Resolved) -> bool:
            if not r.is_person:
                return False
            if c.country is not None and r.actors[0].country != c.country:
                return False
            if r.entry is None or r.entry.kind != "person":
                return self._described_as(r, c.term)
            if c.term.kind != "title":
                return r.actors[0].sector == c.term.sector
            return matches_title(r.entry.role_at(self.date), c.term, self.titles)

        same = [r for r in self.history if fits(r)]
        return same[-1] if same else None

    def _owned(self, m: Mention) -> Resolved | None:
        """A person described by "its"/"their" title ("Its chairman, X"): the owner's country, and
        its sector for a generic title ("spokesman")."""
        c = m.coding
        probe = Mention(m.start, m.start + 1, "pronoun", root=m.start, sent=m.sent, plural=m.pronoun == "their")
        ante = self._recent(probe, self._is_plural if probe.plural else (lambda r: r.is_state), True)
        if ante is None or len(ante.actors) != 1:
            return None
        owner = ante.actors[0]
        sector = owner.sector if c.term is not None and c.term.generic and owner.sector else c.sector
        return Resolved(m, [self._actor(m, Basis.TITLED, m.name, owner.country, sector)], [ante])

    def _described_as(self, r: Resolved, term) -> bool:
        """A person the KB does not know whose mention (name with title, or appositive) has the
        description's words ("Lieutenant-General Asim Bajwa" ... "the general")."""
        if r.mention.coding is None or r.mention.coding.basis is not Basis.TITLED:
            return False
        have = _span_words(self.doc, r.mention.start, r.mention.end)
        return all(w in have for w in term.text.replace("-", " ").split())

    def _possessive(self, m: Mention) -> Resolved | None:
        sector = m.coding.sector if m.coding else None
        at = next((t.i for t in self.doc[m.start:m.end] if t.lower_ == m.pronoun), m.start)
        probe = Mention(m.start, m.start + 1, "pronoun", root=at, sent=m.sent,
                        plural=m.pronoun in ("their", "theirs"), person=m.pronoun in ("his", "her"),
                        gender={"his": "m", "her": "f"}.get(m.pronoun))
        if probe.person:
            ante = self._recent(probe, lambda r: r.is_person and _gender_ok(r, probe.gender))
        elif probe.plural:
            ante = self._recent(probe, self._is_plural, True)
        else:
            ante = self._recent(probe, lambda r: r.is_state, True)
        if ante is None or probe.person:
            return self._named(m) if m.coding is not None and m.coding.sector else None
        if ante.mention.members:
            group = self._group_of(m, ante, Basis.COREF_DESCRIPTION)
            return Resolved(m, [_with_sector(a, sector) for a in group.actors], group.antecedents)
        return Resolved(m, [_with_sector(a, sector) for a in self._copy(m, ante, Basis.COREF_DESCRIPTION)], [ante])

    def _pair(self, m: Mention) -> Resolved | None:
        for r in reversed(self.history):
            if r.mention.sent < m.sent - 400:
                break
            countries = {a.country for a in r.actors if a.country}
            if len(countries) >= 2 and (len(r.actors) > 1 or r.mention.members):
                return Resolved(m, self._states(m, r.actors), [r])
            if r.mention.members and len({x.coding.country for x in r.mention.members
                                          if x.coding and x.coding.country}) >= 2:
                group = self._group_of(m, r, Basis.COREF_DESCRIPTION)
                return Resolved(m, self._states(m, group.actors), group.antecedents)
        return self._last_two_states(m)

    def _last_two_states(self, m: Mention) -> Resolved | None:
        """The two latest distinct states mentioned before ``m``."""
        picked: list[Resolved] = []
        for r in reversed(self.history):
            if r.is_state and r.actors[0].country not in {p.actors[0].country for p in picked}:
                picked.append(r)
            if len(picked) == 2:
                actors = [a for p in reversed(picked) for a in self._states(m, p.actors)]
                return Resolved(m, actors, list(reversed(picked)))
        return None

    def _states(self, m: Mention, actors: list[Actor]) -> list[Actor]:
        """One country-level actor per distinct country of ``actors`` ("the two nations")."""
        out, seen = [], set()
        for a in actors:
            if a.country and a.country not in seen:
                seen.add(a.country)
                out.append(self._actor(m, Basis.COREF_DESCRIPTION, None, a.country, None, a.antecedent or a.span))
        return out

    def _group_of(self, m: Mention, r: Resolved, basis: Basis) -> Resolved:
        members = [h for h in self.history if any(h.mention is x for x in r.mention.members)]
        actors = [a for h in members for a in self._copy(m, h, basis)]
        return Resolved(m, actors, members)

    def _country(self, m: Mention) -> Resolved | None:
        ante = self._recent(m, lambda r: r.is_state and _country_coded(r.actors[0]))
        return Resolved(m, self._copy(m, ante, Basis.COREF_DESCRIPTION), [ante]) if ante else None

    def _group(self, m: Mention) -> Resolved | None:
        ante = self._recent(m, lambda r: r.is_state and r.actors[0].basis is Basis.KB_ORG) or self._same_head(m)
        return Resolved(m, self._copy(m, ante, Basis.COREF_DESCRIPTION), [ante]) if ante else None


def _national(r: Resolved) -> bool:
    """A country or a state official: whose "the government" or "the army" a later one is."""
    if not r.mention.referential or len(r.actors) != 1 or r.actors[0].country in (None, "IGO", "NGO"):
        return False
    a = r.actors[0]
    return _country_coded(a) or a.sector in STATE_SECTORS  # "the government", "the army": of a country


def _verb_argument(tok) -> bool:
    """True for an argument of a verb: its object, or the object of a preposition on the verb."""
    while tok.dep_ == "conj":
        tok = tok.head
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    return head.pos_ in ("VERB", "AUX")


def _unknown_named(r: Resolved, surnames: set[str]) -> bool:
    """A person the KB does not know, named in full with one of these surnames ("Saddam Hussein")."""
    name = r.mention.name
    return r.is_person and r.entry is None and bool(name) and " " in name and key_of(name.split()[-1]) in surnames


def _known_by_surname(m: Mention) -> bool:
    """A surname alone names someone when the data lists it, or for a head of state or government."""
    senses = [s for s in m.short_hit.senses if s.kind == "short"] if m.short_hit else []
    if not senses or not all(s.auto for s in senses):
        return True
    heads = (*STATE_HEADS, *GOVERNMENT_HEADS)
    return any(canonical_title(r.title) in heads for s in senses for r in s.entry.roles)


def _gender_ok(r: Resolved, gender: str | None) -> bool:
    have = r.entry.gender if r.entry is not None else None
    if gender == "f":
        return have == "f" or have is None and r.entry is None
    return have != "f"


def _same_term(r: Resolved, term) -> bool:
    c = r.mention.coding
    if c is None or c.term is None:
        return False
    a, b = c.term.text, term.text
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _span_words(doc: Doc, start: int, end: int) -> set[str]:
    """The lower-case words of a token range, hyphenated words split ("lieutenant-general")."""
    return {w for t in doc[start:end] for w in t.lower_.replace("-", " ").split()}


def _with_sector(a: Actor, sector: str | None) -> Actor:
    from dataclasses import replace

    if not sector:
        return a
    return replace(a, sector=sector, name=None)


def _country_coded(a: Actor) -> bool:
    """Coded as a country (by name, demonym, city, seat ...), not by coreference or a KB entry."""
    return a.basis is not None and a.basis.is_country
