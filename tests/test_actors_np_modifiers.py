"""A generic noun takes its country from an "of"/"from" phrase of its own noun phrase."""

from __future__ import annotations

from dyadline.extract.actors import ActorResolver


def _by_text(nlp, text):
    return {a.text: a for a in ActorResolver().find(nlp(text), None)}


def test_actors_np_modifiers_of_phrase_beats_coreference(nlp):
    a = _by_text(nlp, "Putin offered to negotiate with the president of Armenia.")
    assert (a["the president"].country, a["the president"].sector) == ("ARM", "GOV")


def test_actors_np_modifiers_from_phrase(nlp):
    a = _by_text(nlp, "Doctors from two American aid groups delivered medicine.")
    assert (a["Doctors"].country, a["Doctors"].sector) == ("USA", "MED")


def test_actors_np_modifiers_people_in_the_phrase_are_not_the_head(nlp):
    a = _by_text(nlp, "The wife of Vladimir Putin spoke.")
    assert all(x.name != "Vladimir Putin" for t, x in a.items() if "wife" in t)
