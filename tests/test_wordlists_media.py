"""The news media's word lists: defined once, side by side, in data/media_words.yaml."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.actors.words import shipped_actor_words
from dyadline.extract.speech.cues import load_cues
from dyadline.extract.wordlists import MEDIA_FIELDS, check_lists, media_words


def test_wordlists_media_one_definition():
    media = media_words()
    assert shipped_actor_words().outlet_name_words is media.outlet_name_words
    assert load_cues().media_words is media.media_words


def test_wordlists_media_differ_on_purpose():
    media = media_words()
    assert "post" in media.outlet_name_words and "post" in media.media_words
    assert "al" in media.media_words and "al" not in media.outlet_name_words  # "Al-Azhar" is no outlet
    assert "agency" not in media.outlet_name_words


def test_wordlists_media_checked():
    with pytest.raises(ConfigError, match="missing"):
        check_lists("media.yaml", {"media_words": ["news"]}, MEDIA_FIELDS, complete=True)
