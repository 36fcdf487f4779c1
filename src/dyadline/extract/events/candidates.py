"""Triggers become candidates: a lexicon match with the source and target the parse gives it.

Verbs take their subject and object (``arguments.py``); nouns their possessor, modifiers and
prepositional objects, or the agent of the clause they are the object of ("launched an attack").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadline.extract.events.arguments import (
    agent_role,
    appositive_chars,
    grievance_target,
    has_subject,
    inherit,
    noun_roles,
    np_actors,
    object_of,
    refers_to,
)
from dyadline.extract.events.context import Candidate
from dyadline.extract.events.discourse import HOSTILE_TYPES
from dyadline.extract.events.policies import DESIRED, OBLIGATION, is_obligation, is_wished
from dyadline.extract.events.roles import ActorIndex, Args, Found, Role
from dyadline.extract.events.triggers import Lexicon, Trigger, TriggerMatch
from dyadline.extract.events.words import EventWords
from dyadline.extract.syntax import has_passive_aux, is_passive
from dyadline.extract.time.lexicon import load_lexicon as load_timex_words
from dyadline.extract.wordlists import grammar_words

# Governing verbs whose own event absorbs an embedded one ("agreed to withdraw" is AGREE).
ABSORBING_TYPES = {"AGREE", "THREATEN", "REJECT", "REQUEST"}


def verb_args(tok: Token, idx: ActorIndex, trig: Trigger) -> Args:
    shared = tok.dep_ == "conj" and tok.tag_ == "VBN" and has_passive_aux(tok.head) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "dobj") for c in tok.children)  # "were surrounded and detained"
    passive = (is_passive(tok) or shared or (tok.tag_ == "VBN" and tok.dep_ == "acl")) and \
        tok.lemma_.lower() not in idx.words.stative_passives
    clause = tok.head if shared else tok
    source = agent_role(clause, idx)
    target = object_of(clause, idx, passive=passive, direct=passive or trig.target != "recipient")
    if passive and not source and trig.type == "MOBILIZE":
        # "Police were deployed across Paris", "troops were sent to the border": the forces moved
        # belong to the side that moves them
        source, target = target, object_of(tok, idx, passive=False, direct=False)
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and not target:
        target = np_actors(tok.head, idx)
        target.tag(Found.PARTICIPLE_NOUN, tok.head.text)
    if trig.type == "ACCUSE" and target.found is Found.PREP_OBJECT and target.words[0].startswith("to"):
        target = grievance_target(tok, idx) or target  # "complained to the UN over Israeli raids"
    if not source and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in idx.words.order_verbs:
        obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        boss = agent_role(tok.head, idx)
        if obj is not None and boss:  # "ordered the newspaper to suspend publication": the order is the act
            boss.tag(Found.ORDERER, tok.head.text)
            done_to = np_actors(obj, idx)
            done_to.tag(Found.ORDERED, tok.head.text)
            return Args(boss, target if target and trig.target == "recipient" else done_to)
    if not source and not has_subject(tok):  # "allow anyone to threaten": "anyone" is no actor
        borrowed = inherit(tok, idx)
        source = borrowed.source
        if not target and borrowed.target and tok.dep_ in ("conj",):
            target = borrowed.target
    return Args(source, target)


# A proper noun inside a name of these kinds is no trigger ("John Strike", "Aid Street").
NAME_ENTITIES = {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "LAW"}
NAMED_EVENT_LABELS = {"EVENT", "WORK_OF_ART", "LAW", "ORG", "FAC"}
CIRCUMSTANCE_PREPS = {"during", "in", "with", "through", "via", "by", "at", "amid", "on", "into", "under"}
DEMONSTRATIVES = {"that", "this", "these", "those"}
TEMPORAL_PREPS = {"since", "before", "until", "till", "after"}


def noun_args(tok: Token, idx: ActorIndex, parts: list[Token], *, third_party: bool = False) -> Args | None:
    if tok.ent_type_ in NAMED_EVENT_LABELS:
        return None  # "the Cold War", "the Treaty of Versailles": names, not events in the story
    if tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS:
        return None
    if tok.head.lemma_.lower() in idx.words.framing_verbs and tok.dep_ in ("dobj", "oprd", "attr", "ccomp", "xcomp"):
        return None  # "calling the killings an escalation", "ending a deployment": named, not done
    args = noun_roles(tok, idx)
    if third_party and args.reciprocal:
        # "a mediation mission between Syria and Arafat": the two sides are whom the mediator meets
        args = Args(Role(), args.target, False)
    for part in parts:  # "Ukraine's counter - offensive": the possessor hangs on "counter"
        more = noun_roles(part, idx)
        args.source = args.source or more.source
        args.target = args.target or more.target
    if args.source:
        return args
    charged = _charged_party(tok, idx)
    if charged:  # "accused of ethnic killings", "blamed Iran for the attack"
        args.source = charged
        return args
    culprit = _culprit(tok, idx)
    if culprit:  # "the LRA is responsible for mass killings", "guilty of violating the ceasefire"
        args.source = culprit
        return args
    victim = harm_victim(tok, idx)
    if victim:  # "died due to torture": harm with no agent named
        return Args(Role(), victim)
    if tok.dep_ in ("nsubj", "nsubjpass") or not _borrows_agent(tok, idx.words):
        return None  # "the attack killed ...", "condemned the strikes": the noun names someone else's act
    borrowed = inherit(tok, idx)
    if not borrowed.source:
        return None
    args.source = borrowed.source
    if not args.target and borrowed.target:
        args.target = borrowed.target
    return args


def _charged_party(noun: Token, idx: ActorIndex) -> Role:
    """The one accused of (or thanked for) the act a noun names: the verb's object, or its
    passive subject ("Sudanese paramilitaries are accused of ethnic killings")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for") or prep.head.lemma_.lower() not in idx.words.charging_verbs:
        return Role()
    verb = prep.head
    passive = is_passive(verb)
    role = object_of(verb, idx, passive=passive)
    if role:
        role.tag(Found.CHARGED, verb.text)
    return role


