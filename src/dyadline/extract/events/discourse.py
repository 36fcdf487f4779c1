"""Arguments the parse leaves open, filled from context.

The parse gives most sources and targets (arguments.py). When it gives none, or an actor
without a country, these functions look around, in order of trust: a place named in the
argument, the article's home country, an event noun that refers back to an event already
reported, the sentence's other actors, and the event just before. Every value they supply
says where it came from, for ``dyadline explain``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from dyadline.codebooks.plover import (
    ARMED_GROUPS,
    ARMED_STATE,
    DOMESTIC_SECTORS,
    GROUP_SECTORS,
    HOME_SECTORS,
    NON_STATE_CODES,
    TITLED_SECTORS,
)
from dyadline.extract.events.nearby import VENUE_PREPS, clause_chars, context_target
from dyadline.extract.events.roles import ActorIndex, Found, Role, tagged
from dyadline.extract.events.triggers import Lexicon
from dyadline.extract.events.words import EventWords
from dyadline.extract.speech.cues import Claim
from dyadline.extract.syntax import dateline_end
from dyadline.records import Actor, Basis, Event, Place

DISCOURSE_CHARS = 400
MILITARY_TYPES = {"ASSAULT", "MOBILIZE"}
HOSTILE_TYPES = {"ASSAULT", "COERCE"}  # harm done to someone, whose agent may go unnamed
PLACE_WINDOW = 40  # characters after a mention in which "in Baghdad" still belongs to it
LOCATIVE = re.compile(r"\s*,?\s*(?:in|at|from|near|inside|outside|across|around|of)\s+(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+){0,3}")
HOME_GUESS = "home country of the article"  # a guess a place in the actor's own phrase overrules
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "dobj", "poss"}  # a place in these roles acts or is acted on


def with_home_country(actors: list[Actor], words: EventWords, dateline: str | None = None) -> list[Actor]:
    """Give "the authorities", "the commission", "police" with no country the article's home
    country: the country most of its actor mentions belong to, the dateline's counting twice
    ("NAIROBI (Reuters) -"); news agencies and other media do not vote. Groups named by a common
    noun ("militants", "students") take it too when the article clearly has one."""
    counts: dict[str, int] = {dateline: 2} if dateline else {}
    for a in actors:  # a pronoun or description referring back is no new vote
        if a.country and a.country not in NON_STATE_CODES and a.sector != "JRN" and a.antecedent is None:
            counts[a.country] = counts.get(a.country, 0) + 1
    if not counts:
        return actors
    home = max(counts, key=counts.get)
    only = len(counts) == 1
    if not only and (counts[home] < 2 or counts[home] * 2 < sum(counts.values()) * 0.6):
        return actors  # no clear home country: leave unknowns unknown
    clear = counts[home] >= 2  # an article about one country, not one sentence naming one
    dominant = clear and counts[home] >= 0.6 * sum(counts.values())
    return [replace(a, country=home, how=f"{a.how or 'mention'}; {HOME_GUESS}", country_guessed=True)
            if a.country is None and (a.sector in HOME_SECTORS and _definite(a.text) and not a.name or
                                      a.sector in TITLED_SECTORS and only and _titled(a.text, words) or
                                      (clear and a.sector in GROUP_SECTORS or dominant and a.sector in ARMED_STATE)
                                      and not a.name and not no_home(a.text, words)) else a
            for a in actors]


def dateline_country(doc, places: list[Place]) -> str | None:
    """The country of the place in the article's dateline ("NAIROBI, May 3 -"), if it has one."""
    if not len(doc):
        return None
    end = dateline_end(doc[0])
    if end == 0:
        return None
    limit = doc[end - 1].idx
    return next((p.country for p in places if p.country and p.span[1] <= limit), None)


def no_home(text: str, words: EventWords) -> bool:
    """"world leaders", "foreign fighters", "Western diplomats": no one country's."""
    return bool(set(text.lower().split()) & words.no_home_words)


