"""The spaCy stage corrects verb lemmas the small English model gets wrong."""

from __future__ import annotations


def test_nlp_lemma_fixes_wrong_verb_lemmas(nlp):
    doc = nlp("Students staged protests while the army waged war and the dog wagged its tail.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["staged"] == "stage"
    assert lemmas["waged"] == "wage"
    assert lemmas["wagged"] == "wag"


def test_nlp_lemma_fixes_is_in_the_pipeline(nlp):
    assert "dyadline_lemma_fixes" in nlp.pipe_names
