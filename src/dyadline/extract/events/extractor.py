"""Events: PLOVER event coding from the parse.

For every token the lexicon knows as a trigger:

1. match     the most specific lexicon entry (phrasal verbs, object-dependent types): candidates.py
2. arguments source and target actors from the parse (arguments.py), inheriting from the
             governing clause for control verbs, participles and light verbs
3. read      the claim it is reported in and its modality (modality.py)
4. recode    the recoding policies (policies.py): the first that applies gives type and mode
5. complete  a source or target the parse left open, from places and context (discourse.py)
6. anchor    evidence, date (the clause's or sentence's time, else the report's date),
             location (a place the clause names) and confidence (anchors.py)
7. keep      events with a source actor (a group with no country will do; passive harm to a
             known actor may have none); drop questions, repeats, embedded duplicates and
             what the sentence tells only as content or background (background.py)
8. settle    one country per mention across the document's events, and pronouns reported
             as the mention they stand for
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyadline.codebooks import cameo as cameo_table
from dyadline.extract.actors.pronouns import stands_for
from dyadline.extract.events.anchors import (
    background_tense,
    confidence,
    confidence_features,
    credited,
    date_for,
    dedupe,
    evidence_span,
    headline_end,
    place_for,
    split_sources,
)
from dyadline.extract.events.background import drop_content, drop_partial
from dyadline.extract.events.candidates import candidate, drop_absorbed, freed_by_no_one
from dyadline.extract.events.context import Candidate, DocContext
from dyadline.extract.events.discourse import (
    HOSTILE_TYPES,
    anaphor_target,
    context_fallback,
    custodian,
    dateline_country,
    domestic_target,
    earlier_attacker,
    group_home,
    place_target,
    placed,
    protest_home,
    state_home,
    state_sector,
    unknown_attacker,
    weapon_attacker,
    with_country,
    with_home_country,
)
from dyadline.extract.events.policies import Code, is_obligation, read, recode
from dyadline.extract.events.roles import ActorIndex, Found, Role, tagged
from dyadline.extract.events.triggers import Lexicon, load_lexicon
from dyadline.extract.events.words import EventWords
from dyadline.extract.speech.cues import Claim
from dyadline.extract.syntax import is_passive
from dyadline.extract.time.times import report_time
from dyadline.records import Actor, Event, Evidence, Explanation, Place, Time

RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT", "RETREAT"}


class EventExtractor:
    """Codes the events of a parsed Doc, given the other stages' output."""

    def __init__(self, extra_paths=()):
        self.extra_paths = tuple(extra_paths)

    @property
    def lexicon(self) -> Lexicon:
        return load_lexicon(self.extra_paths)

    def find(self, doc: Doc, *, actors: list[Actor], times: list[Time], places: list[Place],
             claims: list[Claim], published: dt.date | None) -> list[Event]:
        """Every event in ``doc``, in text order."""
        lex = self.lexicon
        idx = ActorIndex(doc, with_home_country(actors, lex.words, dateline_country(doc, places)), lex.words)
        ctx = DocContext(doc, doc.text, idx, lex, times, places, claims, published)
        events: list[Event] = []
        for sent in doc.sents:
            if not sent.text.rstrip().endswith("?"):
                events.extend(_sentence_events(sent, ctx, events))
        return dedupe(by_antecedent(share_countries(events), ctx.text), headline_end(ctx.text))


def _sentence_events(sent: Span, ctx: DocContext, earlier: list[Event]) -> list[Event]:
    """The events of one sentence, after those told only as content or background are dropped."""
    cands = drop_absorbed([c for t in sent if (c := candidate(ctx.lexicon, t, ctx.idx))], ctx.lexicon.words)
    demanded: set[int] = set()
    found: list[tuple[Candidate, Event]] = []
    for c in cands:
        if c.token.i in demanded:
            continue  # what someone is told they must do has not happened
        ctx.prior = earlier + [e for _, e in found]
        ev = _event(sent, c, ctx)
        if ev is not None:
            found.append((c, ev))
            if ev.type == "REQUEST" and is_obligation(c.token):
                demanded.update(t.i for t in c.token.subtree)
    kept = [ev for _c, ev in drop_content(found, ctx.idx)]
    return [part for ev in drop_partial(kept) for part in split_sources(ev)]


