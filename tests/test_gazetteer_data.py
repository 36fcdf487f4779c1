"""The gazetteer: shipped data files, user files, name keys and the GeoWebNews/seed gold."""

from __future__ import annotations

import json
import math
import re

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.places.entries import place_key
from dyadline.extract.places.gazetteer import load_gazetteer
from dyadline.extract.places.sources import file_entries, shipped_files


def test_gazetteer_shipped_files_are_valid():
    files = shipped_files()
    assert {f.name for f in files} >= {"places.yaml", "places_admin.yaml"}
    for path in files:
        entries = file_entries(path, source="data")
        assert entries, path
        for e in entries:
            assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
            assert e.country is None or len(e.country) == 3


def test_gazetteer_knows_cities_countries_regions_and_seas():
    gaz = load_gazetteer()
    for name in ("Pyongyang", "Kyiv", "Ukraine", "U.S.", "Kursk region", "Donbas", "South China Sea",
                 "Line of Control", "Gaza Strip", "Texas", "Ontario", "Europe"):
        assert gaz.candidates(name), name
    assert not gaz.candidates("Russian")  # demonyms are not places
    kyiv = [h for h in gaz.candidates("Kiev") if h.entry.country == "UKR"]
    assert kyiv and kyiv[0].entry.name == "Kyiv"  # alternate names are indexed


def test_gazetteer_place_key_normalises_spelling():
    assert place_key("St. Petersburg") == place_key("Saint Petersburg")
    assert place_key("the Gaza Strip") == place_key("Gaza Strip")
    assert place_key("São Paulo") == place_key("Sao Paulo")
    assert place_key("Jammu & Kashmir") == place_key("Jammu and Kashmir")


@pytest.mark.parametrize("content, reason", [
    ("places: {name: Nowhere}\n", "expected a list"),
    ("places:\n  - {name: Nowhere, lat: 10.0}\n", "'lon' must be a number"),
    ("places:\n  - {name: Nowhere, lat: 95.0, lon: 1.0}\n", "'lat' must be a number"),
    ("places:\n  - {name: Nowhere, lat: 1.0, lon: 1.0, kind: planet}\n", "'kind' must be one of"),
    ("places:\n  - {name: Nowhere, lat: 1.0, lon: 1.0, country: France}\n", "'country' must be ISO3"),
    ("places:\n  - {name: Nowhere, lat: 1.0, lon: 1.0, colour: red}\n", "unknown field"),
    ("places:\n  - {lat: 1.0, lon: 1.0}\n", "'name' must be a non-empty string"),
    ("places: [unclosed\n", "Cannot read"),
])
def test_gazetteer_bad_user_file_names_the_file(tmp_path, content, reason):
    path = tmp_path / "bad_places.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_gazetteer([path])
    assert "bad_places.yaml" in str(info.value) and reason in str(info.value)


def test_gazetteer_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="missing.yaml"):
        load_gazetteer([tmp_path / "missing.yaml"])


def _km(lat1, lon1, lat2, lon2):
    r = math.radians
    a = math.sin(r(lat2 - lat1) / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_gazetteer_seed_places_accuracy(shared_dir, nlp):
    from dyadline.extract.places.resolver import PlaceResolver

    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "seed" / gold["text_file"]).read_text(encoding="utf-8")
    places = PlaceResolver().find(nlp(text))
    ok = 0
    for g in gold["places"]:
        start = re.search(rf"\b{re.escape(g['text'])}\b", text).start()
        hit = [p for p in places if p.span[0] < start + len(g["text"]) and start < p.span[1]]
        limit = 1500 if g.get("kind") == "country" else 161
        ok += any(p.country == g["country"] and _km(p.lat, p.lon, g["lat"], g["lon"]) <= limit for p in hit)
    assert ok / len(gold["places"]) >= 0.8
