"""The toponym finder's word lists come from data/places_words.yaml and a user's place files."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.places.gazetteer import load_gazetteer
from dyadline.extract.places.sources import shipped_files
from dyadline.extract.places.words import place_words, shipped_place_words


def test_places_words_shipped():
    words = shipped_place_words()
    assert "province" in words.generic_heads and "avenue" in words.facility_heads
    assert "on" in words.name_links and "say" in words.speech_verbs  # "on" stays a word, not YAML true
    assert not any(p.stem.endswith("_words") for p in shipped_files())  # word lists are no gazetteer


def test_places_words_user_file_extends(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("words: {generic_heads: [canton]}\n", encoding="utf-8")
    words = place_words((str(path),))
    assert "canton" in words.generic_heads and "province" in words.generic_heads
    assert "canton" in load_gazetteer([path]).words.generic_heads


def test_places_words_bad_user_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("words: {street_names: [pier]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml"):
        place_words((str(path),))
