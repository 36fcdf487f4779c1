"""Events: PLOVER event coding from the parse.

For every token the lexicon knows as a trigger:

1. match     the most specific lexicon entry (phrasal verbs, object-dependent types)
2. arguments source and target actors from the parse (arguments.py), inheriting from the
             governing clause for control verbs, participles and light verbs
3. modality  asserted / hedged / negated / future / hypothetical (modality.py)
4. anchor    attribution (the innermost claim), date (the clause's or sentence's time,
             else the report's date) and location (a place the clause names)
5. keep      events with a source actor; drop questions, repeats, embedded duplicates and
             what the sentence tells only as content or background (background.py)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyadline.codebooks import cameo as cameo_table
from dyadline.extract.events.arguments import (
    CHARGING_VERBS,
    RELATIONAL_NOUNS,
    STATIVE_PASSIVES,
    agent_role,
    clause_chars,
    grievance_target,
    has_subject,
    inherit,
    noun_roles,
    np_actors,
    object_of,
)
from dyadline.extract.events.background import drop_content, drop_partial
from dyadline.extract.events.candidate import Candidate
from dyadline.extract.events.discourse import (
    HOSTILE_TYPES,
    anaphor_target,
    context_fallback,
    domestic_target,
    earlier_attacker,
    place_target,
    placed,
    protest_home,
    state_home,
    state_sector,
    unknown_attacker,
    with_home_country,
)
from dyadline.extract.events.modality import Modality, modality_of
from dyadline.extract.events.roles import ActorIndex, Args, Found, Role, tagged
from dyadline.extract.events.triggers import Lexicon, Trigger, TriggerMatch, load_lexicon
from dyadline.extract.speech.cues import Claim, claim_for
from dyadline.extract.syntax import has_infinitival_to, has_passive_aux, is_passive
from dyadline.extract.time.lexicon import load_lexicon as load_timex_words
from dyadline.extract.time.times import report_time
from dyadline.records import Actor, Basis, Event, Evidence, Explanation, Place, Time

RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT", "RETREAT"}
# Governing verbs whose own event absorbs an embedded one ("agreed to withdraw" is AGREE).
ABSORBING_TYPES = {"AGREE", "THREATEN", "REJECT", "REQUEST"}
OBLIGATION = Trigger(key="must/should", pos="verb", type="REQUEST", mode="change")
DESIRED = Trigger(key="hope/expect X to", pos="verb", type="REQUEST", mode="change")
# "X hoped Y would ...", "X expects Y to ...": what one side wants of another is a request.
DESIRE_VERBS = {"hope", "expect", "want", "wish"}
NEGATING_TRIGGERS = {"refuse", "decline", "fail"}
# Verbs whose noun object is characterised or brought to an end, not done ("called the strikes
# illegal", "ending a deployment").
FRAMING_VERBS = {"call", "describe", "term", "label", "brand", "dub", "characterize", "characterise", "end", "halt",
                 "cancel", "scrap", "conclude"}
# Bodies of a state named without their state ("the military government", "riot police").
INSTITUTIONS = {"government", "military", "army", "police", "junta", "regime", "authority", "authorities", "court",
                "parliament", "administration", "cabinet", "ministry", "navy", "gendarmerie"}
ORDER_VERBS = {"order", "instruct", "direct"}  # "ordered the paper to close": the one who orders acts
REFLEXIVE = {"its", "their", "his", "her", "itself", "themselves", "himself", "herself"}
REFUSABLE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT", "AID"}
OBLIGATION_AUX = {"must", "should"}
INTENT_AS = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "AGREE", "CONCEDE": "AGREE",
             "ASSAULT": "THREATEN", "COERCE": "THREATEN", "SANCTION": "THREATEN", "PROTEST": "THREATEN"}


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
        idx = ActorIndex(doc, with_home_country(actors))
        text = doc.text  # spaCy rebuilds the string on every access
        lex = self.lexicon
        events: list[Event] = []
        for sent in doc.sents:
            if sent.text.rstrip().endswith("?"):
                continue
            cands = [c for t in sent if (c := self._candidate(lex, t, idx))]
            cands = _drop_absorbed(cands)
            demanded: set[int] = set()
            found: list[tuple[Candidate, Event]] = []
            for c in cands:
                if c.token.i in demanded:
                    continue  # what someone is told they must do has not happened
                ev = self._event(text, sent, c, idx, times, places, claims, published,
                                 events + [e for _, e in found])
                if ev is not None:
                    found.append((c, ev))
                    if ev.type == "REQUEST" and _is_obligation(c.token):
                        demanded.update(t.i for t in c.token.subtree)
            kept = [ev for _c, ev in drop_content(found, idx)]
            for ev in drop_partial(kept):
                events.extend(_split_sources(ev))
        return _dedupe(events, headline_end(text))

    def _candidate(self, lex: Lexicon, tok: Token, idx: ActorIndex) -> Candidate | None:
        if tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "PROPN" and tok.lower_ in load_timex_words().months):
            return None  # "in March 2011", "in May": a month, not a march
        m = lex.match(tok)
        if m is None and _is_obligation(tok):
            m = TriggerMatch(OBLIGATION, (tok.i,))
        if m is None and _is_wished(tok):
            m = TriggerMatch(DESIRED, (tok.i,))
        if m is None:
            return None
        if m.trigger.pos == "verb":
            args = _verb_args(tok, idx, m.trigger)
        else:
            args = _noun_args(tok, idx, [tok.doc[i] for i in m.tokens if i != tok.i],
                              third_party=m.trigger.mode == "third-party")
            if args is None:
                return None
        if not args.source and not (m.trigger.type in HOSTILE_TYPES and m.trigger.pos == "verb" and args.target):
            return None  # harm to someone may have an unnamed agent (see earlier_attacker, unknown_attacker)
        if m.trigger.target == "required" and not args.target:
            return None
        if m.trigger.target == "none" and not args.target:
            args.target = Role()
        _drop_self_target(args)
        return Candidate(m, tok, args)

    def _event(self, text: str, sent: Span, c: Candidate, idx: ActorIndex, times, places, claims,
               published, prior: list[Event]) -> Event | None:
        doc = sent.doc
        trig = c.match.trigger
        tok = c.token
        claim = claim_for(claims, (tok.idx, tok.idx + len(tok)))
        denial = claim is not None and claim.cue.lower().split()[0].rstrip("sd") in {"deni", "deny", "dismis", "refute"}
        mod = modality_of(tok, hedged_claim=bool(claim and claim.hedged), denial=denial)
        typ, mode, cameo = trig.type, trig.mode, trig.cameo
        recoded = ""
        if (mod.value == "future" or (mod.value == "hypothetical" and mod.intent)) and typ in INTENT_AS:
            # PLOVER codes an announced act by its stance: intent to cooperate is AGREE, a coming
            # use of force or pressure ("will withdraw its peacekeepers", "plans to impose
            # restrictions") is THREATEN (CAMEO 03 and 13).
            typ, mode, cameo = INTENT_AS[typ], None, None
            recoded = "a stated intention" if typ == "AGREE" else "an announced or conditional use of force or pressure"
        if typ == "PROTEST" and trig.pos == "verb" and (any(ch.dep_ == "ccomp" for ch in tok.children)
                                                       or _states(c.args.source.actors)):
            # "..., a rights group protested", "Japan protested to Beijing": words, not a march
            typ, mode, cameo = "ACCUSE", "disapprove", None
            recoded = "a state protesting in words"
        if mod.value == "negated" and not mod.denial and (trig.negated_as or typ in REFUSABLE):
            # not agreeing, not meeting, not recognising: a refusal is itself an event
            typ, mode, cameo = trig.negated_as or "REJECT", None, None
            recoded = "a refusal"
            mod = Modality("asserted", f"negated '{tok.text}' codes as {typ}")
        asker, why = _asker(tok, c.args.source, idx, claim)
        if asker is None and trig in (OBLIGATION, DESIRED):
            return None
        if asker is not None:
            # "X said Y must withdraw", "X hoped Y would not use the ceasefire": X asks it of Y
            # (what Y is to do has not happened)
            typ, mode, cameo = "REQUEST", "change", None
            recoded = "asked of another"
            c = Candidate(c.match, tok, Args(asker, c.args.source))
            mod = Modality("asserted", why)
        cameo = cameo or cameo_table.cameo_for(typ, mode)
        source, target = placed(c.args.source, places, text), placed(c.args.target, places, text)
        if typ == "PROTEST" and not any(a.country for a in source.actors):
            source = protest_home(tok, source, places, idx)  # "Farmers blocked roads across France"
        if typ in HOSTILE_TYPES and not source and trig.pos == "verb" and \
                c.args.target.found is Found.PASSIVE_SUBJECT and any(a.country for a in c.args.target.actors):
            source = earlier_attacker(tok, c.args.target, prior)
        if typ == "ASSAULT" and not any(a.country or a.name for a in source.actors) and \
                any(a.country for a in c.args.target.actors):
            source = unknown_attacker(tok, source, c.args.target, places)
        if source and not any(a.country or a.name for a in source.actors) and \
                all(_institution(a) for a in source.actors):
            source = state_home(tok, source, places)  # "the military government declared a state of siege in Haiti"
        if not any(a.country or a.name for a in source.actors):
            return None  # "the commission", "he" with no antecedent: who did it is unknown
        if typ in ("COERCE", "ASSAULT", "CONCEDE") and target and not any(a.country for a in target.actors):
            target = domestic_target(tok, source, target, places)  # "Egyptian police dispersed demonstrators"
        if target and not any(a.country or a.name for a in target.actors):
            target = Role()  # "fired artillery", "a militant": no one the target can be pinned on
        if not target and trig.target != "none" and not (typ in RECIPROCAL_TYPES and _compound(source)) \
                and not _unnamed_partner(tok):
            target = (anaphor_target(tok, self.lexicon, source, prior) or place_target(tok, places)
                      or context_fallback(tok, sent, idx, source, claim, prior, borders=typ in ("MOBILIZE", "THREATEN"),
                                          foreign=typ == "MOBILIZE"))
        if target and typ in RECIPROCAL_TYPES and _compound(source) and \
                target.found is Found.PREP_OBJECT and target.words[0].startswith(("at", "in")):  # also "into"
            target = Role()  # "signed by Israel and the UAE at the White House": where, not whom
        if not target and c.args.reciprocal is False and typ in RECIPROCAL_TYPES and _compound(source):
            target = tagged(list(source.actors), list(source.tokens), Found.RECIPROCAL)
        source = source.with_actors(state_sector(source.actors, typ))
        span = _evidence_span(sent, c)
        evidence = Evidence(text[span[0]:span[1]], span)
        date = _date_for(tok, sent, times) or report_time(published)
        location = _place_for(tok, sent, places, c)
        conf = _confidence(c, mod.value, target)
        rule = trig.rule + (f"; coded as {typ}: {recoded}" if recoded and typ != trig.type else "")
        why = Explanation(rule=rule + f"; modality {mod.value} ({mod.reason})", trigger=" ".join(doc[i].text for i in c.match.tokens),
                          arguments=(("source", source.how), ("target", target.how or "none found"),
                                     ("attributed_to", f"claim cue '{claim.cue}'" if claim else "none")))
        return Event(type=typ, evidence=evidence, mode=mode, cameo=cameo, source=tuple(source.actors),
                     target=tuple(target.actors), date=date, location=location, modality=mod.value,
                     attributed_to=_credited(claim), confidence=conf, explanation=why)




def _institution(a: Actor) -> bool:
    words = a.text.lower().split()
    return bool(words) and words[-1] in INSTITUTIONS


def _unnamed_partner(tok: Token) -> bool:
    """"worked closely with its allies", "met its partners": the parse names the other side,
    only not by name, so no one else in the sentence should be taken for it."""
    for c in tok.children:
        objs = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c] if c.dep_ == "dobj" else []
        if any(o.lemma_.lower() in RELATIONAL_NOUNS for o in objs):
            return True
    return False


def _states(actors) -> bool:
    """Whether every actor is a state speaking as one (a government or a bare country)."""
    return bool(actors) and all(a.country and (a.sector == "GOV" or a.sector is None and
                                               a.basis in (Basis.COUNTRY_NAME, Basis.COUNTRY_METONYM))
                                for a in actors)


def _split_sources(ev: Event) -> list[Event]:
    """"condemned by Tokyo and Seoul" is two events; a reciprocal event stays one."""
    countries = {a.country for a in ev.source if a.country}
    if len(countries) < 2 or countries & {a.country for a in ev.target}:
        return [ev]
    out = []
    for code in sorted(countries, key=lambda c: min(i for i, a in enumerate(ev.source) if a.country == c)):
        out.append(replace(ev, source=tuple(a for a in ev.source if a.country == code)))
    return out


def _compound(role: Role) -> bool:
    """Two or more actors with a country ("Colombia's government and the ELN rebels")."""
    return len({(a.span, a.country) for a in role.actors if a.country}) >= 2


def _credited(claim: Claim | None) -> Actor | None:
    """Who a claim is credited to: the outlet that carried it, else its source."""
    if claim is None:
        return None
    return claim.via or claim.source


def _is_obligation(tok: Token) -> bool:
    """"Y must withdraw", "Y should pay", "Y has to leave"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & OBLIGATION_AUX) or (tok.dep_ == "xcomp" and tok.head.lemma_ in ("have", "need"))


