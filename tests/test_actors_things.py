"""Mentions that are not plain actors: news outlets with a country, weapons only as agents."""

from __future__ import annotations

from dyadline.extract.actors import ActorResolver


def _find(nlp, text):
    return ActorResolver().find(nlp(text))


def _codes(actors, text, phrase):
    at = text.index(phrase)
    return [(a.country, a.sector) for a in actors if a.span == (at, at + len(phrase))]


def test_actors_things_outlet_with_possessor(nlp):
    text = "Israel's Channel 12 News reported that talks had stalled."
    assert _codes(_find(nlp, text), text, "Israel's Channel 12 News") == [("ISR", "JRN")]


def test_actors_things_outlet_in_apposition(nlp):
    text = "Egypt invited Israel to send a team, the Israeli outlet News 24 reported."
    found = _find(nlp, text)
    assert _codes(found, text, "News 24") == [("ISR", "JRN")]
    assert _codes(found, text, "the Israeli outlet") == [("ISR", "JRN")]


def test_actors_things_weapon_object_is_no_actor(nlp):
    text = "The troops fired artillery at the village."
    assert not any(a.text == "artillery" for a in _find(nlp, text))


def test_actors_things_weapon_object_keeps_country_only(nlp):
    text = "Iran said it shot down an American drone."
    assert _codes(_find(nlp, text), text, "an American drone") == [("USA", None)]


def test_actors_things_weapon_subject_is_an_actor(nlp):
    text = "Israeli warplanes struck targets in Gaza."
    assert _codes(_find(nlp, text), text, "Israeli warplanes") == [("ISR", "MIL")]