def _titled(text: str, words: EventWords) -> bool:
    """"President Levy Mwanawasa", "Judge Alejandro Rivera": a person named with a state title."""
    first = text.split()[0].rstrip(".") if text.split() else ""
    return first.lower() in words.state_titles and first[:1].isupper()


def _definite(text: str) -> bool:
    """"the authorities", "the commission", "police": a known institution, not "a group of men"."""
    words = text.lower().split()
    return bool(words) and (words[0] in ("the", "its", "their") or len(words) == 1)


def placed(role: Role, places: list[Place], text: str) -> Role:
    """Give an actor with no country the country of a place in its own phrase
    ("Demonstrators in Baghdad", "Prisoners at a jail in Dili")."""
    if not role or all(a.country and not _guessed(a) for a in role.actors) or not role.tokens:
        return role
    out = []
    for a in role.actors:
        if (a.country and not _guessed(a)) or a.span is None:
            out.append(a)
            continue
        place = _place_in_phrase(a, role, places, text)
        out.append(replace(a, country=place.country, how=f"{a.how or 'mention'}; place '{place.text}'",
                           country_guessed=False) if place else a)
    return role.with_actors(out)


def _guessed(a: Actor) -> bool:
    """A country guessed from context ("the government" of the article's or the last country),
    which a place in the actor's own phrase overrules ("the transitional government in Bamako")."""
    return a.country_guessed or a.basis is Basis.COREF_COUNTRY


def _place_in_phrase(a: Actor, role: Role, places: list[Place], text: str) -> Place | None:
    """A place with a country inside the mention or attached to it by a locative preposition
    ("Demonstrators in Baghdad", "prisoners at a jail in Dili")."""
    for p in places:
        if not p.country:
            continue
        if a.span[0] <= p.span[0] < a.span[1]:
            return p
        if a.span[1] <= p.span[0] < a.span[1] + PLACE_WINDOW and LOCATIVE.fullmatch(text[a.span[1]:p.span[0]]):
            return p
    return None


def protest_home(tok: Token, source: Role, places: list[Place], idx: ActorIndex | None = None) -> Role:
    """Protesters are, unless said otherwise, people of the place where they protest, else of
    the state whose leaders they protest against ("a hunger strike to demand the resignation of
    Algerian President ...")."""
    place = next(iter(clause_places(tok, places)), None)
    if place is not None:
        return with_country(source, place.country, f"protesting in '{place.text}'")
    if idx is not None:
        lo, hi = clause_chars(tok)
        rulers = {a.country for t in tok.sent if lo <= t.idx < hi for a in idx.at(t)
                  if a.sector == "GOV" and a.country and a.country not in NON_STATE_CODES}
        if len(rulers) == 1:
            home = rulers.pop()
            return with_country(source, home, f"protesting against {home}'s government")
    return source


def clause_places(tok: Token, places: list[Place]) -> list[Place]:
    """The places with a country named in the clause of ``tok`` as where something happens ("in
    Kabul", "a Kabul market"), in text order; a place acting as a subject is an actor, not where."""
    lo, hi = clause_chars(tok)
    return [p for p in places if p.country and lo <= p.span[0] < hi and _locative(tok.doc, p)]


def _locative(doc, place: Place) -> bool:
    root = _place_root(doc, place, ("conj", "appos"))
    return root is None or root.dep_ not in SUBJECT_DEPS


def _place_root(doc, place: Place, through: tuple[str, ...]) -> Token | None:
    """The token that places a place name in the parse: its root, climbing ``through`` these
    dependencies ("Hong Kong and South Korea" -> "Kong"); None where no tokens align."""
    span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    while root.dep_ in through and root.head.i != root.i:
        root = root.head
    return root


