"""How sure: asserted, hedged, negated, future or hypothetical, read from the trigger's clause.

Scope matters: only the trigger, the verbs that govern it (control verbs like "refused to",
"plans to") and its own clause markers count, so "denied that X attacked Y" negates the
attack but "X, who did not comment, attacked Y" does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadline.extract.syntax import has_infinitival_to, has_passive_aux
from dyadline.extract.wordlists import grammar_words

HEDGE_MODALS = {"may", "might", "could", "can"}
HYPOTHETICAL_MODALS = {"would", "should", "must"}
HEDGE_ADVERBS = {"reportedly", "allegedly", "possibly", "apparently", "likely", "probably", "purportedly",
                 "supposedly", "perhaps", "maybe", "seemingly", "ostensibly"}
NEGATORS = {"not", "n't", "never", "no"}
FUTURE_GOVERNORS = {"plan", "intend", "prepare", "prepared", "aim", "schedule", "expect", "set", "going", "due", "poise",
                    "poised", "ready", "willing", "vow", "pledge", "promise", "offer", "seek", "hope", "want", "decide",
                    "threaten", "move", "commit", "committed", "propose", "swear", "determined", "resolve"}
INTENT_GOVERNORS = {"vow", "pledge", "promise", "offer", "threaten", "warn", "ready", "willing", "prepared", "swear",
                    "commit", "committed", "decide", "intend"}
DENYING = {"deny", "dismiss", "refute"}  # "denied moving troops": a claim denied, not a refusal
NEGATIVE_GOVERNORS = {"refuse", "fail", "decline", "deny", "reject", "avoid", "stop", "cease", "halt", "abandon"}
HEDGE_GOVERNORS = {"believe", "suspect", "think", "say", "report", "allege", "rumor", "rumour", "seem", "appear", "claim"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}


@dataclass(frozen=True)
class Modality:
    value: str
    reason: str
    intent: bool = False  # a stated intention ("vowed to", "offered to", "is ready to")
    denial: bool = False  # negated because someone denies it happened ("denied supplying weapons")


def _governors(tok: Token, limit: int = 3) -> list[Token]:
    """Verbs that govern ``tok`` through control or complementation (xcomp/ccomp chain)."""
    out, cur = [], tok
    for _ in range(limit):
        if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "acl", "advcl", "conj") or cur.head.i == cur.i:
            break
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        out.append(cur.head)
        cur = cur.head
    return out


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause carries a nominal trigger ("launched an attack" -> launched)."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def modality_of(trigger: Token, *, hedged_claim: bool = False, denial: bool = False) -> Modality:
    """Classify the modality of the event whose trigger is ``trigger``.

    An infinitival purpose or relative clause ("may send troops to aid Russia") takes the
    modality of the clause that governs it when it has none of its own.
    """
    own = _own_modality(trigger, hedged_claim=hedged_claim, denial=denial)
    if own.value != "asserted":
        return own
    gov = _purpose_governor(trigger)
    if gov is not None:
        up = _own_modality(gov, hedged_claim=hedged_claim, denial=denial)
        if up.value != "asserted":
            return Modality(up.value, f"purpose clause of '{gov.text}': {up.reason}")
    return own


def _purpose_governor(tok: Token) -> Token | None:
    """For "to aid" under "may send troops", the verb "send"; else None."""
    if tok.pos_ != "VERB" or not has_infinitival_to(tok):
        return None
    cur = tok.head
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def _own_modality(trigger: Token, *, hedged_claim: bool = False, denial: bool = False) -> Modality:
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _clause_verb(trigger)
    own = list(verb.children) + ([] if verb is trigger else list(trigger.children))
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        # "would provide radar and fund a centre": the auxiliaries of the first verb carry over
        own += [c for c in verb.head.children if c.dep_ in ("aux", "auxpass", "neg")]
    lowers = {c.lower_ for c in own}
    govs = _governors(verb)
    if denial:
        return Modality("negated", "inside a denial", denial=True)
    if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("neg", "advmod", "det")) for c in own):
        return Modality("negated", "negation in the clause")
    for g in govs:
        glem = g.lemma_.lower()
        if glem in NEGATIVE_GOVERNORS or any(c.dep_ == "neg" for c in g.children):
            return Modality("negated", f"governed by '{g.text}'", denial=glem in DENYING)
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & CONDITIONAL_MARKS or _in_conditional(verb):
        return Modality("hypothetical", "conditional clause")
    if _condition_marks(verb, CONDITIONAL_MARKS) or any(condition_clauses(g) for g in govs):
        # "will expel the ambassador unless ..." (an ultimatum), "vowed to close Hormuz if ...": a
        # threat or an offer; "would impose tariffs if China retaliates" stays a hypothetical act
        ultimatum = any("unless" in _condition_marks(v) for v in (verb, *govs))
        vowed = any(g.lemma_.lower() in INTENT_GOVERNORS for g in govs)
        return Modality("hypothetical", "main clause of a condition", intent=ultimatum or vowed)
    if lowers & HEDGE_ADVERBS or hedged_claim:
        return Modality("hedged", "hedging adverb" if lowers & HEDGE_ADVERBS else "hedged report")
    aux = {c.lower_ for c in own if c.dep_ in ("aux", "auxpass")}
    if aux & HEDGE_MODALS:
        return Modality("hedged", f"modal '{sorted(aux & HEDGE_MODALS)[0]}'")
    for g in govs:
        glem = g.lemma_.lower()
        if glem in HEDGE_GOVERNORS and has_passive_aux(g):
            return Modality("hedged", f"'{g.text} to'")
        if glem in FUTURE_GOVERNORS and verb.dep_ == "xcomp":
            return Modality("future", f"governed by '{g.text}'", intent=glem in INTENT_GOVERNORS)
    if aux & grammar_words().future_modals or (verb.tag_ == "VB" and "going" in {g.lower_ for g in govs}):
        return Modality("future", "future auxiliary")
    if aux & HYPOTHETICAL_MODALS:
        reported = any(g.lemma_.lower() in HEDGE_GOVERNORS | {"warn", "announce", "tell", "state"} for g in govs)
        return Modality("future" if reported else "hypothetical", "'would' in reported speech" if reported else "conditional modal",
                        intent=reported)
    return Modality("asserted", "no modal, negation or hedge in scope")


def condition_clauses(verb: Token, marks=("if", "unless")) -> list[Token]:
    """The if/unless clauses of ``verb`` ("will expel ... unless Mogadishu stops interfering")."""
    return [c for c in verb.children if c.dep_ == "advcl" and _condition_marks(c, marks, own=True)]


def _condition_marks(verb: Token, marks=("if", "unless"), *, own: bool = False) -> set[str]:
    """The condition marks of ``verb``'s advcl children (``own``: of ``verb`` itself)."""
    clauses = [verb] if own else [c for c in verb.children if c.dep_ == "advcl"]
    return {m.lower_ for c in clauses for m in c.children if m.dep_ == "mark" and m.lower_ in marks}


def _in_conditional(verb: Token) -> bool:
    cur = verb
    for _ in range(3):
        if cur.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in cur.children if c.dep_ == "mark"):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False