def _asker(tok: Token, doer: Role, idx: ActorIndex, claim: Claim | None) -> tuple[Role | None, str]:
    """Who asks ``doer`` to do ``tok``: the source of a reported obligation, or who wishes it."""
    demand = _obligation(tok, claim)
    if demand is not None:
        return demand, f"obligation '{tok.text}' reported by the claim's source"
    wisher = _wisher(tok, doer, idx, claim)
    if wisher is not None:
        return wisher, f"wished for by '{tok.head.text}'"
    return None, ""


def _is_wished(tok: Token) -> bool:
    """"(hoped) Israel would not use", "(expects) India to cooperate": a verb someone wants another to do."""
    if tok.pos_ != "VERB" or tok.head.i == tok.i or tok.head.lemma_.lower() not in DESIRE_VERBS:
        return False
    if tok.dep_ == "xcomp":
        return any(c.dep_ == "dobj" for c in tok.head.children)  # "expects India to": object control
    if tok.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    infinitive = has_infinitival_to(tok)  # "expects Hungary to approve"
    return infinitive or tok.head.lemma_.lower() in ("hope", "wish")  # "expects that X will": a forecast


def _wisher(tok: Token, doer: Role, idx: ActorIndex, claim: Claim | None = None) -> Role | None:
    """The actor who wants ``doer`` to do ``tok`` ("the Qatari premier hoped Israel would ..."), else None."""
    if not _is_wished(tok) or not doer:
        return None
    who = agent_role(tok.head, idx)
    first = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in tok.head.children)
    if not who and first and claim is not None and claim.source is not None:
        who = tagged([claim.source], [], Found.SPEAKER, claim.cue)  # "I expect India to ...", he said
    if not who or {a.span for a in who.actors} & {a.span for a in doer.actors}:
        return None
    who.tag(Found.WISHER, tok.head.text)
    return who


