"""find_times: each family of expression, anchored to several publication dates."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadline.extract.time.times import find_times, report_time


def times_of(nlp, text: str, published: str | None) -> list[tuple[str, str, str | None, str | None]]:
    """(text, value, start, end) of every time found in ``text``."""
    pub = dt.date.fromisoformat(published) if published else None
    return [(t.text, t.value, t.start, t.end) for t in find_times(nlp(text), pub)]


def only(nlp, text: str, published: str | None) -> tuple[str, str, str | None, str | None]:
    found = times_of(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, published, value, start, end", [
    ("Korea was liberated on August 15, 1945.", "2025-08-15", "1945-08-15", "1945-08-15", "1945-08-15"),
    ("The talks ended on 15 Aug 2019.", "2025-08-15", "2019-08-15", "2019-08-15", "2019-08-15"),
    ("The fighting resumed in March 2023.", "2025-08-15", "2023-03", "2023-03-01", "2023-03-31"),
    ("The deal was signed in 2024.", "2025-08-15", "2024", "2024-01-01", "2024-12-31"),
    ("The law was passed in February 2024.", "2025-01-02", "2024-02", "2024-02-01", "2024-02-29"),
    ("The report was filed on 2024-02-29.", "2025-01-02", "2024-02-29", "2024-02-29", "2024-02-29"),
])
def test_dates_absolute(nlp, text, published, value, start, end):
    assert only(nlp, text, published)[1:] == (value, start, end)


@pytest.mark.parametrize("text, published, value, start, end", [
    ("Protests spread last month.", "2025-08-15", "2025-07", "2025-07-01", "2025-07-31"),
    ("Protests spread last month.", "2025-01-10", "2024-12", "2024-12-01", "2024-12-31"),
    ("Protests spread last month.", "2024-03-05", "2024-02", "2024-02-01", "2024-02-29"),
    ("The pact was signed last year.", "2025-01-01", "2024", "2024-01-01", "2024-12-31"),
    ("Elections will be held next month.", "2024-12-20", "2025-01", "2025-01-01", "2025-01-31"),
    ("The offensive began last summer.", "2025-08-15", "2024-SU", "2024-06-01", "2024-08-31"),
    ("The offensive began last summer.", "2025-10-01", "2025-SU", "2025-06-01", "2025-08-31"),
    ("The town fell last winter.", "2025-01-10", "2023-WI", "2023-12-01", "2024-02-29"),
    ("The minister resigned earlier this week.", "2017-09-15", "2017-W37", "2017-09-11", "2017-09-15"),
    ("Officials met this week.", "2025-01-01", "2025-W01", "2024-12-30", "2025-01-05"),
    ("The ship was seized two days ago.", "2024-03-01", "2024-02-28", "2024-02-28", "2024-02-28"),
    ("The envoy arrived yesterday.", "2025-01-01", "2024-12-31", "2024-12-31", "2024-12-31"),
    ("The summit opens today.", "2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("Sales fell in the third quarter of 2023.", "2025-01-01", "2023-Q3", "2023-07-01", "2023-09-30"),
    ("Output grew last quarter.", "2025-01-15", "2024-Q4", "2024-10-01", "2024-12-31"),
    ("The party dominated the 1990s.", "2025-01-15", "199", "1990-01-01", "1999-12-31"),
    ("The rebels regrouped in early July.", "2016-10-21", "2016-07", "2016-07-01", "2016-07-10"),
])
def test_dates_relative(nlp, text, published, value, start, end):
    assert only(nlp, text, published)[1:] == (value, start, end)


@pytest.mark.parametrize("text, published, day", [
    ("Troops crossed the border on Tuesday.", "2025-06-24", "2025-06-24"),   # a Tuesday: today
    ("Troops crossed the border on Tuesday.", "2025-06-26", "2025-06-24"),
    ("Troops crossed the border on Friday.", "2025-01-01", "2024-12-27"),   # across a year end
    ("Talks will resume on Monday.", "2025-06-25", "2025-06-30"),
    ("Talks resumed on Sunday.", "2024-03-01", "2024-02-25"),
])
def test_dates_weekday_by_tense(nlp, text, published, day):
    assert only(nlp, text, published)[1:] == (day, day, day)


@pytest.mark.parametrize("text, published, start, end", [
    ("It was held in March.", "2025-08-15", "2025-03-01", "2025-03-31"),
    ("It was held in November.", "2025-08-15", "2024-11-01", "2024-11-30"),
    ("It will be held in March.", "2025-08-15", "2026-03-01", "2026-03-31"),
    ("The vote was held on Sept. 24.", "2018-09-30", "2018-09-24", "2018-09-24"),
    ("The duties take effect on Sept. 24.", "2018-09-18", "2018-09-24", "2018-09-24"),
])
def test_dates_yearless_by_tense(nlp, text, published, start, end):
    assert only(nlp, text, published)[2:] == (start, end)


def test_dates_month_takes_year_from_sentence_anchor(nlp):
    found = times_of(nlp, "The war last autumn killed thousands and was halted in November by a truce.", "2021-11-17")
    assert found[-1] == ("November", "2020-11", "2020-11-01", "2020-11-30")


def test_dates_may_modal_is_not_a_month(nlp):
    assert times_of(nlp, "North Korea may send more troops.", "2025-08-15") == []
    assert only(nlp, "The vote may be held in May.", "2025-01-10")[0] == "May"


def test_dates_march_verb_is_not_a_month(nlp):
    assert times_of(nlp, "Thousands march on the capital.", "2025-08-15") == []
    assert only(nlp, "Thousands will march in March 2026.", "2025-08-15")[1] == "2026-03"


def test_dates_counts_are_not_years(nlp):
    assert times_of(nlp, "The army sent 1500 troops to the border.", "2025-08-15") == []


def test_dates_ranges_are_inclusive(nlp):
    assert only(nlp, "Fighting lasted from March to May 2015.", "2019-01-01")[2:] == ("2015-03-01", "2015-05-31")
    assert only(nlp, "He served between 2014 and 2018.", "2019-01-01")[2:] == ("2014-01-01", "2018-12-31")
    assert only(nlp, "Rain is expected over the next 3 days.", "2024-12-30")[2:] == ("2024-12-31", "2025-01-02")


def test_dates_longest_match_wins_and_order_is_textual(nlp):
    found = times_of(nlp, "On Tuesday, officials recalled the attack of August 15, 1945 and last year's talks.",
                     "2025-08-15")
    assert [t[0] for t in found] == ["Tuesday", "August 15, 1945", "last year"]


def test_dates_unanchored_relative_keep_value_only(nlp):
    assert only(nlp, "Protests spread last month.", None) == ("last month", "PAST_REF", None, None)
    assert only(nlp, "Talks resume next week.", None) == ("next week", "FUTURE_REF", None, None)
    assert only(nlp, "They met on 15 August.", None) == ("15 August", "XXXX-08-15", None, None)
    assert only(nlp, "Korea was liberated on August 15, 1945.", None)[1:] == ("1945-08-15", "1945-08-15", "1945-08-15")


def test_dates_spans_point_into_text(nlp):
    text = "The envoy arrived yesterday, two days after the talks of 3 March 2024."
    for t in find_times(nlp(text), dt.date(2024, 3, 6)):
        assert text[t.span[0]:t.span[1]] == t.text


def test_dates_report_time_is_present_ref():
    t = report_time(dt.date(2025, 8, 15))
    assert (t.value, t.start, t.end, t.span) == ("PRESENT_REF", "2025-08-15", "2025-08-15", None)
    assert report_time(None) is None


def test_dates_recently_is_past_ref(nlp):
    text, value, start, end = only(nlp, "The two leaders spoke recently.", "2025-08-15")
    assert value == "PAST_REF" and start < end == "2025-08-15"
