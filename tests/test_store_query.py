"""Store reads: event and quote filters, the summary, and the flat row shape."""

from __future__ import annotations

import pytest

from dyadline.errors import InputError
from dyadline.records import Actor, Article, Event, Evidence, Quote, Record, Time
from dyadline.store import EVENT_ROW_FIELDS, Store, flat_event_rows

PEOPLE = {"RUS": ("Vladimir Putin", "GOV"), "UKR": ("Volodymyr Zelensky", "GOV"), "USA": ("Donald Trump", "GOV"),
          "CHN": ("Xi Jinping", "GOV"), "PRK": ("Kim Jong-un", "GOV")}


def _actor(text: str, country: str) -> Actor:
    name, sector = PEOPLE[country]
    start = text.index(name)
    return Actor(name, (start, start + len(name)), name, country, sector)


def coded(i: int, src: str, tgt: str, etype: str, day: str | None, published: str = "2025-06-01",
          *, also: str | None = None) -> tuple[Article, Record]:
    """One article with one event src -> tgt (plus ``also`` as a second source) and one quote by src."""
    names = [PEOPLE[src][0]] + ([PEOPLE[also][0]] if also else [])
    text = f"{' and '.join(names)} met {PEOPLE[tgt][0]}. “We agree,” said {PEOPLE[src][0]}. Item {i}."
    sources = (_actor(text, src),) + ((_actor(text, also),) if also else ())
    date = Time(None, None, day, day, day) if day else None
    ev_end = text.index(".")
    event = Event(etype, Evidence(text[:ev_end], (0, ev_end)), source=sources, target=(_actor(text, tgt),), date=date)
    q = text.index("“")
    quote = Quote(text[q:q + 11], (q, q + 11), speaker=sources[0], cue="said")
    art = Article(f"a{i}", text, published, f"Item {i}")
    return art, Record(art.id, (event,), (quote,))


@pytest.fixture
def store():
    s = Store(":memory:")
    s.add_many([
        coded(1, "RUS", "UKR", "ASSAULT", "2025-01-10"),
        coded(2, "RUS", "PRK", "AGREE", "2025-02-20"),
        coded(3, "USA", "CHN", "SANCTION", "2025-03-05"),
        coded(4, "RUS", "UKR", "ASSAULT", None, published="2025-04-02"),
        coded(5, "USA", "UKR", "AID", "2025-05-01", also="CHN"),
    ])
    yield s
    s.close()


def ids(rows: list[dict]) -> list[str]:
    return [r["title"] for r in rows]


def test_store_events_rows_have_flat_fields(store):
    rows = store.events()
    assert ids(rows) == ["Item 1", "Item 2", "Item 3", "Item 4", "Item 5"]
    assert tuple(rows[0]) == EVENT_ROW_FIELDS
    assert rows[0]["source"] == "RUS GOV Vladimir Putin"
    assert rows[4]["source_country"] == "USA;CHN"


def test_store_events_filter_by_actor_code_and_name(store):
    assert ids(store.events(actor="UKR")) == ["Item 1", "Item 4", "Item 5"]
    assert ids(store.events(actor="CHN")) == ["Item 3", "Item 5"]  # compound source counts
    assert ids(store.events(actor="USAGOV")) == ["Item 3", "Item 5"]
    assert ids(store.events(actor="kim jong")) == ["Item 2"]
    assert store.events(actor="Nobody") == []


def test_store_events_filter_by_type_and_dates(store):
    assert ids(store.events(type="assault")) == ["Item 1", "Item 4"]
    assert ids(store.events(since="2025-03-01")) == ["Item 3", "Item 4", "Item 5"]
    assert ids(store.events(until="2025-02")) == ["Item 1", "Item 2"]
    assert ids(store.events(since="2025-04", until="2025-04")) == ["Item 4"]  # dated by publication
    assert ids(store.events(actor="RUS", type="ASSAULT", since="2025-02-01")) == ["Item 4"]
    assert len(store.events(limit=2)) == 2


def test_store_events_bad_date_is_clear(store):
    with pytest.raises(InputError, match="since must be a date"):
        store.events(since="last week")
    with pytest.raises(InputError, match="until must be a date"):
        store.events(until="2025-02-30")


def test_store_events_match_flat_rows_from_records():
    pair = coded(9, "USA", "UKR", "AID", "2025-05-01", also="CHN")
    with Store(":memory:") as s:
        s.add(*pair)
        assert s.events() == flat_event_rows(*pair)


def test_store_quotes_filter_by_speaker_and_since(store):
    assert len(store.quotes()) == 5
    assert [q["title"] for q in store.quotes(speaker="putin")] == ["Item 4", "Item 1", "Item 2"]  # by date
    assert [q["title"] for q in store.quotes(speaker="USA")] == ["Item 3", "Item 5"]
    assert store.quotes(speaker="Putin", since="2025-07-01") == []
    assert store.quotes()[0]["text"] == "“We agree,”"


def test_store_summary_counts_types_and_dyads(store):
    s = store.summary()
    assert (s.documents, s.events, s.quotes) == (5, 5, 5)
    assert s.events_by_type == {"ASSAULT": 2, "AGREE": 1, "AID": 1, "SANCTION": 1}
    assert s.top_dyads[0] == ("RUS", "UKR", 2)
    assert s.top_dyads[0].count == 2
    assert {(d.source_country, d.target_country) for d in s.top_dyads} == {
        ("RUS", "UKR"), ("RUS", "PRK"), ("USA", "CHN"), ("USA", "UKR"), ("CHN", "UKR")}


def test_store_summary_of_empty_store():
    with Store(":memory:") as s:
        summary = s.summary()
    assert (summary.documents, summary.events, summary.events_by_type, summary.top_dyads) == (0, 0, {}, [])