def _obligation(tok: Token, claim: Claim | None) -> Role | None:
    """The demanding party when ``tok`` is an obligation put on someone in a report, else None."""
    if claim is None or claim.source is None or not _is_obligation(tok):
        return None
    return tagged([claim.source], [], Found.REPORT_SOURCE, claim.cue)


def _verb_args(tok: Token, idx: ActorIndex, trig: Trigger) -> Args:
    shared = tok.dep_ == "conj" and tok.tag_ == "VBN" and has_passive_aux(tok.head) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in tok.children)  # "were surrounded and detained"
    passive = (is_passive(tok) or shared or (tok.tag_ == "VBN" and tok.dep_ == "acl")) and \
        tok.lemma_.lower() not in STATIVE_PASSIVES
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
    if not source and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ORDER_VERBS:
        obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        boss = agent_role(tok.head, idx)
        if obj is not None and boss:  # "ordered the newspaper to suspend publication": the order is the act
            boss.tag(Found.ORDERER, tok.head.text)
            done_to = np_actors(obj, idx)
            done_to.tag(Found.ORDERED, tok.head.text)
            return Args(boss, target if target and trig.target == "recipient" else done_to)
    if not source and not has_subject(tok):  # "allow anyone to threaten": "anyone" is no actor
        s, o, _ = inherit(tok, idx)
        source = s
        if not target and o and tok.dep_ in ("conj",):
            target = o
    return Args(source, target)


