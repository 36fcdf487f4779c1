"""PlaceResolver: toponyms found in a Doc and geocoded with context."""

from __future__ import annotations

import math

import pytest
from spacy.tokens import Doc, Span

from dyadline.extract.places.resolver import PlaceResolver


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver()


def make_doc(vocab, words: list[str], ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A hand-built Doc with entity spans given as (start token, end token, label)."""
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def km(p, lat: float, lon: float) -> float:
    r = math.radians
    a = math.sin(r(lat - p.lat) / 2) ** 2 + math.cos(r(p.lat)) * math.cos(r(lat)) * math.sin(r(lon - p.lon) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def by_text(places, text):
    found = [p for p in places if p.text == text]
    assert found, f"no place for {text!r} in {[p.text for p in places]}"
    return found[0]


def test_places_mislabelled_entities_overruled(resolver, blank_nlp):
    words = "Drones struck Kyiv as troops fought to reclaim the Kursk region".split()
    doc = make_doc(blank_nlp.vocab, words, [(2, 3, "PERSON"), (9, 10, "PRODUCT")])
    places = resolver.find(doc)
    assert by_text(places, "Kyiv").country == "UKR"
    kursk = [p for p in places if p.text.startswith("Kursk")][0]
    assert kursk.country == "RUS" and km(kursk, 51.73, 36.19) < 161


def test_places_real_model_mislabels(resolver, nlp):
    doc = nlp("Drones struck Kyiv overnight, and Ukrainian forces pushed into the Kursk region.")
    places = resolver.find(doc)
    assert by_text(places, "Kyiv").country == "UKR"
    assert any(p.text.startswith("Kursk") and p.country == "RUS" for p in places)


@pytest.mark.parametrize("text, name, country", [
    ("Georgia's parliament in Tbilisi passed the law.", "Georgia", "GEO"),
    ("Voters in Georgia and Alabama went to the polls, Atlanta officials said.", "Georgia", "USA"),
    ("Clashes broke out in Tripoli, and Lebanon's army deployed.", "Tripoli", "LBN"),
    ("Militias fought near Tripoli. Libya has two rival governments.", "Tripoli", "LBY"),
    ("Macron met the German chancellor in Paris on Monday.", "Paris", "FRA"),
    ("A tornado hit Paris, Texas, on Saturday.", "Paris", "USA"),
])
def test_places_ambiguous_names_use_context(resolver, nlp, text, name, country):
    assert by_text(resolver.find(nlp(text)), name).country == country


def test_places_context_beats_bigger_town_elsewhere(resolver, blank_nlp):
    words = "Lebanon : fighting in Tripoli killed three".split()
    doc = make_doc(blank_nlp.vocab, words, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert by_text(resolver.find(doc), "Tripoli").country == "LBN"


@pytest.mark.parametrize("text, name", [
    ("Chinese ships sailed into the South China Sea.", "South China Sea"),
    ("Shelling was reported along the Line of Control.", "Line of Control"),
    ("Aid trucks entered the Gaza Strip on Sunday.", "Gaza Strip"),
    ("Fighting continued in the Donbas.", "Donbas"),
    ("Tankers crossed the Strait of Hormuz.", "Strait of Hormuz"),
])
def test_places_regions_and_seas_from_data(resolver, nlp, text, name):
    doc = nlp(text)
    place = by_text(resolver.find(doc), name)
    assert place.kind in ("sea", "strait", "disputed", "region")


def test_places_countries_at_centre_not_demonyms(resolver, nlp):
    doc = nlp("Russian troops crossed into Ukraine, the Ukrainian army said.")
    places = resolver.find(doc)
    assert [p.text for p in places] == ["Ukraine"]
    assert places[0].kind == "country" and places[0].country == "UKR"


def test_places_spans_are_character_offsets(resolver, nlp):
    text = "Putin visited Pyongyang, and later North Korea sent troops to the Kursk region."
    for place in resolver.find(nlp(text)):
        assert text[place.span[0]:place.span[1]] == place.text
        assert place.to_dict()["span"] == list(place.span)


def test_places_lookup_single_names(resolver):
    assert resolver.lookup("Pyongyang").country == "PRK"
    assert resolver.lookup("Tripoli").country == "LBY"
    assert resolver.lookup("Tripoli", context_countries={"LBN"}).country == "LBN"
    assert resolver.lookup("Georgia", context_countries={"USA"}).country == "USA"
    assert resolver.lookup("St. Petersburg").country == "RUS"
    assert resolver.lookup("Russian") is None
    assert resolver.lookup("Nowhereville-on-Sea") is None


def test_places_no_places_for_common_words(resolver, nlp):
    doc = nlp("Reading the report, officials said most of it was nice. Police will split the march.")
    assert resolver.find(doc) == []


def test_places_user_file_adds_and_overrides(tmp_path, blank_nlp):
    path = tmp_path / "my_places.yaml"
    path.write_text(
        "places:\n"
        "  - {name: Fooville, kind: city, country: USA, lat: 40.0, lon: -100.0}\n"
        "  - {name: Paris, kind: city, country: USA, lat: 33.66, lon: -95.55, population: 25000}\n",
        encoding="utf-8")
    resolver = PlaceResolver([path])
    doc = make_doc(blank_nlp.vocab, "Floods hit Fooville and Paris".split(), [(2, 3, "GPE"), (4, 5, "GPE")])
    places = resolver.find(doc)
    assert by_text(places, "Fooville").lat == 40.0
    assert by_text(places, "Paris").country == "USA"
    assert PlaceResolver().lookup("Paris").country == "FRA"  # the shipped resolver is untouched