def with_country(role: Role, country: str, why: str, *, only_missing: bool = False) -> Role:
    """``role`` with its actors (or only those without one) given ``country``, saying why."""
    return role.with_actors([replace(a, country=country, how=f"{a.how or 'mention'}; {why}", country_guessed=False)
                             if not (only_missing and a.country) else a for a in role.actors])


def earlier_attacker(tok: Token, target: Role, prior: list[Event]) -> Role:
    """"Armenian servicemen were surrounded and detained" after "Armenian units attacked
    Azerbaijani positions": a hostile act with no agent, done to one side of a fight just told,
    is the other side's doing."""
    victims = {a.country for a in target.actors if a.country}
    for e in reversed(prior):
        if tok.idx - e.evidence.span[1] > DISCOURSE_CHARS:
            break
        if e.type not in HOSTILE_TYPES or any(a.basis is not None and a.basis.is_place for a in e.source):
            continue
        sides = {a.country for a in (*e.source, *e.target) if a.country}
        if victims & sides and len(sides - victims) == 1:
            other = sides - victims
            actors = [a for a in (*e.source, *e.target) if a.country in other]
            return tagged(_first_per_country(actors), [], Found.OTHER_SIDE, e.evidence.text[:40])
    return Role()


def unknown_attacker(tok: Token, source: Role, target: Role, places: list[Place], words: EventWords) -> Role:
    """An attack whose attacker is not named or has no country ("killed in a car bombing in
    Baghdad", "gunmen shot dead two officers in Karachi"): as event coders do, the country where
    it happened. (An earlier attack's attacker is carried over only by ``earlier_attacker``, when
    the victims are one side of that fight.)"""
    if _blind_force(tok, words):
        return source  # "the tsunami struck", "a fire killed": no one attacked
    victims = [a.span for a in target.actors if a.span]
    pool = [p for p in clause_places(tok, places)
            if not any(v[0] <= p.span[0] < v[1] for v in victims)]  # "Three US servicemen": whose, not where
    place = min(pool, key=lambda p: (p.kind == "country", abs(p.span[0] - tok.idx)), default=None)
    if place is None:
        return source
    if source:
        return with_country(source, place.country, f"attacking in '{place.text}'")
    unknown = Actor(text=place.text, span=place.span, country=place.country, how=Basis.PLACE_ATTACKER.value,
                    basis=Basis.PLACE_ATTACKER)
    return tagged([unknown], [], Found.UNNAMED_ATTACKER, place.text)


def custodian(tok: Token, idx: ActorIndex, words: EventWords) -> Role:
    """Who holds the victim of harm no one is named for ("in Israeli police custody", "in the
    custody of the army"): the actor naming the custody in the trigger's sentence."""
    for t in tok.sent:
        if t.lemma_.lower() not in words.custody_nouns:
            continue
        holders = [c for c in t.subtree if c.i != t.i and idx.at(c)] + ([t] if idx.at(t) else [])
        for h in holders:
            found = [a for a in idx.at(h) if a.country]
            if found:
                return tagged(found, [h.i], Found.CUSTODIAN, found[0].text)
    return Role()


