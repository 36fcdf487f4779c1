"""A stance or sponsor modifier ("anti-Syria", "pro-Russian", "Iran-backed") gives no country."""

from __future__ import annotations

from dyadline.extract.actors import ActorResolver
from dyadline.extract.actors.lexicon import stance_modified, words_of


def _by_text(nlp, text):
    return {a.text: a for a in ActorResolver().find(nlp(text), None)}


def test_actors_stance_words():
    words = words_of("anti-Syria journalist")
    assert stance_modified(words, 1, 2)
    words = words_of("Syria journalist")
    assert not stance_modified(words, 0, 1)
    words = words_of("Iran-backed militias")
    assert stance_modified(words, 0, 1)
    words = words_of("Iran backed the militias")
    assert not stance_modified(words, 0, 1)


def test_actors_stance_anti_gives_no_country():
    a = ActorResolver().resolve("an anti-Iran blogger")
    assert (a.country, a.sector) == (None, "JRN")
    assert ActorResolver().resolve("anti-NATO demonstrators").country is None


def test_actors_stance_pro_gives_no_country():
    a = ActorResolver().resolve("pro-Turkish militiamen")
    assert (a.country, a.sector) == (None, "PRM")


def test_actors_stance_place_gives_country():
    a = ActorResolver().resolve("pro-Serbian separatists in Bosnia")
    assert (a.country, a.sector) == ("BIH", "REB")


def test_actors_stance_in_a_document(nlp):
    a = _by_text(nlp, "Pro-Turkish militiamen in Idlib shelled a village.")
    assert a["Pro-Turkish militiamen"].country == "SYR"
    a = _by_text(nlp, "Pro-Turkish militiamen shelled a village.")
    assert a["Pro-Turkish militiamen"].country is None


def test_actors_stance_sponsor_and_occupier(nlp):
    a = _by_text(nlp, "Saudi-backed fighters in Yemen advanced on the port.")
    assert a["Saudi-backed fighters"].country == "YEM"
    assert ActorResolver().resolve("the Turkish-occupied north of Cyprus").country == "CYP"


def test_actors_stance_verb_still_names(nlp):
    a = _by_text(nlp, "Turkey backed the plan.")
    assert a["Turkey"].country == "TUR"
