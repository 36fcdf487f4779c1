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


def test_nlp_lemma_fixes_final_e_is_restored_only_where_spelling_says_so(nlp):
    doc = nlp("They hoped, hopped, coped, visited, edited, heated and barred it.")
    lemmas = {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert lemmas.get("hoped") == "hope" and lemmas.get("coped") == "cope"
    for word, lemma in (("hopped", "hop"), ("visited", "visit"), ("edited", "edit"), ("barred", "bar")):
        assert lemmas.get(word, lemma) == lemma