NAMED_EVENT_LABELS = {"EVENT", "WORK_OF_ART", "LAW", "ORG", "FAC"}
LIGHT_VERBS = {
    "launch", "carry", "conduct", "stage", "hold", "sign", "make", "pay", "wage", "mount", "begin", "start",
    "continue", "resume", "step", "intensify", "escalate", "execute", "perform", "undertake", "announce", "order",
    "impose", "give", "offer", "provide", "deliver", "issue", "lodge", "file", "express", "voice", "convey",
    "extend", "reach", "conclude", "seal", "strike", "have", "engage", "join", "lead", "organize", "organise",
    "call", "initiate", "unleash", "fire", "deploy", "send", "receive", "accept", "agree", "renew", "expand",
    "tighten", "ease", "lift", "approve", "adopt", "slap", "level", "register", "raise", "take", "do", "put",
    "attend", "host", "chair", "broker", "mediate", "propose", "ratify", "finalize", "finalise", "complete",
    "pledge", "promise", "vow", "threaten", "keep", "maintain", "end", "halt", "suspend", "break", "cut", "open",
    "publish", "unveil", "authorize", "authorise",
}
MOTION_VERBS = {"arrive", "travel", "come", "go", "fly", "head", "return", "land", "gather", "convene"}
CIRCUMSTANCE_PREPS = {"during", "in", "with", "through", "via", "by", "at", "amid", "on", "into", "under"}
DEMONSTRATIVES = {"that", "this", "these", "those"}
TEMPORAL_PREPS = {"since", "before", "until", "till", "after"}


