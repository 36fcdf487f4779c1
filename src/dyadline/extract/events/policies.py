"""Recoding policies: when PLOVER codes an event by something other than its trigger word.

Each policy reads a :class:`Reading` (the candidate as first read: trigger, roles, claim,
modality) and the document context, and returns the :class:`Code` it gives the event, or None
when it does not apply. Policies do not see each other's results: :func:`recode` takes the
first that applies, in the order of :data:`POLICIES`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyadline.extract.events.arguments import agent_role
from dyadline.extract.events.context import Candidate, DocContext
from dyadline.extract.events.modality import Modality, modality_of
from dyadline.extract.events.roles import ActorIndex, Args, Found, Role, tagged
from dyadline.extract.events.triggers import Trigger, of_objects
from dyadline.extract.events.words import EventWords, shipped_event_words
from dyadline.extract.speech.cues import Claim, claim_for
from dyadline.extract.syntax import has_infinitival_to
from dyadline.records import Basis

OBLIGATION = Trigger(key="must/should", pos="verb", type="REQUEST", mode="change")
DESIRED = Trigger(key="hope/expect X to", pos="verb", type="REQUEST", mode="change")
# Cooperative types whose negation is a refusal (REJECT), and how an announced act is coded.
REFUSABLE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT", "AID"}
OBLIGATION_AUX = {"must", "should"}
DONE_PROTESTS = {"boycott", "strike", "riot", "obstruct", "hunger", "vandalize"}  # PLOVER protest modes of deeds
INTENT_AS = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "AGREE", "CONCEDE": "AGREE",
             "ASSAULT": "THREATEN", "COERCE": "THREATEN", "SANCTION": "THREATEN", "PROTEST": "THREATEN"}


def _states(actors) -> bool:
    """Whether every actor is a state speaking as one (a government or a bare country)."""
    return bool(actors) and all(a.country and (a.sector == "GOV" or a.sector is None and
                                               a.basis in (Basis.COUNTRY_NAME, Basis.COUNTRY_METONYM))
                                for a in actors)


def is_obligation(tok: Token) -> bool:
    """"Y must withdraw", "Y should pay", "Y has to leave"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & OBLIGATION_AUX) or (tok.dep_ == "xcomp" and tok.head.lemma_ in ("have", "need"))


def asker(tok: Token, doer: Role, idx: ActorIndex, claim: Claim | None) -> tuple[Role | None, str]:
    """Who asks ``doer`` to do ``tok``: the source of a reported obligation, or who wishes it."""
    demand = _obligation(tok, claim)
    if demand is not None:
        return demand, f"obligation '{tok.text}' reported by the claim's source"
    wisher = _wisher(tok, doer, idx, claim)
    if wisher is not None:
        return wisher, f"wished for by '{tok.head.text}'"
    return None, ""


def is_wished(tok: Token, words: EventWords) -> bool:
    """"(hoped) Israel would not use", "(expects) India to cooperate": a verb someone wants another to do."""
    if tok.pos_ != "VERB" or tok.head.i == tok.i or tok.head.lemma_.lower() not in words.desire_verbs:
        return False
    if tok.dep_ == "xcomp":
        return any(c.dep_ == "dobj" for c in tok.head.children)  # "expects India to": object control
    if tok.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    infinitive = has_infinitival_to(tok)  # "expects Hungary to approve"
    return infinitive or tok.head.lemma_.lower() in ("hope", "wish")  # "expects that X will": a forecast


def _wisher(tok: Token, doer: Role, idx: ActorIndex, claim: Claim | None = None) -> Role | None:
    """The actor who wants ``doer`` to do ``tok`` ("the Qatari premier hoped Israel would ..."), else None."""
    if not is_wished(tok, idx.words) or not doer:
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
    if claim is None or claim.source is None or not is_obligation(tok):
        return None
    return tagged([claim.source], [], Found.REPORT_SOURCE, claim.cue)


def is_denial(claim: Claim | None, doc: Doc, words: EventWords | None = None) -> bool:
    """Whether the claim's cue is a denial, by the lemma of its first word ("denied", "denies")."""
    if claim is None:
        return False
    cue = doc.char_span(*claim.cue_span, alignment_mode="expand")
    lemma = cue[0].lemma_ if cue is not None and len(cue) else claim.cue.split()[0]
    return lemma.lower() in (words or shipped_event_words()).denial_verbs  # "denied supplying weapons"


@dataclass(frozen=True)
class Reading:
    """A candidate as first read: its trigger and roles, the claim it is reported in, its modality."""

    cand: Candidate
    claim: Claim | None
    modality: Modality

    @property
    def trigger(self) -> Trigger:
        return self.cand.match.trigger

    @property
    def token(self) -> Token:
        return self.cand.token

    @property
    def args(self) -> Args:
        return self.cand.args


@dataclass(frozen=True)
class Code:
    """What an event is coded as. ``why`` names the policy that recoded it ("" when none did)."""

    type: str
    mode: str | None
    cameo: str | None
    modality: Modality
    args: Args
    why: str = ""

    @classmethod
    def as_read(cls, r: Reading) -> Code:
        t = r.trigger
        return cls(t.type, t.mode, t.cameo, r.modality, r.args)


