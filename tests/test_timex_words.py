"""The time finder's word lists come from data/time_words.yaml, checked, with order kept where it counts."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.time.words import parse_time_words, time_words


def test_timex_words_shipped():
    words = time_words()
    assert "plan" in words.future_heads and "may" in words.trap_words and "years" in words.time_nouns
    assert words.present_words[:2] == ("now", "right now")  # ordered as written
    assert words.day_words["yesterday"] == -1 and words.day_words["the day after tomorrow"] == 2
    assert words.vague_words["soon"] == ("future", 90) and words.tens[0] == "twenty"


def test_timex_words_bad_file():
    good = {"future_heads": [], "trap_words": [], "time_nouns": [], "last_words": [], "next_words": [],
            "present_words": ["now"], "tens": ["twenty"], "ordinal_tails": ["first"], "day_words": {"today": 0},
            "decade_words": {"nineties": 9}, "vague_words": {"soon": ["future", 90]}}
    assert parse_time_words("t.yaml", good).day_words == {"today": 0}
    with pytest.raises(ConfigError, match="t.yaml"):
        parse_time_words("t.yaml", {**good, "day_words": {"today": "zero"}})
    with pytest.raises(ConfigError, match="past|future"):
        parse_time_words("t.yaml", {**good, "vague_words": {"soon": ["later", 90]}})
    with pytest.raises(ConfigError, match="missing"):
        parse_time_words("t.yaml", {k: v for k, v in good.items() if k != "trap_words"})
