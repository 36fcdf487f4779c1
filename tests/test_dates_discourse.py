"""When and where from the article around an event: datelines, dates told before, background."""

from __future__ import annotations


def _times(pipeline, text, published="2018-01-08"):
    return {t.text: t for t in pipeline.extract(text, published=published).times}


def test_dates_discourse_later_counts_from_the_date_just_told(pipeline):
    times = _times(pipeline, "Rebels seized the town on March 3. A month later, government forces attacked the rebels.")
    assert times["A month later"].start == "2017-04-03"


def test_dates_discourse_later_without_a_told_date_counts_from_the_report(pipeline):
    assert _times(pipeline, "Iran rejected the deal two weeks later.")["two weeks later"].start == "2018-01-22"


def test_dates_discourse_upcoming_weekday_is_future(pipeline):
    ev = pipeline.extract("Putin and Erdogan will meet on Wednesday in Sochi.", published="2018-01-08").events[0]
    assert ev.date.start == "2018-01-10" and ev.modality == "future"


def test_dates_discourse_background_is_undated(pipeline):
    text = "Kenya and Somalia had signed a border pact. Gunmen have killed six soldiers in Mogadishu."
    events = pipeline.extract(text, published="2018-01-08").events
    pact = next(e for e in events if e.type == "AGREE")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert pact.date is None and attack.date.start == "2018-01-08"


def test_dates_discourse_reported_past_perfect_is_news(pipeline):
    events = pipeline.extract("China said it had lodged a serious protest with Tokyo.", published="2018-01-08").events
    assert events and all(e.date is not None for e in events)


def test_dates_discourse_dateline_sets_the_home_country(pipeline):
    text = "NAIROBI (Reuters) - Gunmen killed six police officers in an attack on a police post, officials said."
    ev = next(e for e in pipeline.extract(text, published="2018-01-08").events if e.type == "ASSAULT")
    assert ev.source[0].country == "KEN" and ev.location.name == "Nairobi"
    assert all(a.country != "GBR" for a in ev.target)  # the news agency in the dateline is nobody's target