def weapon_attacker(verb: Token, words: EventWords) -> Role:
    """The weapon that did the harm when no one is named ("a roadside bomb killed four officers",
    "were killed in a drone strike", "wounded by sniper fire"): an unidentified armed actor, the
    weapon's phrase its evidence."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            nps = [c]
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "by")):
            nps = [g for g in c.children if g.dep_ == "pobj"]
        else:
            continue
        for np in nps:
            if np.pos_ == "NOUN" and np.lemma_.lower() in words.weapons:
                left = min((t.i for t in np.lefts if t.dep_ in ("det", "amod", "compound", "nummod")), default=np.i)
                span = np.doc[left:np.i + 1]
                actor = Actor(text=span.text, span=(span.start_char, span.end_char), sector="UAF",
                              how=Basis.WEAPON_ATTACKER.value, basis=Basis.WEAPON_ATTACKER)
                return tagged([actor], [np.i], Found.WEAPON, span.text)
    return Role()


def group_home(tok: Token, source: Role, target: Role, places: list[Place], typ: str, words: EventWords) -> Role:
    """A group named by a common noun with no country ("gunmen", "rebels", "protesters") is of
    the place where it acts; failing that, fighters who attack one country's people or forces are
    that country's own insurgents ("Gunmen killed six Philippine soldiers")."""
    if any(no_home(a.text, words) for a in source.actors):
        return source  # "world leaders", "foreign fighters"
    victims = [a.span for a in target.actors if a.span]
    countries = {p.country for p in clause_places(tok, places) if not any(v[0] <= p.span[0] < v[1] for v in victims)}
    if len(countries) == 1:
        return with_country(source, countries.pop(), "the place where it acts", only_missing=True)
    enemies = {a.country for a in target.actors if a.country and a.country not in NON_STATE_CODES}
    if typ in HOSTILE_TYPES and len(enemies) == 1 and all(a.sector in ARMED_GROUPS for a in source.actors):
        home = enemies.pop()
        return with_country(source, home, f"armed group acting against {home}", only_missing=True)
    return source


def _blind_force(verb: Token, words: EventWords) -> bool:
    """Whether the verb's subject or by-agent is a thing that is not a weapon or an attack
    (a storm, a fire, a crash)."""
    for c in verb.children:
        nps = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "agent" else [c] if c.dep_ in ("nsubj", "csubj") else []
        for np in nps:
            if np.pos_ in ("NOUN", "PROPN") and np.lemma_.lower() not in words.weapons and np.ent_type_ not in ("NORP", "GPE", "ORG", "PERSON"):
                return True
    return False


def domestic_target(tok: Token, source: Role, target: Role, places: list[Place]) -> Role:
    """People with no country whom a state's police, courts or government coerce or attack
    ("Egyptian police dispersed demonstrators", "authorities jailed 52 members") are, unless the
    clause places it abroad, people of that state."""
    states = {a.country for a in source.actors if a.sector in DOMESTIC_SECTORS and a.country
              and a.country not in NON_STATE_CODES}
    if len(states) != 1:
        return target
    home = states.pop()
    if any(p.country != home for p in clause_places(tok, places)):
        return target  # the clause places it in another country: whose people they are is open
    return with_country(target, home, f"at home: whom {home}'s own forces act on", only_missing=True)


def state_home(tok: Token, source: Role, places: list[Place]) -> Role:
    """A state body with no country ("the military government", "riot police") acting in a named
    country's place is that country's ("declared a state of siege in Haiti")."""
    countries = {p.country for p in clause_places(tok, places)}
    if len(countries) != 1:
        return source
    return with_country(source, countries.pop(), "the state where it acts")


def state_sector(actors: list[Actor], typ: str) -> list[Actor]:
    """A country named as the one acting acts through an arm of the state: its military for
    force, its government otherwise ("Ukraine's counter-offensive", "Russia recalled its envoy")."""
    sector = "MIL" if typ in MILITARY_TYPES else "GOV"
    return [replace(a, sector=sector, how=f"{a.how or 'mention'}; sector from the act")
            if a.sector is None and a.country and a.country not in NON_STATE_CODES and not a.name
            and a.basis is not None and a.basis.names_country else a for a in actors]


