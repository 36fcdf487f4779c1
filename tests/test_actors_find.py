"""ActorResolver.find: every actor mention of a parsed document, with its extent and codes."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadline.extract.actors import ActorResolver

TEXT = ("Russian President Vladimir Putin has commended North Korean troops fighting alongside Russian forces "
        "in Ukraine, describing their efforts as heroic in a letter addressed to Kim Jong-un. "
        "Concerns were raised by South Korean intelligence, which said the Korean Central News Agency "
        "had reported a visit by a Russian delegation to Pyongyang. Ukraine's counter-offensive stalled.")


@pytest.fixture(scope="module")
def found(nlp):
    doc = nlp(TEXT)
    return doc, ActorResolver().find(doc, dt.date(2025, 8, 15))


def _by_text(found):
    return {a.text: a for a in found[1]}


def test_actors_find_spans_point_into_the_text(found):
    doc, actors = found
    assert actors and all(doc.text[a.span[0]:a.span[1]] == a.text for a in actors)
    assert [a.span for a in actors] == sorted(a.span for a in actors)


@pytest.mark.parametrize("text, name, country, sector", [
    ("Russian President Vladimir Putin", "Vladimir Putin", "RUS", "GOV"),
    ("North Korean troops", None, "PRK", "MIL"),
    ("Russian forces", None, "RUS", "MIL"),
    ("Kim Jong-un", "Kim Jong-un", "PRK", "GOV"),
    ("South Korean intelligence", None, "KOR", "SPY"),
    ("the Korean Central News Agency", "Korean Central News Agency", "PRK", "JRN"),
    ("a Russian delegation", None, "RUS", "GOV"),
    ("Pyongyang", None, "PRK", "GOV"),
])
def test_actors_find_whole_noun_phrase_mentions(found, text, name, country, sector):
    a = _by_text(found)[text]
    assert (a.name, a.country, a.sector) == (name, country, sector)


def test_actors_find_possessor_is_the_mention(found):
    texts = [a.text for a in found[1]]
    assert "Ukraine" in texts and not any("counter-offensive" in t for t in texts)


def test_actors_find_overrules_model_labels(nlp):
    doc = nlp("Kyiv said Moscow had attacked the Kursk region.")
    actors = ActorResolver().find(doc, dt.date(2025, 1, 1))
    codes = {a.text: (a.country, a.sector) for a in actors}
    assert codes["Kyiv"] == ("UKR", "GOV") and codes["Moscow"] == ("RUS", "GOV")


def test_actors_find_skips_datelines(nlp):
    doc = nlp("BEIJING, Aug 24 - China suspended imports from Japan.")
    texts = [a.text for a in ActorResolver().find(doc, None)]
    assert "BEIJING" not in texts and texts[:2] == ["China", "Japan"]


def test_actors_find_without_parser(blank_nlp):
    doc = blank_nlp("Hamas and Israel agreed.")
    actors = ActorResolver().find(doc, None)
    assert [(a.text, a.country) for a in actors] == [("Hamas", "PSE"), ("Israel", "ISR")]


def test_actors_find_acronym_that_is_also_a_place_abbreviation(nlp):
    doc = nlp("The FLA will not release the kidnap victims.")
    assert "FLA" in [a.text for a in ActorResolver().find(doc, None)]


def test_actors_find_speaker_whose_name_is_also_a_town(nlp):
    # "Clinton" is a town in the gazetteer; as the one who said something it is a person
    doc = nlp("Clinton has said he will not lift the embargo.")
    assert "Clinton" in [a.text for a in ActorResolver().find(doc, None)]


@pytest.mark.parametrize("text, country", [
    ("USAID delivered tents.", "USA"), ("Hezb-e-Islami fighters attacked the post.", "AFG"),
    ("The Moro Islamic Liberation Front signed the accord.", "PHL"), ("UNDOF withdrew its observers.", "IGO"),
])
def test_actors_find_agencies_missions_and_armed_groups(nlp, text, country):
    assert country in {a.country for a in ActorResolver().find(nlp(text), None)}
