"""ActorResolver.resolve: mentions of every kind to name, country and sector."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadline.extract.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver()


def _codes(resolver, text, date=None, context=None):
    a = resolver.resolve(text, context=context, date=date)
    return a.name, a.country, a.sector


@pytest.mark.parametrize("text, country", [
    ("Russia", "RUS"), ("the Russian Federation", "RUS"), ("Kosovo", "XKX"), ("Palestine", "PSE"),
    ("Taiwan", "TWN"), ("the U.S.", "USA"), ("DRC", "COD"),
])
def test_actors_resolve_country_names(resolver, text, country):
    assert _codes(resolver, text)[1:] == (country, None)


@pytest.mark.parametrize("text, country, sector", [
    ("North Korean troops", "PRK", "MIL"), ("Ukrainian forces", "UKR", "MIL"), ("a Russian delegation", "RUS", "GOV"),
    ("South Korean intelligence", "KOR", "SPY"), ("four Saudi men", "SAU", "CVL"), ("a US destroyer", "USA", "MIL"),
    ("Iranian lawmakers", "IRN", "LEG"), ("Syrian rebels", "SYR", "REB"), ("Israeli police", "ISR", "COP"),
    ("Sudanese refugees", "SDN", "REF"), ("Chinese state media", "CHN", "JRN"), ("Afghan civilians", "AFG", "CVL"),
])
def test_actors_resolve_demonym_with_sector_noun(resolver, text, country, sector):
    assert _codes(resolver, text)[1:] == (country, sector)


@pytest.mark.parametrize("text, country", [
    ("Pyongyang", "PRK"), ("the Kremlin", "RUS"), ("Washington", "USA"), ("Beijing", "CHN"), ("Seoul", "KOR"),
    ("Downing Street", "GBR"), ("the White House", "USA"),
])
def test_actors_resolve_capital_metonyms_are_governments(resolver, text, country):
    assert _codes(resolver, text)[1:] == (country, "GOV")


def test_actors_resolve_person_with_and_without_title(resolver):
    assert _codes(resolver, "Russian President Vladimir Putin", "2025-08-15") == ("Vladimir Putin", "RUS", "GOV")
    assert _codes(resolver, "Kim Jong Un", "2025-08-15") == ("Kim Jong-un", "PRK", "GOV")
    assert _codes(resolver, "Zelenskyy") == ("Volodymyr Zelensky", "UKR", "GOV")


def test_actors_resolve_dated_role_change(resolver):
    assert _codes(resolver, "President Biden", dt.date(2023, 5, 1)) == ("Joe Biden", "USA", "GOV")
    assert _codes(resolver, "President Biden", dt.date(2026, 1, 1)) == ("Joe Biden", "USA", "ELI")
    assert _codes(resolver, "Angela Merkel", "2017-04-01")[2] == "GOV"
    assert _codes(resolver, "Angela Merkel", "2022-01-10")[2] == "ELI"
    assert _codes(resolver, "Taliban", "2020-01-01")[1:] == ("AFG", "REB")
    assert _codes(resolver, "Taliban", "2023-01-01")[1:] == ("AFG", "GOV")


def test_actors_resolve_undated_title_picks_the_role(resolver):
    assert _codes(resolver, "Senator Marco Rubio")[2] == "LEG"
    assert _codes(resolver, "Marco Rubio")[2] == "GOV"  # no date, no title: the latest role


def test_actors_resolve_former_is_elite(resolver):
    assert _codes(resolver, "a former CIA official")[1:] == ("USA", "ELI")
    assert _codes(resolver, "former President Nursultan Nazarbayev")[1:] == ("KAZ", "ELI")


def test_actors_resolve_title_alone_finds_holder(resolver):
    assert _codes(resolver, "the Russian leader", "2025-08-15") == ("Vladimir Putin", "RUS", "GOV")
    assert _codes(resolver, "the Iranian foreign minister", "2025-01-01") == ("Abbas Araghchi", "IRN", "GOV")
    assert _codes(resolver, "the German leader", "2023-01-01")[0] == "Olaf Scholz"  # parliamentary: the chancellor


@pytest.mark.parametrize("text, country, sector", [
    ("Hamas", "PSE", "REB"), ("Hezbollah", "LBN", "REB"), ("the Houthis", "YEM", "REB"), ("M23", "COD", "REB"),
    ("RSF", "SDN", "REB"), ("al-Shabaab", "SOM", "REB"), ("Wagner Group", "RUS", "PRM"), ("NATO", "IGO", None),
    ("the U.N.", "IGO", None), ("ICC", "IGO", "JUD"), ("Amnesty International", "NGO", "SOC"),
    ("Doctors Without Borders", "NGO", "MED"), ("KCNA", "PRK", "JRN"), ("Xinhua", "CHN", "JRN"),
    ("the Korean Central News Agency", "PRK", "JRN"), ("Islamic State", "IMG", "REB"),
])
def test_actors_resolve_organisations(resolver, text, country, sector):
    assert _codes(resolver, text)[1:] == (country, sector)


def test_actors_resolve_generic_title_takes_the_organisation(resolver):
    assert _codes(resolver, "members of SANDF")[1:] == ("ZAF", "MIL")
    assert _codes(resolver, "Boko Haram gunmen")[1:] == ("NGA", "REB")
    assert _codes(resolver, "Canadian Ambassador to the United Nations")[1:] == ("CAN", "GOV")
    assert _codes(resolver, "Russia's ambassador to Poland")[1:] == ("RUS", "GOV")


def test_actors_resolve_unknown_and_pronouns(resolver):
    assert _codes(resolver, "a cat named Frank") == (None, None, None)
    assert _codes(resolver, "He")[1:] == (None, "UNK")


def test_actors_resolve_context_gives_country(resolver):
    assert _codes(resolver, "the defence ministry", context="Colombia")[1:] == ("COL", "GOV")


def test_actors_resolve_cities_give_country(resolver):
    assert _codes(resolver, "Kyiv police")[1:] == ("UKR", "COP")
    assert _codes(resolver, "Shanghai authorities")[1:] == ("CHN", "GOV")


def test_actors_search_lists_roles(resolver):
    rows = resolver.search("Putin")
    assert rows[0]["name"] == "Vladimir Putin" and rows[0]["country"] == "RUS"
    assert any(r["title"] == "president" and r["end"] is None for r in rows[0]["roles"])
    assert resolver.search("no such person xyz") == []