def _noun_args(tok: Token, idx: ActorIndex, parts: list[Token], *, third_party: bool = False) -> Args | None:
    if tok.ent_type_ in NAMED_EVENT_LABELS:
        return None  # "the Cold War", "the Treaty of Versailles": names, not events in the story
    if tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS:
        return None
    if tok.head.lemma_.lower() in FRAMING_VERBS and tok.dep_ in ("dobj", "oprd", "attr", "ccomp", "xcomp"):
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
    if tok.dep_ in ("nsubj", "nsubjpass") or not _borrows_agent(tok):
        return None  # "the attack killed ...", "condemned the strikes": the noun names someone else's act
    s, o, head = inherit(tok, idx)
    if not s:
        return None
    args.source = s
    if not args.target and o:
        args.target = o
    return args


def _charged_party(noun: Token, idx: ActorIndex) -> Role:
    """The one accused of (or thanked for) the act a noun names: the verb's object, or its
    passive subject ("Sudanese paramilitaries are accused of ethnic killings")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for") or prep.head.lemma_.lower() not in CHARGING_VERBS:
        return Role()
    verb = prep.head
    passive = is_passive(verb)
    role = object_of(verb, idx, passive=passive)
    if role:
        role.tag(Found.CHARGED, verb.text)
    return role


def _borrows_agent(noun: Token) -> bool:
    """Whether a nominal event may take the agent of its clause: the object of a light verb
    ("launched an attack", "held talks") or a circumstance ("during a phone call", "in the signing")."""
    if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children):
        return False  # "under that agreement": an event told before, not a new one
    if noun.dep_ in ("dobj", "attr", "oprd"):
        return noun.head.lemma_.lower() in LIGHT_VERBS
    if noun.dep_ == "pobj":
        if noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in MOTION_VERBS:
            return True  # "arrived in Khartoum for talks": those who came hold them
        return noun.head.lower_ in CIRCUMSTANCE_PREPS
    return noun.dep_ in ("conj", "appos", "npadvmod")


def _drop_self_target(args: Args) -> None:
    """A target that is the source itself ("sent troops to its border") is no target."""
    if args.reciprocal:
        return
    src = {a.span for a in args.source.actors}
    countries = {a.country for a in args.source.actors}
    keep = [a for a in args.target.actors if a.span not in src and
            not (a.text.lower().partition(" ")[0] in REFLEXIVE and a.country in countries)]
    if len(keep) != len(args.target.actors):
        args.target = args.target.with_actors(keep) if keep else Role()


def _same_agents(c: Candidate, gov: Candidate) -> bool:
    countries = {a.country for a in c.args.source.actors}
    return countries <= {a.country for a in gov.args.source.actors}


def _drop_absorbed(cands: list[Candidate]) -> list[Candidate]:
    """Drop an event embedded under a governing event that absorbs it ("agreed to withdraw"),
    and a trigger noun that is the object of a verb trigger of the same type ("expressed gratitude")."""
    by_tok = {c.token.i: c for c in cands}
    # "refused to expel": the expulsion, negated, says more than a bare refusal
    negating = {c.token.head.i for c in cands if c.token.dep_ == "xcomp" and c.token.head.i in by_tok
                and by_tok[c.token.head.i].match.trigger.key in NEGATING_TRIGGERS}
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


def _evidence_span(sent: Span, c: Candidate) -> tuple[int, int]:
    idxs = list(c.match.tokens) + c.args.source.tokens + c.args.target.tokens
    idxs = [i for i in idxs if sent.start <= i < sent.end] or [c.token.i]
    doc = sent.doc
    lo, hi = min(idxs), max(idxs)
    # extend the right edge over the head phrase of the last argument / object
    last = doc[hi]
    right = max((t.i for t in last.subtree if t.dep_ not in ("relcl", "punct") and not t.is_space
                 and sent.start <= t.i < sent.end), default=hi)
    right = min(right, _clause_right(c.token, sent))
    hi = max(hi, right)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _clause_right(tok: Token, sent: Span) -> int:
    """Right edge of the trigger's own clause (not its relative or adverbial clauses)."""
    right = tok.i
    for t in tok.subtree:
        if t.i > right and all(a.dep_ not in ("relcl", "advcl", "ccomp", "conj") or a == tok for a in _path(t, tok)):
            if t.dep_ != "punct" and not t.is_space:
                right = t.i
    return right


