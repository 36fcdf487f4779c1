"""The one pronoun resolver: coreference's answer first, the text search for what it left unnamed."""

from __future__ import annotations

from spacy.tokens import Doc

from dyadline.extract.actors.pronouns import Scope, Strategy, resolve, stands_for
from dyadline.records import Actor, Basis


def _doc(blank_nlp) -> Doc:
    return Doc(blank_nlp.vocab, words=["Putin", "arrived", ".", "He", "spoke", ".", "I", "agree"],
               heads=[1, 1, 1, 4, 4, 4, 7, 7],
               deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "nsubj", "ROOT"],
               pos=["PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT", "PRON", "VERB"],
               ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O"])


def _scope() -> Scope:
    return Scope(0, quoted=lambda i: False, speaks=lambda t: False, phrase=lambda t: None, group_nouns=frozenset())


def test_pronouns_resolve_coreference_first(blank_nlp):
    doc = _doc(blank_nlp)
    known = Actor(text="He", span=(13, 15), name="Vladimir Putin", country="RUS", basis=Basis.COREF_PRONOUN,
                  antecedent=(0, 5))
    found = resolve(doc[3], known, _scope())
    assert found.strategy is Strategy.COREFERENCE and found.actor is known


def test_pronouns_resolve_text_when_coreference_named_no_one(blank_nlp):
    doc = _doc(blank_nlp)
    unnamed = Actor(text="He", span=(13, 15), country="RUS", basis=Basis.COREF_PRONOUN)
    for known in (None, unnamed):
        found = resolve(doc[3], known, _scope())
        assert found.strategy is Strategy.TEXT and found.span.text == "Putin"


def test_pronouns_resolve_no_search_for_first_person(blank_nlp):
    assert resolve(_doc(blank_nlp)[6], None, _scope()) is None


def test_pronouns_resolve_stands_for():
    text = "Farc said it will release them."
    it = Actor(text="it", span=(10, 12), country="COL", antecedent=(0, 4))
    assert stands_for(it, text).text == "Farc" and stands_for(it, text).span == (0, 4)
    farc = Actor(text="Farc", span=(0, 4), country="COL")
    assert stands_for(farc, text) is farc
