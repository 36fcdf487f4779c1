"""How sure: asserted, hedged, negated, future or hypothetical, read from the trigger's clause.

Scope matters: only the trigger, the verbs that govern it (control verbs like "refused to",
"plans to") and its own clause markers count, so "denied that X attacked Y" negates the
attack but "X, who did not comment, attacked Y" does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadline.extract.events.words import EventWords, shipped_event_words
from dyadline.extract.syntax import has_infinitival_to, has_passive_aux, matrix_of_misattached_conj
from dyadline.extract.wordlists import grammar_words

# "denied moving troops": a claim denied, not a refusal (the denial verbs are EventWords.denial_verbs)


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
            cur = matrix_of_misattached_conj(cur) or cur.head
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


def modality_of(trigger: Token, *, hedged_claim: bool = False, denial: bool = False,
                words: EventWords | None = None) -> Modality:
    """Classify the modality of the event whose trigger is ``trigger``.

    An infinitival purpose or relative clause ("may send troops to aid Russia") takes the
    modality of the clause that governs it when it has none of its own.
    """
    words = words or shipped_event_words()
    own = _own_modality(trigger, hedged_claim=hedged_claim, denial=denial, words=words)
    if own.value != "asserted":
        return own
    gov = _purpose_governor(trigger)
    if gov is not None:
        up = _own_modality(gov, hedged_claim=hedged_claim, denial=denial, words=words)
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


@dataclass(frozen=True)
class _Clause:
    """What the modality of one trigger is read from."""

    verb: Token                # the trigger's clause verb
    own: list[Token]           # its children (and the trigger's), with a first conjunct's auxiliaries
    govs: list[Token]          # the verbs governing it
    words: EventWords
    hedged_claim: bool

    @property
    def aux(self) -> set[str]:
        return {c.lower_ for c in self.own if c.dep_ in ("aux", "auxpass")}


def _own_modality(trigger: Token, *, hedged_claim: bool = False, denial: bool = False,
                  words: EventWords) -> Modality:
    if denial:
        return Modality("negated", "inside a denial", denial=True)
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _clause_verb(trigger)
    own = list(verb.children) + ([] if verb is trigger else list(trigger.children))
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children) \
            and matrix_of_misattached_conj(verb) is None:
        # "would provide radar and fund a centre": the auxiliaries of the first verb carry over
        own += [c for c in verb.head.children if c.dep_ in ("aux", "auxpass", "neg")]
    clause = _Clause(verb, own, _governors(verb), words, hedged_claim)
    for step in (_negation, _condition, _hedge, _governed, _modal):
        found = step(clause)
        if found is not None:
            return found
    return Modality("asserted", "no modal, negation or hedge in scope")


def _negation(c: _Clause) -> Modality | None:
    if any(t.dep_ == "neg" or (t.lower_ in grammar_words().negators and t.dep_ in ("neg", "advmod", "det"))
           for t in c.own):
        return Modality("negated", "negation in the clause")
    for g in c.govs:
        glem = g.lemma_.lower()
        if glem in c.words.negative_governors or any(t.dep_ == "neg" for t in g.children):
            return Modality("negated", f"governed by '{g.text}'", denial=glem in c.words.denial_verbs)
    return None


def _condition(c: _Clause) -> Modality | None:
    marks = grammar_words().conditional_marks
    if {t.lower_ for t in c.verb.children if t.dep_ == "mark"} & marks or _in_conditional(c.verb):
        return Modality("hypothetical", "conditional clause")
    if _condition_marks(c.verb, marks) or any(condition_clauses(g) for g in c.govs):
        # "will expel the ambassador unless ..." (an ultimatum), "vowed to close Hormuz if ...": a
        # threat or an offer; "would impose tariffs if China retaliates" stays a hypothetical act
        ultimatum = any("unless" in _condition_marks(v) for v in (c.verb, *c.govs))
        vowed = any(g.lemma_.lower() in c.words.intent_governors for g in c.govs)
        return Modality("hypothetical", "main clause of a condition", intent=ultimatum or vowed)
    return None


def _hedge(c: _Clause) -> Modality | None:
    adverbs = {t.lower_ for t in c.own} & c.words.hedge_adverbs
    if adverbs or c.hedged_claim:
        return Modality("hedged", "hedging adverb" if adverbs else "hedged report")
    modals = c.aux & grammar_words().hedge_modals
    return Modality("hedged", f"modal '{sorted(modals)[0]}'") if modals else None


def _governed(c: _Clause) -> Modality | None:
    for g in c.govs:
        glem = g.lemma_.lower()
        if glem in c.words.hedge_governors and has_passive_aux(g):
            return Modality("hedged", f"'{g.text} to'")
        if glem in c.words.future_governors and c.verb.dep_ == "xcomp":
            return Modality("future", f"governed by '{g.text}'", intent=glem in c.words.intent_governors)
    return None


def _modal(c: _Clause) -> Modality | None:
    g = grammar_words()
    if c.aux & g.future_modals or (c.verb.tag_ == "VB" and "going" in {t.lower_ for t in c.govs}):
        return Modality("future", "future auxiliary")
    if not c.aux & g.hypothetical_modals:
        return None
    reported = any(t.lemma_.lower() in c.words.hedge_governors | {"warn", "announce", "tell", "state"} for t in c.govs)
    return Modality("future" if reported else "hypothetical", "'would' in reported speech" if reported else "conditional modal",
                    intent=reported)


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
        if cur.dep_ == "advcl" and any(c.lower_ in grammar_words().conditional_marks for c in cur.children if c.dep_ == "mark"):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False
