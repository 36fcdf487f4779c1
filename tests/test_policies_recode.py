"""Recoding policies, one at a time, on hand-built parses (no model needed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dyadline.extract.events.context import Candidate, DocContext
from dyadline.extract.events.modality import Modality
from dyadline.extract.events.policies import (
    OBLIGATION,
    Code,
    Reading,
    is_denial,
    protest_in_words,
    recode,
    refusal,
    request_of_another,
    stated_intention,
    threat,
)
from dyadline.extract.events.roles import ActorIndex, Args, Role
from dyadline.extract.events.triggers import Trigger, TriggerMatch
from dyadline.extract.speech.cues import Claim
from dyadline.records import Actor, Basis

ISRAEL = Actor(text="Israel", span=(0, 6), country="ISR")
EGYPT = Actor(text="Egypt", span=(30, 35), country="EGY", sector="GOV")


def _doc(blank_nlp, words, heads, deps, pos) -> Doc:
    return Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])


@pytest.fixture
def withdraw(blank_nlp) -> Doc:
    """"Israel must withdraw": the verb, with a modal."""
    return _doc(blank_nlp, ["Israel", "must", "withdraw"], [2, 2, 2], ["nsubj", "aux", "ROOT"], ["PROPN", "AUX", "VERB"])


@pytest.fixture
def protested(blank_nlp) -> Doc:
    """"Japan protested that ...": a protest verb with a complement clause."""
    return _doc(blank_nlp, ["Japan", "protested", "that", "it", "hurt"], [1, 1, 4, 4, 1],
                ["nsubj", "ROOT", "mark", "nsubj", "ccomp"], ["PROPN", "VERB", "SCONJ", "PRON", "VERB"])


def _ctx(doc: Doc, claims=()) -> DocContext:
    return DocContext(doc, doc.text, ActorIndex(doc, []), None, [], [], list(claims), None)


def _reading(doc: Doc, trigger: Trigger, modality: str = "asserted", *, claim=None, source=ISRAEL, i=None,
             **mod) -> Reading:
    tok = doc[i if i is not None else next(t.i for t in doc if t.pos_ == "VERB")]
    args = Args(Role([source]) if source else Role(), Role())
    return Reading(Candidate(TriggerMatch(trigger, (tok.i,)), tok, args), claim, Modality(modality, "test", **mod))


def test_policies_stated_intention(withdraw):
    r = _reading(withdraw, Trigger(key="withdraw", pos="verb", type="RETREAT"), "future")
    code = stated_intention(r, _ctx(withdraw))
    assert (code.type, code.mode, code.why) == ("AGREE", None, "a stated intention")
    assert stated_intention(_reading(withdraw, r.trigger), _ctx(withdraw)) is None  # asserted: it happened


def test_policies_threat(withdraw):
    attack = Trigger(key="attack", pos="verb", type="ASSAULT", mode="aerial")
    assert threat(_reading(withdraw, attack, "future"), _ctx(withdraw)).type == "THREATEN"
    assert threat(_reading(withdraw, attack, "hypothetical", intent=True), _ctx(withdraw)).type == "THREATEN"
    assert threat(_reading(withdraw, attack, "hypothetical"), _ctx(withdraw)) is None
    assert threat(_reading(withdraw, Trigger(key="meet", pos="verb", type="CONSULT"), "future"), _ctx(withdraw)) is None


def test_policies_refusal(withdraw):
    agree = Trigger(key="agree", pos="verb", type="AGREE")
    code = refusal(_reading(withdraw, agree, "negated"), _ctx(withdraw))
    assert (code.type, code.modality.value, code.why) == ("REJECT", "asserted", "a refusal")
    assert refusal(_reading(withdraw, agree, "negated", denial=True), _ctx(withdraw)) is None
    own = Trigger(key="recognise", pos="verb", type="SUPPORT", negated_as="ACCUSE")
    assert refusal(_reading(withdraw, own, "negated"), _ctx(withdraw)).type == "ACCUSE"
    assert refusal(_reading(withdraw, Trigger(key="attack", pos="verb", type="ASSAULT"), "negated"), _ctx(withdraw)) is None


def test_policies_protest_in_words(protested):
    protest = Trigger(key="protest", pos="verb", type="PROTEST", mode="demonstrate")
    code = protest_in_words(_reading(protested, protest, i=1), _ctx(protested))
    assert (code.type, code.mode) == ("ACCUSE", "disapprove")
    noun = Trigger(key="protest", pos="noun", type="PROTEST")
    assert protest_in_words(_reading(protested, noun, i=1), _ctx(protested)) is None


def test_policies_protest_in_words_by_a_state(withdraw):
    state = Actor(text="Japan", span=(0, 5), country="JPN", basis=Basis.COUNTRY_NAME)
    protest = Trigger(key="protest", pos="verb", type="PROTEST", mode="demo")
    assert protest_in_words(_reading(withdraw, protest, source=state), _ctx(withdraw)).type == "ACCUSE"
    boycott = Trigger(key="boycott", pos="verb", type="PROTEST", mode="boycott")
    assert protest_in_words(_reading(withdraw, boycott, source=state), _ctx(withdraw)) is None  # done, not said
    crowd = Actor(text="farmers", span=(0, 7), sector="AGR")
    assert protest_in_words(_reading(withdraw, protest, source=crowd), _ctx(withdraw)) is None


def test_policies_request_of_another(withdraw):
    claim = Claim(scope=(0, 22), source=EGYPT, cue="said", cue_span=(30, 34))
    r = _reading(withdraw, Trigger(key="withdraw", pos="verb", type="RETREAT"), claim=claim)
    code = request_of_another(r, _ctx(withdraw, [claim]))
    assert (code.type, code.mode, code.why) == ("REQUEST", "change", "asked of another")
    assert code.args.source.actors == [EGYPT] and code.args.target.actors == [ISRAEL]
    assert request_of_another(_reading(withdraw, r.trigger), _ctx(withdraw)) is None  # no one voices it


def test_policies_recode_first_that_applies(protested, withdraw):
    protest = Trigger(key="protest", pos="verb", type="PROTEST")
    assert recode(_reading(protested, protest, "future", i=1), _ctx(protested)).type == "THREATEN"
    assert recode(_reading(withdraw, OBLIGATION), _ctx(withdraw)) is None  # a must nobody voices
    plain = _reading(withdraw, Trigger(key="withdraw", pos="verb", type="RETREAT", mode="military"))
    assert recode(plain, _ctx(withdraw)) == Code.as_read(plain)


@pytest.mark.parametrize("cue, lemma, denial", [("deny", "deny", True), ("denied", "deny", True), ("denies", "deny", True),
                                                ("dismissed", "dismiss", True), ("refuted", "refute", True),
                                                ("said", "say", False)])
def test_policies_denial(blank_nlp, cue, lemma, denial):
    """The cue's lemma decides: "denied" and "denies" are denials (the old check on the stripped
    word could never match them)."""
    doc = Doc(blank_nlp.vocab, words=["Iran", cue, "it"], lemmas=["Iran", lemma, "it"])
    claim = Claim(scope=(0, 1), source=None, cue=cue, cue_span=(doc[1].idx, doc[1].idx + len(cue)))
    assert is_denial(claim, doc) is denial
    assert is_denial(None, doc) is False