def _event(sent: Span, c: Candidate, ctx: DocContext) -> Event | None:
    """Code one candidate: read it, recode it by policy, complete its source and target."""
    reading = read(c, ctx)
    code = recode(reading, ctx)
    if code is None:
        return None
    c = Candidate(c.match, c.token, code.args)
    source = _source(code.type, c, ctx)
    if not any(_known(a) for a in source.actors):
        if not _agentless_harm(code.type, c, ctx.lexicon):
            return None  # "he" with no antecedent: who did it is unknown
        source = Role()  # "Ingabire was arrested", "two soldiers were killed": harm with no agent named
    target = _target(code.type, c, source, sent, reading.claim, ctx)
    source = source.with_actors(state_sector(source.actors, code.type))
    return _build(sent, c, code, (source, target), reading.claim, ctx)


def _source(typ: str, c: Candidate, ctx: DocContext) -> Role:
    """The source the parse gave, completed from places and context when it lacks a country."""
    tok, trig, places = c.token, c.match.trigger, ctx.places
    source = placed(c.args.source, places, ctx.text)
    if typ == "PROTEST" and not any(a.country and not a.country_guessed for a in source.actors):
        source = protest_home(tok, source, places, ctx.idx)  # "Farmers blocked roads across France"
    if typ in HOSTILE_TYPES and not source and trig.pos == "verb" and \
            c.args.target.found is Found.PASSIVE_SUBJECT and any(a.country for a in c.args.target.actors):
        source = earlier_attacker(tok, c.args.target, ctx.prior)
    if typ in HOSTILE_TYPES and not source and (is_passive(tok) or c.args.target.found is Found.VICTIM):
        source = custodian(tok, ctx.idx, ctx.lexicon.words)  # "died of torture in Israeli police custody"
    if typ in HOSTILE_TYPES and not source and trig.pos == "verb":
        source = weapon_attacker(tok, ctx.lexicon.words)  # "a roadside bomb killed four police officers"
    if typ in HOSTILE_TYPES and not any(a.country or a.name for a in source.actors) and \
            any(a.country for a in c.args.target.actors):
        source = unknown_attacker(tok, source, c.args.target, places, ctx.lexicon.words)
    if source and not any(a.country or a.name for a in source.actors) and \
            all(_institution(a, ctx.lexicon.words) for a in source.actors):
        source = state_home(tok, source, places)  # "the military government declared a state of siege in Haiti"
    if source and not any(a.country or a.name for a in source.actors):
        source = group_home(tok, source, c.args.target, places, typ, ctx.lexicon.words)  # "Gunmen killed ..."
    return source


def _target(typ: str, c: Candidate, source: Role, sent: Span, claim: Claim | None, ctx: DocContext) -> Role:
    """The target the parse gave, completed from context; none for where a compound source met."""
    tok, places = c.token, ctx.places
    target = placed(c.args.target, places, ctx.text)
    if typ in ("COERCE", "ASSAULT", "CONCEDE") and target and not any(a.country for a in target.actors):
        target = domestic_target(tok, source, target, places)  # "Egyptian police dispersed demonstrators"
    # a group with no country ("refugees", "demonstrators") stays the target; its country is
    # looked for in context, as for a missing target
    group = target if target and not any(a.country or a.name for a in target.actors) else Role()
    if group:
        target = Role()
    mutual = typ in RECIPROCAL_TYPES and _compound(source)
    if not target and c.match.trigger.target != "none" and not mutual and not _unnamed_partner(tok, ctx.lexicon.words):
        target = (anaphor_target(tok, ctx.lexicon, source, ctx.prior, typ) or place_target(tok, places, venue_only=typ == "PROTEST")
                  or context_fallback(tok, sent, ctx.idx, source, claim, ctx.prior,
                                      borders=typ in ("MOBILIZE", "THREATEN"), foreign=typ == "MOBILIZE",
                                      hostile=typ in HOSTILE_TYPES, venues=typ != "PROTEST"))
    if group and any(_known(a) for a in group.actors):
        target = _in_context(group, target)
    if target and mutual and target.found is Found.PREP_OBJECT and target.words[0].startswith(("at", "in")):
        target = Role()  # "signed by Israel and the UAE at the White House": where, not whom (also "into")
    if not target and c.args.reciprocal is False and mutual:
        target = tagged(list(source.actors), list(source.tokens), Found.RECIPROCAL)
    return target