def anaphor_target(tok: Token, lex: Lexicon, source: Role, prior: list[Event], typ: str | None = None) -> Role:
    """"Mohamud condemned the agreement", "ASEAN condemns the air strikes": a definite event noun
    refers back to an event already reported; its actors (other than the source) are the target."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass") or c.pos_ != "NOUN":
            continue
        if not any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an") for d in c.children):
            continue
        types = {m.trigger.type for m in lex.ranked(c) if m.trigger.pos == "noun"}  # "the call": a demand or a phone call
        if not types:
            continue
        src = {a.country for a in source.actors}
        for e in reversed(prior):
            if e.type not in types:
                continue
            if typ == e.type and e.target:  # "Lapid echoed the call": the same demand, made of the same side
                return tagged(_first_per_country(list(e.target)), [], Found.ANAPHOR, c.text, e.evidence.text[:40])
            actors = [a for a in (*e.source, *e.target) if a.country and a.country not in src]
            if actors:
                return tagged(_first_per_country(actors), [], Found.ANAPHOR, c.text, e.evidence.text[:40])
    return Role()


def _first_per_country(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.country not in seen:
            seen.add(a.country)
            out.append(a)
    return out


def place_target(tok: Token, places: list[Place], *, venue_only: bool = False) -> Role:
    """The place an action is done to or at ("an air attack on a village in Sagaing"), as its country.
    With ``venue_only`` (a protest) a place named as where it happens ("rallied against the
    release in Seoul") is the protesters' home, not whom they protest."""
    spans = [c for c in tok.children if c.dep_ in ("dobj", "prep", "dative", "nsubjpass")
             or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > tok.i)]  # "shelled Haifa" parsed as an adverb
    ranges = [(min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree)) for c in spans]
    for p in places:
        if venue_only and _venue(tok.doc, p):
            continue
        if p.country and any(lo <= p.span[0] < hi for lo, hi in ranges):
            return tagged([Actor(text=p.text, span=p.span, name=p.name, country=p.country, how=Basis.PLACE.value,
                                 basis=Basis.PLACE)], [],
                          Found.PLACE, p.text)
    return Role()


def _venue(doc, place: Place) -> bool:
    """Whether a place is named as where something happens ("in Seoul", "across France")."""
    root = _place_root(doc, place, ("conj", "appos", "compound"))
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in VENUE_PREPS


def _speaker_phrase(tok: Token, speakers: list[Actor], idx: ActorIndex) -> list[Actor]:
    """Actors named in the phrase of who reports ("relief officials in Nairobi said")."""
    out = []
    for a in speakers:
        if a.span is None:
            continue
        span = tok.doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
        if span is not None:
            out += [x for t in span.root.subtree for x in idx.at(t)]
    return out


def _judges(tok: Token, idx: ActorIndex) -> list[Actor]:
    """Who speaks of a nominal event ("ASEAN condemned the air strike"): not its target."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("dobj", "pobj", "nsubjpass"):
        return []
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return [a for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree for a in idx.at(t)]


def context_fallback(tok: Token, sent: Span, idx: ActorIndex, source: Role, claim: Claim | None,
                     prior: list[Event], *, borders: bool = False, foreign: bool = False, hostile: bool = False,
                     venues: bool = True) -> Role:
    """A target the parse did not attach: another actor of the sentence, else the actor the
    discourse is about (the source of the event just before: "The launch was condemned by Tokyo")."""
    speakers = [a for a in (claim.source, claim.via) if a] if claim else []
    speakers += _judges(tok, idx) + _speaker_phrase(tok, speakers, idx)
    skip = {(a.span, a.name) for a in speakers}  # who reports the event is not its target
    found = context_target(tok, sent, idx, source, skip, borders=borders, foreign=foreign, hostile=hostile,
                           venues=venues)
    if found or not prior:
        return found
    last = prior[-1]
    src = {a.country for a in source.actors}
    src_names = {a.name or a.text for a in (*source.actors, *speakers)}
    near = tok.idx - last.evidence.span[1] < DISCOURSE_CHARS
    actors = [a for a in last.source if a.country and a.country not in src and (a.span, a.name) not in skip] or \
        [a for a in (*last.source, *last.target) if a.country and (a.name or a.text) not in src_names
         and (a.span, a.name) not in skip and not (foreign and a.country in src)]
    if near and actors:
        return tagged(actors, [], Found.PREVIOUS_SOURCE, last.evidence.text[:40])
    return Role()