def _culprit(noun: Token, idx: ActorIndex) -> Role:
    """Who is said to be responsible for (or guilty of) the act a noun or gerund names: the subject
    of "be responsible for", "be guilty of" ("Kony and the LRA are responsible for mass killings")."""
    prep = noun.head
    adj = prep.head
    if noun.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("for", "of") or \
            adj.lemma_.lower() not in idx.words.culpable_adjectives:
        return Role()
    verb = adj.head if adj.dep_ in ("acomp", "amod", "oprd") else adj
    role = agent_role(verb, idx)
    if role:
        role.tag(Found.CHARGED, adj.text)
    return role


def harm_victim(noun: Token, idx: ActorIndex) -> Role:
    """The one who died of the harm a noun names, linked to it by words of cause ("a prisoner died
    due to torture", "died as a result of the beating"): the subject of the outcome verb."""
    cur, words = noun, idx.words
    for _ in range(5):
        if cur.dep_ not in ("pobj", "prep", "pcomp", "amod", "advmod", "acomp") or cur.head.i == cur.i:
            return Role()
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            break
        if cur.lower_ not in words.cause_link_words:
            return Role()
    if cur.lemma_.lower() not in words.harm_outcome_verbs:
        return Role()
    subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    role = np_actors(subj, idx) if subj is not None else Role()
    return role.tag(Found.VICTIM, cur.text, subj.text) if role else Role()


def _borrows_agent(noun: Token, words: EventWords) -> bool:
    """Whether a nominal event may take the agent of its clause: the object of a light verb
    ("launched an attack", "held talks") or a circumstance ("during a phone call", "in the signing")."""
    if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children):
        return False  # "under that agreement": an event told before, not a new one
    if noun.dep_ == "attr" and noun.lemma_.lower() in words.agent_nouns:
        return True  # "the United States is the largest donor to Sudan"
    if noun.dep_ in ("dobj", "attr", "oprd"):
        return noun.head.lemma_.lower() in words.light_verbs
    if noun.dep_ == "pobj":
        if noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in words.motion_verbs:
            return True  # "arrived in Khartoum for talks": those who came hold them
        return noun.head.lower_ in CIRCUMSTANCE_PREPS
    return noun.dep_ in ("conj", "appos", "npadvmod")


def drop_self_target(args: Args, doc: Doc) -> None:
    """A target that is the source itself ("sent troops to its border", "John Smith, a farmer,
    praised ...") is no target."""
    if args.reciprocal:
        return
    src = {a.span for a in args.source.actors}
    appos = [appositive_chars(c) for t in args.source.tokens for c in doc[t].children if c.dep_ == "appos"]
    countries = {a.country for a in args.source.actors}
    keep = [a for a in args.target.actors if a.span not in src and not refers_to(a, src)
            and not (a.span and any(lo <= a.span[0] < hi for lo, hi in appos))
            and not (a.text.lower().partition(" ")[0] in _points_back() and a.country in countries)]
    if len(keep) != len(args.target.actors):
        args.target = args.target.with_actors(keep) if keep else Role()


