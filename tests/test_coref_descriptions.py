"""Coreference of descriptions: titles of people the KB does not know, owners, head nouns, pairs."""

from __future__ import annotations

from dyadline.extract.actors import ActorResolver


def _find(nlp, text):
    return ActorResolver().find(nlp(text))


def _at(actors, text, phrase, start=0):
    at = text.index(phrase, start)
    return [a for a in actors if a.span == (at, at + len(phrase))]


def test_coref_descriptions_title_picks_the_titled_person(nlp):
    text = ("India accused Pakistan of the attack. Pakistan's army spokesman, Lieutenant-General Asim Bajwa, "
            "dismissed the Indian claims. The general denied that any soldiers had been killed.")
    found = _at(_find(nlp, text), text, "The general")
    assert [(a.name, a.country, a.sector) for a in found] == [("Asim Bajwa", "PAK", "MIL")]


def test_coref_descriptions_name_after_title_without_entity(nlp):
    text = "Pakistan's army spokesman, Lieutenant-General Asim Bajwa, dismissed the claims."
    found = _at(_find(nlp, text), text, "Lieutenant-General Asim Bajwa")
    assert [(a.name, a.country) for a in found] == [("Asim Bajwa", "PAK")]


def test_coref_descriptions_owner_gives_country(nlp):
    text = ("Tanzania's National Electoral Commission declared the result. "
            "Its chairman, Semistocles Kaijage, said the vote was fair.")
    found = _at(_find(nlp, text), text, "Semistocles Kaijage")
    assert [a.country for a in found] == ["TZA"]


def test_coref_descriptions_same_head_noun_far_back(nlp):
    text = ("Tanzania's National Electoral Commission declared Magufuli the winner. "
            "Lissu said the vote was rigged. He called for protests. Chadema backed him. "
            "Observers were cautious. Voters stayed home. The commission has rejected the allegations.")
    found = _at(_find(nlp, text), text, "The commission")
    assert [(a.country, a.sector) for a in found] == [("TZA", "GOV")]


def test_coref_descriptions_pair_with_demonym(nlp):
    text = "Armenia and Azerbaijan fought a war. The two former Soviet republics agreed to a ceasefire."
    found = _at(_find(nlp, text), text, "The two former Soviet republics")
    assert sorted(a.country for a in found) == ["ARM", "AZE"]


def test_coref_descriptions_national_body_takes_the_country_not_the_person(nlp):
    text = "In Seoul, President Moon Jae-in responded by ordering the military to hold a drill."
    found = _at(_find(nlp, text), text, "the military")
    assert [(a.name, a.country, a.sector) for a in found] == [(None, "KOR", "MIL")]
