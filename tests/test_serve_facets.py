"""Serve: facets and events_between work on the per-actor rows (joint ARM;AZE events kept, US is not RUS)."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("datasette")

from dyadline.records import Actor, Article, Event, Evidence, Record  # noqa: E402
from dyadline.serve import make_datasette  # noqa: E402
from dyadline.serve.facets import parse_name  # noqa: E402
from dyadline.store import Store  # noqa: E402

TEXT = ("Armenia and Azerbaijan signed a peace deal. Armenia accused Azerbaijan of shelling. "
        "Russia attacked Ukraine. The United States sent aid to Ukraine.")


def _actor(name: str, country: str, sector: str = "GOV", nth: int = 0) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(name, start + 1)
    return Actor(name, (start, start + len(name)), name, country, sector)


def _event(kind: str, sentence: str, source, target, cameo: str) -> Event:
    start = TEXT.index(sentence)
    return Event(kind, Evidence(sentence, (start, start + len(sentence))), cameo=cameo, source=source, target=target)


def coded() -> tuple[Article, Record]:
    arm, aze = _actor("Armenia", "ARM"), _actor("Azerbaijan", "AZE")
    events = (
        _event("AGREE", "Armenia and Azerbaijan signed a peace deal.", (arm, aze), (arm, aze), "057"),
        _event("ACCUSE", "Armenia accused Azerbaijan of shelling.", (_actor("Armenia", "ARM", nth=1),),
               (_actor("Azerbaijan", "AZE", nth=1),), "112"),
        _event("ASSAULT", "Russia attacked Ukraine.", (_actor("Russia", "RUS", "MIL"),), (_actor("Ukraine", "UKR"),), "190"),
        _event("AID", "The United States sent aid to Ukraine.", (_actor("United States", "USA"),),
               (_actor("Ukraine", "UKR", nth=1),), "070"),
    )
    art = Article("caucasus", TEXT, "2025-08-08", "Caucasus", "https://example.org/c")
    return art, Record(art.id, events)


@pytest.fixture(scope="module")
def get(tmp_path_factory):
    path = tmp_path_factory.mktemp("facets") / "events.db"
    with Store(path) as store:
        store.add(*coded())
    ds = make_datasette(path)
    return lambda url: asyncio.run(ds.client.get(url))


def _facet(page: dict, name: str) -> dict[str, int]:
    return {r["value"]: r["count"] for r in page["facet_results"][name]["results"]}


def test_serve_facets_count_each_actor_of_a_compound(get):
    page = get("/events/events.json?_extra=facet_results").json()
    assert _facet(page, "source_country") == {"ARM": 2, "AZE": 1, "RUS": 1, "USA": 1}
    assert _facet(page, "target_country") == {"UKR": 2, "ARM": 1, "AZE": 2}
    assert _facet(page, "source_sector") == {"GOV": 3, "MIL": 1}


def test_serve_facets_choosing_arm_keeps_the_joint_event(get):
    rows = get("/events/events.json?_source_country=ARM&_shape=array").json()
    assert sorted(r["type"] for r in rows) == ["ACCUSE", "AGREE"]
    assert {r["source_country"] for r in rows} == {"ARM;AZE", "ARM"}
    assert get("/events/event_rows.json?_actor_country=AZE&_shape=array").json()[0]["type"] == "AGREE"
    facet = get("/events/events.json?_extra=facet_results").json()["facet_results"]["source_country"]
    arm = next(r for r in facet["results"] if r["value"] == "ARM")
    assert "_source_country=ARM" in arm["toggle_url"]


def test_serve_facets_codes_match_exactly(get):
    assert get("/events/events.json?_source_country=US&_shape=array").json() == []
    rows = get("/events/events.json?_source_country=USA&_shape=array").json()
    assert [r["type"] for r in rows] == ["AID"]


def test_serve_events_between_uses_actor_rows(get):
    def between(a: str, b: str) -> list[str]:
        return sorted(r["source"] for r in get(f"/events/events_between.json?a={a}&b={b}&_shape=array").json())

    assert between("ARM", "AZE") == ["ARM GOV Armenia", "ARM GOV Armenia; AZE GOV Azerbaijan"]
    assert between("aze", "arm") == between("ARM", "AZE")
    assert between("US", "UKR") == []  # US is not RUS (nor USA)
    assert between("USA", "UKR") == ["USA GOV United States"]
    assert between("RUS", "UKR") == ["RUS MIL Russia"]


def test_serve_facets_names():
    assert parse_name("source_country") == ("source", "country")
    assert parse_name("actor_sector") == ("actor", "sector")
    assert parse_name("source_name") is None and parse_name("type") is None