def _path(t: Token, top: Token) -> list[Token]:
    out = []
    while t != top and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _date_for(tok: Token, sent: Span, times: list[Time]) -> Time | None:
    in_sent = [t for t in times if t.span and sent.start_char <= t.span[0] < sent.end_char and t.start]
    if not in_sent:
        return None
    clause = clause_chars(tok)
    own = [t for t in in_sent if clause[0] <= t.span[0] < clause[1]]
    pool = own or in_sent
    return min(pool, key=lambda t: abs(t.span[0] - tok.idx))


def _place_for(tok: Token, sent: Span, places: list[Place], c: Candidate) -> Place | None:
    """The place the trigger's clause names, nearest the trigger. A whole country is not a
    location ("conveyed concerns to India's agencies" happened somewhere in particular)."""
    lo, hi = clause_chars(tok)
    pool = [p for p in places if lo <= p.span[0] < hi and p.kind not in ("country", "continent")]
    if not pool:
        return None
    return min(pool, key=lambda p: abs(p.span[0] - tok.idx))


def _confidence(c: Candidate, modality: str, target: Role) -> float:
    """How sure the coder is, from how the arguments were found (ranks right events first)."""
    score = 0.35
    if c.args.source.found is not Found.NONE and not c.args.source.found.inherited:
        score += 0.25
    elif c.args.source:
        score += 0.1
    if c.args.target:
        score += 0.2
    elif target:
        score += 0.05 if target.found is Found.PLACE else 0.0  # found in context, not in the parse
    if c.match.trigger.objects or len(c.match.trigger.key.split()) > 1:
        score += 0.1
    if c.match.trigger.pos == "noun":
        score -= 0.05
    if any(a.country is None for a in c.args.source.actors):
        score -= 0.15
    if modality != "asserted":
        score -= 0.05
    return max(0.05, min(0.95, round(score, 3)))


def _key(e: Event) -> tuple:
    return (e.type, tuple(sorted((a.name or a.text, a.country or "") for a in e.source)),
            tuple(sorted((a.name or a.text, a.country or "") for a in e.target)), e.modality,
            e.date.value if e.date else None)


def _dedupe(events: list[Event], headline_end: int = 0) -> list[Event]:
    """One event per (type, source, target, modality, date) and evidence sentence. A headline
    repeated in the body collapses into the body's event, which has the fuller evidence."""
    body_keys = {_key(e)[:4] for e in events if e.evidence.span[0] >= headline_end}
    seen: dict[tuple, Event] = {}
    out = []
    for e in events:
        if e.evidence.span[0] < headline_end and _key(e)[:4] in body_keys:
            continue
        k = _key(e) + (e.evidence.text.lower()[:60],)
        k2 = _key(e)
        if k in seen or (k2 in seen and seen[k2].evidence.text.lower() == e.evidence.text.lower()):
            continue
        seen[k] = seen[k2] = e
        out.append(e)
    return out


def headline_end(text: str) -> int:
    """End of a headline line (short, no final full stop, followed by a blank line), else 0."""
    first, sep, _ = text.partition("\n")
    if sep and len(first) < 200 and not first.rstrip().endswith((".", "!", "?", '"', "\u201d")):
        return len(first)
    return 0
