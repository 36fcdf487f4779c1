"""Possessive pronouns prefer the subject of their clause; places are not antecedents."""

from __future__ import annotations

import datetime as dt

from dyadline.extract.actors import ActorResolver


def _its(nlp, text, date=None):
    return [a for a in ActorResolver().find(nlp(text), date) if a.text.lower().startswith(("its", "their"))]


def test_coref_possessive_prefers_the_subject(nlp):
    its = _its(nlp, "Libya has offered to hand over to Great Britain two of its nationals.")
    assert [a.country for a in its] == ["LBY"]


def test_coref_possessive_subject_of_the_inner_clause(nlp):
    its = _its(nlp, "Washington demanded that Hamas renounce its armed struggle.")
    assert [a.country for a in its] == ["PSE"]


def test_coref_possessive_skips_locative_cities(nlp):
    its = _its(nlp, "The APEC forum met in Tokyo, and its members agreed to cut tariffs.")
    assert [a.country for a in its] == ["IGO"]


def test_coref_possessive_city_subject_is_an_antecedent(nlp):
    its = _its(nlp, "Moscow said its troops would stay.")
    assert [a.country for a in its] == ["RUS"]


def test_coref_possessive_ambiguous_short_name_by_date(nlp):
    r = ActorResolver()
    text = "Bush said the plan would work."
    early = r.find(nlp(text), dt.date(1990, 5, 1))[0]
    late = r.find(nlp(text), dt.date(2003, 5, 1))[0]
    undated = r.find(nlp(text), None)[0]
    assert (early.name, late.name) == ("George H. W. Bush", "George W. Bush")
    assert (undated.name, undated.country) == (None, "USA")


def test_coref_possessive_nearest_inside_a_noun_phrase(nlp):
    text = "Guyana said it needed to be realistic about conditions in Venezuela and the whims of its leader."
    its = _its(nlp, text)
    assert [a.country for a in its] == ["VEN"]
