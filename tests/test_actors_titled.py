"""People the knowledge base does not know take country and sector from the words that introduce them."""

from __future__ import annotations

import pytest

from dyadline.extract.actors import ActorResolver


def _find(nlp, text):
    return ActorResolver().find(nlp(text), None)


def _by_text(actors):
    return {a.text: a for a in actors}


@pytest.mark.parametrize("text, mention, name, country", [
    ("Iraqi President Saddam Hussein arrived in Amman on Wednesday.",
     "Iraqi President Saddam Hussein", "Saddam Hussein", "IRQ"),
    ("U.S. Secretary of State Warren Christopher met the Syrian president on Sunday.",
     "U.S. Secretary of State Warren Christopher", "Warren Christopher", "USA"),
    ("Russian Foreign Minister Andrei Kozyrev criticised the plan.",
     "Russian Foreign Minister Andrei Kozyrev", "Andrei Kozyrev", "RUS"),
])
def test_actors_titled_premodifiers_cover_the_name(nlp, text, mention, name, country):
    a = _by_text(_find(nlp, text))[mention]
    assert (a.name, a.country, a.sector) == (name, country, "GOV")


def test_actors_titled_of_phrase_gives_the_country(nlp):
    a = _by_text(_find(nlp, "Ousted President Askar Akayev of Kyrgyzstan said he would resign."))
    assert a["Ousted President Askar Akayev"].country == "KGZ"
    assert a["he"].country == "KGZ"


def test_actors_titled_appositive_gives_the_country(nlp):
    a = _by_text(_find(nlp, "Tariq Aziz, Iraq's foreign minister, rejected the plan."))
    assert (a["Tariq Aziz"].country, a["Tariq Aziz"].sector) == ("IRQ", "GOV")
    assert a["Iraq's foreign minister"].name == "Tariq Aziz"


def test_actors_titled_surnames_corefer(nlp):
    text = ("Iraqi President Saddam Hussein said Iraq would not withdraw. Hussein added that talks were useless. "
            "Russian Foreign Minister Andrei Kozyrev criticised NATO. Kozyrev said Moscow would respond.")
    a = _by_text(_find(nlp, text))
    assert (a["Hussein"].name, a["Hussein"].country) == ("Saddam Hussein", "IRQ")
    assert (a["Kozyrev"].name, a["Kozyrev"].country) == ("Andrei Kozyrev", "RUS")


def test_actors_titled_city_in_a_name_is_not_a_place(nlp):
    countries = {a.country for a in _find(nlp, "Warren Christopher flew home.")}
    assert "USA" not in countries
