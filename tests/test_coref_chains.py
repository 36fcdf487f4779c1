"""Coreference across sentences: pronouns, descriptions, short names, pairs."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadline.extract.actors import ActorResolver
from dyadline.records import Basis

TEXT = ("Russian President Vladimir Putin praised North Korean leader Kim Jong-un on Friday. "
        "The relationship between Russia and North Korea has deepened. "
        "He said the bonds between the two nations remain solid. "
        "The Russian leader also thanked Kim for his support. "
        "Kim and Putin agreed to expand their cooperation. "
        "Hamas said the group would study the proposal, and it asked Qatar to mediate.")


@pytest.fixture(scope="module")
def actors(nlp):
    return ActorResolver().find(nlp(TEXT), dt.date(2025, 8, 15))


def _all(actors, text, start=0):
    at = TEXT.index(text, start)
    return [a for a in actors if a.span == (at, at + len(text))]


def _ante(a):
    return TEXT[a.antecedent[0]:a.antecedent[1]]


def test_coref_pronoun_points_to_the_person(actors):
    (he,) = _all(actors, "He")
    assert (he.name, he.country, he.basis) == ("Vladimir Putin", "RUS", Basis.COREF_PRONOUN)
    assert he.antecedent is not None and "Putin" in _ante(he)


def test_coref_two_nations_gives_one_actor_per_country(actors):
    pair = _all(actors, "the two nations")
    assert sorted(a.country for a in pair) == ["PRK", "RUS"]
    assert {_ante(a) for a in pair} == {"Russia", "North Korea"}


def test_coref_description_finds_the_leader(actors):
    (leader,) = _all(actors, "The Russian leader")
    assert (leader.name, leader.basis) == ("Vladimir Putin", Basis.COREF_DESCRIPTION)


def test_coref_short_name_and_possessive(actors):
    kim = _all(actors, "Kim", TEXT.index("thanked"))
    assert [(a.name, a.basis) for a in kim] == [("Kim Jong-un", Basis.COREF_SHORT_NAME)]
    assert _ante(kim[0]).endswith("Kim Jong-un")
    (his,) = _all(actors, "his")
    assert his.name in ("Kim Jong-un", "Vladimir Putin")


def test_coref_plural_pronoun_after_conjunction(actors):
    their = _all(actors, "their")
    assert sorted(a.name for a in their) == ["Kim Jong-un", "Vladimir Putin"]


def test_coref_group_and_it(actors):
    (group,) = _all(actors, "the group")
    assert (group.name, group.country) == ("Hamas", "PSE")
    (it,) = _all(actors, "it", TEXT.index("proposal"))
    assert it.country == "PSE"
