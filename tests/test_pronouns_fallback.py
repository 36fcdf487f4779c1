"""The actor layer's fallback antecedents for pronouns coreference left open (no model needed)."""

from __future__ import annotations

from spacy.tokens import Doc

from dyadline.extract.actors.pronouns import group_before, person_before


def _doc(blank_nlp, words, heads, deps, pos, ents=None) -> Doc:
    return Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_pronouns_fallback_person(blank_nlp):
    doc = _doc(blank_nlp, ["Putin", "arrived", ".", "He", "spoke", "."], [1, 1, 1, 4, 4, 4],
               ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"], ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
               ents=["B-PERSON", "O", "O", "O", "O", "O"])
    found = person_before(doc[3], 0, quoted=lambda i: False, speaks=lambda t: False, phrase=lambda t: None)
    assert found is not None and found.text == "Putin"
    assert person_before(doc[3], 0, quoted=lambda i: i == 0, speaks=lambda t: False, phrase=lambda t: None) is None


def test_pronouns_fallback_group(blank_nlp):
    doc = _doc(blank_nlp, ["The", "ministry", "replied", "and", "it", "denied"], [1, 2, 2, 2, 5, 2],
               ["det", "nsubj", "ROOT", "cc", "nsubj", "conj"], ["DET", "NOUN", "VERB", "CCONJ", "PRON", "VERB"])
    found = group_before(doc[4], frozenset({"ministry"}))
    assert found is not None and found.root.text == "ministry"
    assert group_before(doc[4], frozenset({"army"})) is None
