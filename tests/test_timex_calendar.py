"""Calendar arithmetic and the time lexicon (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.time import calendar as cal
from dyadline.extract.time.lexicon import load_lexicon, parse_lexicon

D = dt.date


def test_timex_calendar_month_end_leap_years():
    assert cal.month_end(2024, 2) == D(2024, 2, 29)
    assert cal.month_end(2023, 2) == D(2023, 2, 28)
    assert cal.month_end(2000, 2) == D(2000, 2, 29)
    assert cal.month_end(1900, 2) == D(1900, 2, 28)


def test_timex_calendar_add_months_clamps():
    assert cal.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert cal.add_months(D(2024, 3, 31), -13) == D(2023, 2, 28)
    assert cal.add_months(D(2024, 12, 15), 1) == D(2025, 1, 15)


def test_timex_calendar_weeks_are_iso():
    w = cal.week(D(2025, 1, 1))
    assert (w.value, w.start, w.end) == ("2025-W01", D(2024, 12, 30), D(2025, 1, 5))
    assert cal.week(D(2021, 1, 3)).value == "2020-W53"


def test_timex_calendar_seasons_and_quarters():
    assert cal.season(2023, "WI").end == D(2024, 2, 29)
    assert cal.season(2024, "SU").value == "2024-SU"
    q = cal.quarter(2024, 3)
    assert (q.value, q.start, q.end) == ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30))


def test_timex_calendar_weekday_resolution():
    tuesday = D(2025, 6, 24)
    assert cal.nearest_weekday(tuesday, 1, future=False) == tuesday
    assert cal.nearest_weekday(tuesday, 0, future=False) == D(2025, 6, 23)
    assert cal.nearest_weekday(tuesday, 0, future=True) == D(2025, 6, 30)


def test_timex_calendar_holidays():
    assert cal.easter(2024) == D(2024, 3, 31)
    assert cal.easter(2019) == D(2019, 4, 21)
    lex = load_lexicon()
    assert lex.holiday("thanksgiving", 2023) == D(2023, 11, 23)
    assert lex.holiday("black friday", 2010) == D(2010, 11, 26)
    assert lex.holiday("memorial day", 2024) == D(2024, 5, 27)


def test_timex_lexicon_bad_file_names_the_file(tmp_path):
    bad = tmp_path / "timex.yaml"
    bad.write_text("months: [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="timex.yaml"):
        load_lexicon(str(bad))


def test_timex_lexicon_bad_holiday_rule():
    data = {s: {} for s in ("months", "weekdays", "seasons", "units", "numbers", "ordinals")}
    data["holidays"] = {"founders day": {"when": "spring"}}
    with pytest.raises(ConfigError, match="founders day"):
        parse_lexicon(data, "custom.yaml")