def _same_agents(c: Candidate, gov: Candidate) -> bool:
    countries = {a.country for a in c.args.source.actors}
    return countries <= {a.country for a in gov.args.source.actors}


def drop_absorbed(cands: list[Candidate], words: EventWords) -> list[Candidate]:
    """Drop an event embedded under a governing event that absorbs it ("agreed to withdraw"),
    and a trigger noun that is the object of a verb trigger of the same type ("expressed gratitude")."""
    by_tok = {c.token.i: c for c in cands}
    # "refused to expel": the expulsion, negated, says more than a bare refusal
    negating = {c.token.head.i for c in cands if c.token.dep_ == "xcomp" and c.token.head.i in by_tok
                and by_tok[c.token.head.i].match.trigger.key in words.negating_triggers}
    cands = [c for c in cands if c.token.i not in negating]
    by_tok = {c.token.i: c for c in cands}
    out = []
    for c in cands:
        head = c.token.head
        gov = by_tok.get(head.i) if head.i != c.token.i else None
        if gov and gov.match.trigger.type in ABSORBING_TYPES and (
                c.token.dep_ == "xcomp" or (c.match.trigger.pos == "noun" and c.token.dep_ in ("dobj", "nsubjpass"))):
            if not gov.args.target and c.args.target:  # "offered to hand them over to Britain"
                gov.args.target = c.args.target
            continue
        if gov and c.match.trigger.pos == "noun" and c.token.dep_ in ("dobj", "nsubjpass") and \
                gov.match.trigger.pos == "verb" and _same_agents(c, gov):
            continue  # "called off their strike": the noun names the act the verb is about, not another one
        if gov and c.match.trigger.pos == "noun" and c.token.dep_ in ("pobj", "attr") and \
                gov.match.trigger.type == c.match.trigger.type:
            continue
        if gov and c.match.trigger.type == "REQUEST" and gov.match.trigger.type == "PROTEST":
            continue  # "demonstrated, calling for reforms": what a protest demands is part of it
        out.append(c)
    return out


def candidate(lex: Lexicon, tok: Token, idx: ActorIndex) -> Candidate | None:
    """``tok`` as a trigger with its arguments, or None (no trigger, or no one who acts). The most
    specific lexicon entry whose argument needs are met wins ("welcomed the visit": no one received,
    so the praise, not the hosting)."""
    if tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "PROPN" and tok.lower_ in load_timex_words().months):
        return None  # "in March 2011", "in May": a month, not a march
    if tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTITIES:
        return None  # "John Strike", "Ban Ki-moon", "Aid Street": a name that spells a trigger
    matches = lex.ranked(tok)
    if not matches and is_obligation(tok):
        matches = [TriggerMatch(OBLIGATION, (tok.i,))]
    if not matches and is_wished(tok, lex.words):
        matches = [TriggerMatch(DESIRED, (tok.i,))]
    return next((c for m in matches if (c := _with_args(m, tok, idx))), None)


def freed_by_no_one(trig: Trigger, tok: Token) -> bool:
    """"Hundreds of prisoners have been released": a release whose releaser is not named (like
    harm with no agent, an event with an empty source)."""
    return trig.type == "RETREAT" and trig.mode == "release" and trig.pos == "verb" and is_passive(tok)


def _with_args(m: TriggerMatch, tok: Token, idx: ActorIndex) -> Candidate | None:
    if m.trigger.pos == "verb":
        args = verb_args(tok, idx, m.trigger)
    else:
        args = noun_args(tok, idx, [tok.doc[i] for i in m.tokens if i != tok.i],
                         third_party=m.trigger.mode == "third-party")
        if args is None:
            return None
    if not args.source and not (args.target and (
            (m.trigger.type in HOSTILE_TYPES and (m.trigger.pos == "verb" or args.target.found is Found.VICTIM))
            or freed_by_no_one(m.trigger, tok))):
        return None  # harm to someone may have an unnamed agent (see earlier_attacker, unknown_attacker)
    if m.trigger.target == "required" and not args.target:
        return None
    if m.trigger.target == "none" and not args.target:
        args.target = Role()
    drop_self_target(args, tok.doc)
    return Candidate(m, tok, args)


def _points_back() -> frozenset[str]:
    """"its", "themselves": words by which a target phrase points back at the source."""
    g = grammar_words()
    return g.possessive_determiners | g.reflexive_pronouns