def _build(sent: Span, c: Candidate, code: Code, roles: tuple[Role, Role], claim: Claim | None,
           ctx: DocContext) -> Event:
    """The Event, with its evidence, date, place, confidence and explanation."""
    source, target = roles
    tok, trig, mod = c.token, c.match.trigger, code.modality
    span = evidence_span(sent, c)
    rule = trig.rule + (f"; coded as {code.type}: {code.why}" if code.why and code.type != trig.type else "")
    features = confidence_features(c, mod.value, source, target, code.type)
    why = Explanation(rule=rule + f"; modality {mod.value} ({mod.reason})",
                      trigger=" ".join(ctx.doc[i].text for i in c.match.tokens),
                      arguments=(("source", source.how), ("target", target.how or "none found"),
                                 ("attributed_to", f"claim cue '{claim.cue}'" if claim else "none")),
                      features=tuple(features.items()))
    # background told in the reporter's own voice has no date of its own; reported speech
    # ("said it had lodged a protest") shifts news into the past perfect
    background = claim is None and background_tense(tok, ctx.lexicon.words)
    date = date_for(tok, sent, ctx.times) or (None if background else report_time(ctx.published))
    return Event(type=code.type, evidence=Evidence(ctx.text[span[0]:span[1]], span), mode=code.mode,
                 cameo=code.cameo or cameo_table.cameo_for(code.type, code.mode), source=tuple(source.actors),
                 target=tuple(target.actors), date=date,
                 location=place_for(tok, sent, ctx.places, c), modality=mod.value, attributed_to=credited(claim),
                 confidence=confidence(features), explanation=why)


def _agentless_harm(typ: str, c: Candidate, lex: Lexicon) -> bool:
    """Harm done to a known actor by no one named ("were killed", "was arrested"): an event with an
    empty source, since who did it is unknown, not absent. Only a passive: an infinitive ("to fight
    off") has its agent elsewhere, and harm an event noun did ("an air attack that killed 130") is
    that event's, already coded."""
    tok = c.token
    if typ in HOSTILE_TYPES and c.args.target.found is Found.VICTIM:
        return True  # "a prisoner died due to torture"
    if typ == c.match.trigger.type and freed_by_no_one(c.match.trigger, tok) and \
            not any(x.dep_ == "agent" for x in tok.children):
        return any(_known(a) for a in c.args.target.actors)  # "prisoners were released"
    if typ not in HOSTILE_TYPES or c.match.trigger.pos != "verb" or not is_passive(tok):
        return False
    doer = tok.head if tok.dep_ == "relcl" else next((x for x in tok.children if x.dep_ == "agent"), None)
    if doer is not None and any(m.trigger.pos == "noun" for m in lex.ranked(doer)):
        return False
    return any(_known(a) for a in c.args.target.actors)


def _known(a: Actor) -> bool:
    """An actor an event can be pinned on: a country, a name or at least a sector ("gunmen", "protesters")."""
    return bool(a.country or a.name or a.sector)


def _in_context(group: Role, context: Role) -> Role:
    """The group target, with the one country its context gives ("refugees fleeing the war in Liberia")."""
    countries = {a.country for a in context.actors if a.country}
    if len(countries) != 1:
        return group
    return with_country(group, countries.pop(), f"context: {context.how}", only_missing=True)


def share_countries(events: list[Event]) -> list[Event]:
    """One mention, one country: "police dispersed demonstrators protesting ..." gives the
    demonstrators of the PROTEST the country the dispersal found for them."""
    known = {a.span: a for e in events for a in (*e.source, *e.target) if a.country and a.span}

    def fill(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        return tuple(replace(a, country=known[a.span].country, how=known[a.span].how)
                     if not a.country and a.span in known else a for a in actors)

    return [replace(e, source=fill(e.source), target=fill(e.target)) for e in events]


def by_antecedent(events: list[Event], text: str) -> list[Event]:
    """A pronoun in an event is reported as the mention it stands for ("Farc said it will release
    ..." has Farc as the source, with Farc's span): the data names who, not "it"."""

    def name(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        return tuple(stands_for(a, text) for a in actors)  # the pronoun resolver's answer

    return [replace(e, source=name(e.source), target=name(e.target)) for e in events]


def _institution(a: Actor, words: EventWords) -> bool:
    last = a.text.lower().split()[-1:]
    return bool(last) and last[0] in words.institutions


def _unnamed_partner(tok: Token, words: EventWords) -> bool:
    """"worked closely with its allies", "met its partners": the parse names the other side,
    only not by name, so no one else in the sentence should be taken for it."""
    for c in tok.children:
        objs = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c] if c.dep_ == "dobj" else []
        if any(o.lemma_.lower() in words.relational_nouns for o in objs):
            return True
    return False


def _compound(role: Role) -> bool:
    """Two or more actors with a country ("Colombia's government and the ELN rebels")."""
    return len({(a.span, a.country) for a in role.actors if a.country}) >= 2
