"""Ethnic and national groups are coded by the country they live in ("Kurds in Syria" is SYR)."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.actors import ActorResolver
from dyadline.extract.actors.groups import parse_peoples


def _by_text(nlp, text):
    return {a.text: a for a in ActorResolver().find(nlp(text), None)}


def _code(text):
    a = ActorResolver().resolve(text)
    return a.country, a.sector


@pytest.mark.parametrize("text, country", [
    ("ethnic Hungarians in northern Serbia", "SRB"),
    ("the Greeks of Albania", "ALB"),
    ("the Polish minority in Lithuania", "LTU"),
    ("ethnic Russians living in Estonia", "EST"),
    ("Kurds in Iraq", "IRQ"),
    ("the Turkish community in Germany", "DEU"),
])
def test_actors_people_groups_resolve_by_place(text, country):
    assert _code(text) == (country, "CVL")


def test_actors_people_groups_without_place_keep_nationality():
    assert _code("ethnic Hungarians")[0] == "HUN"
    assert _code("Hungarians")[0] == "HUN"
    assert _code("Hungarians in Hungary")[0] == "HUN"


def test_actors_people_groups_occupations_keep_nationality():
    assert _code("Hungarian officials in Serbia") == ("HUN", "GOV")
    assert _code("Dutch tourists in Morocco")[0] == "NLD"


def test_actors_people_groups_armed_group_takes_place():
    assert _code("Hungarian rebels in Slovakia") == ("SVK", "REB")
    assert _code("Chechen rebels") == ("RUS", "REB")


def test_actors_people_groups_in_a_document(nlp):
    a = _by_text(nlp, "Ethnic Poles in western Belarus complained about the new school law.")
    assert (a["Ethnic Poles"].country, a["Ethnic Poles"].sector) == ("BLR", "CVL")
    a = _by_text(nlp, "The Greek minority in Albania asked for more schools.")
    assert a["The Greek minority"].country == "ALB"
    a = _by_text(nlp, "Ethnic Russians living in Estonia protested against the law.")
    assert a["Ethnic Russians"].country == "EST"


def test_actors_people_groups_armed_in_phrase_in_a_document(nlp):
    a = _by_text(nlp, "Hungarian rebels in Slovakia attacked a border post.")
    assert (a["Hungarian rebels"].country, a["Hungarian rebels"].sector) == ("SVK", "REB")
    a = _by_text(nlp, "Russian troops in Syria shelled the town.")
    assert a["Russian troops"].country == "RUS"


def test_actors_people_groups_clause_place(nlp):
    a = _by_text(nlp, "About 200 ethnic Greeks marched on Sunday in Albania.")
    assert a["About 200 ethnic Greeks"].country == "ALB"
    a = _by_text(nlp, "Ethnic Greeks marched in the capital.")
    assert a["Ethnic Greeks"].country == "GRC"


def test_actors_people_groups_stateless_people(nlp):
    a = _by_text(nlp, "Kurds in Iran boycotted the election.")
    assert (a["Kurds"].country, a["Kurds"].sector) == ("IRN", "CVL")
    a = _by_text(nlp, "Syrian Kurds accused Ankara of shelling.")
    assert a["Syrian Kurds"].country == "SYR"


def test_actors_people_groups_not_national_antecedents(nlp):
    actors = ActorResolver().find(nlp("Ethnic Serbs in Croatia met the president. The country was tense."), None)
    group = next(a for a in actors if a.text == "Ethnic Serbs")
    assert all(a.antecedent != group.span for a in actors if a.text == "The country")


def test_actors_people_groups_bad_file():
    with pytest.raises(ConfigError, match="peoples.yaml"):
        parse_peoples({"peoples": [{"name": "X", "country": "xx"}]}, "my/peoples.yaml")
    with pytest.raises(ConfigError, match="peoples.yaml"):
        parse_peoples([], "my/peoples.yaml")