def read(cand: Candidate, ctx: DocContext) -> Reading:
    """The claim ``cand`` is reported in and its modality."""
    tok = cand.token
    claim = claim_for(ctx.claims, (tok.idx, tok.idx + len(tok)))
    modality = modality_of(tok, hedged_claim=bool(claim and claim.hedged), denial=is_denial(claim, ctx.doc, ctx.idx.words),
                           words=ctx.idx.words)
    return Reading(cand, claim, modality)


def _announced(m: Modality) -> bool:
    """Said to come, or intended ("will withdraw", "vowed to", "is ready to")."""
    return m.value == "future" or (m.value == "hypothetical" and m.intent)


def request_of_another(r: Reading, ctx: DocContext) -> Code | None:
    """"X said Y must withdraw", "X hoped Y would not use the ceasefire": X asks it of Y (what Y
    is to do has not happened), REQUEST with X as source and Y as target."""
    who, why = asker(r.token, r.args.source, ctx.idx, r.claim)
    if who is None:
        return None
    return Code("REQUEST", "change", None, Modality("asserted", why), Args(who, r.args.source), "asked of another")


def refusal(r: Reading, ctx: DocContext) -> Code | None:
    """Not agreeing, not meeting, not recognising: a refusal is itself an event (REJECT, or the
    entry's ``negated_as``). A denial that something happened is no refusal."""
    t, m = r.trigger, r.modality
    if m.value != "negated" or m.denial or not (t.negated_as or t.type in REFUSABLE):
        return None
    typ = t.negated_as or "REJECT"
    return Code(typ, None, None, Modality("asserted", f"negated '{r.token.text}' codes as {typ}"), r.args, "a refusal")


def stated_intention(r: Reading, ctx: DocContext) -> Code | None:
    """PLOVER codes an announced act by its stance: intent to cooperate is AGREE (CAMEO 03)."""
    if not _announced(r.modality) or INTENT_AS.get(r.trigger.type) != "AGREE":
        return None
    return Code("AGREE", None, None, r.modality, r.args, "a stated intention")


def threat(r: Reading, ctx: DocContext) -> Code | None:
    """A coming use of force or pressure ("will withdraw its peacekeepers", "plans to impose
    restrictions") is THREATEN (CAMEO 13)."""
    if not _announced(r.modality) or INTENT_AS.get(r.trigger.type) != "THREATEN":
        return None
    return Code("THREATEN", None, None, r.modality, r.args, "an announced or conditional use of force or pressure")


def protest_in_words(r: Reading, ctx: DocContext) -> Code | None:
    """"..., a rights group protested", "Japan protested to Beijing": words, not a march (ACCUSE)."""
    t = r.trigger
    if t.type != "PROTEST" or t.pos != "verb" or t.mode in DONE_PROTESTS:
        return None  # a boycott, a strike or a riot is done, not said
    if not (any(ch.dep_ == "ccomp" for ch in r.token.children) or _states(r.args.source.actors)):
        return None
    return Code("ACCUSE", "disapprove", None, r.modality, r.args, "a state protesting in words")


def joint_exercise(r: Reading, ctx: DocContext) -> Code | None:
    """Forces of two or more countries holding an exercise together ("U.S. marines and Jordanian
    forces staged a war game"): military cooperation (COOPERATE, CAMEO 062), not a show of force."""
    t = r.trigger
    words = ctx.idx.words
    if t.type != "MOBILIZE" or not (_exercise(t, words) or _exercise_object(r.token, words)):
        return None
    countries = {a.country for a in r.args.source.actors if a.country}
    if len(countries) < 2:
        return None
    return Code("COOPERATE", None, "062", r.modality, Args(r.args.source, r.args.source, True), "a joint exercise")


def _exercise(t: Trigger, words: EventWords) -> bool:
    return t.pos == "noun" and t.key.split()[-1] in words.exercise_nouns


def _exercise_object(tok: Token, words: EventWords) -> bool:
    """The verb's object is an exercise ("staged a drill"), or a round or series of them."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for o in objs for g in of_objects(o)]
    return any(o.lemma_.lower() in words.exercise_nouns for o in objs)


Policy = Callable[[Reading, DocContext], "Code | None"]
# The first that applies wins. A request put on another outranks everything; a refusal (negated)
# and an intention or threat (future) never meet; a threat outranks protest in words.
POLICIES: tuple[Policy, ...] = (request_of_another, refusal, stated_intention, threat, protest_in_words, joint_exercise)


def recode(r: Reading, ctx: DocContext) -> Code | None:
    """The event's code after the recoding policies; None when it is no event (a must or a wish
    that nobody is said to voice)."""
    for policy in POLICIES:
        code = policy(r, ctx)
        if code is not None:
            return code
    if r.trigger in (OBLIGATION, DESIRED):
        return None
    return Code.as_read(r)
