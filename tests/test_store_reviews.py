"""Reviews: stored beside the machine coding, checked, the latest one counts, --reviewed applies them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyadline.cli import cli
from dyadline.errors import InputError
from dyadline.records import Actor, Article, Event, Evidence, Explanation, Record
from dyadline.store import Store
from dyadline.store.reviews import Review

TEXT = "Russia attacked Ukraine. France sent aid to Ukraine. Poland met Hungary."


def _pair() -> tuple[Article, Record]:
    def actor(name: str, code: str) -> Actor:
        i = TEXT.index(name)
        return Actor(name, (i, i + len(name)), name, code, "GOV")

    how = Explanation("verb trigger 'attack' -> ASSAULT", "attacked", (("source", "subject 'Russia'"),))
    events = (Event("ASSAULT", Evidence(TEXT[:24], (0, 24)), cameo="190", source=(actor("Russia", "RUS"),),
                    target=(actor("Ukraine", "UKR"),), explanation=how),
              Event("AID", Evidence(TEXT[25:52], (25, 52)), source=(actor("France", "FRA"),),
                    target=(actor("Ukraine", "UKR"),)),
              Event("CONSULT", Evidence(TEXT[53:], (53, len(TEXT))), source=(actor("Poland", "POL"),),
                    target=(actor("Hungary", "HUN"),)))
    return Article("d1", TEXT, "2025-03-05", "T"), Record("d1", events)


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "r.db") as s:
        s.add(*_pair())
        yield s


def _ids(store) -> list[str]:
    return [r["id"] for r in store.events()]


def test_store_reviews_explanation_stored_at_ingest(store):
    rows = list(store.db.query("select * from explanations"))
    assert len(rows) == 1 and rows[0]["event_id"] == _ids(store)[0]
    assert rows[0]["rule"].startswith("verb trigger") and rows[0]["trigger"] == "attacked"
    assert "rule: verb trigger 'attack' -> ASSAULT" in rows[0]["text"] and "source: subject 'Russia'" in rows[0]["text"]
    assert json.loads(rows[0]["arguments"]) == [["source", "subject 'Russia'"]]


def test_store_reviews_latest_counts_and_corrections_apply(store):
    assault, aid, consult = _ids(store)
    store.add_review(Review(assault, "wrong", "ana"))
    store.add_review(Review(assault, "right", "ana"))          # the latest review counts
    store.add_review(Review(aid, "corrected", "bo", corrected_type="support", corrected_source="fra mil"))
    store.add_review(Review(consult, "wrong", "bo"))
    kept = {r["id"]: r for r in store.events(reviewed=True)}
    assert set(kept) == {assault, aid}
    assert kept[aid]["type"] == "SUPPORT" and kept[aid]["source_country"] == "FRA" and kept[aid]["source_sector"] == "MIL"
    assert kept[aid]["cameo"] is None
    machine = {r["id"]: r for r in store.events()}
    assert machine[aid]["type"] == "AID" and machine[aid]["source_country"] == "FRA" and len(machine) == 3
    assert store.db.execute("select count(*) from reviews").fetchone()[0] == 4


@pytest.mark.parametrize("review, message", [
    (Review("x", "maybe", "ana"), "verdict must be one of"),
    (Review("x", "right", " "), "needs a reviewer"),
    (Review("x", "corrected", "ana"), "needs a corrected type"),
    (Review("x", "right", "ana", corrected_type="AID"), "carries no corrections"),
    (Review("x", "corrected", "ana", corrected_type="HUG"), "unknown PLOVER type"),
    (Review("x", "corrected", "ana", corrected_target="Russia!"), "code like RUS"),
])
def test_store_reviews_bad_reviews_are_refused(store, review, message):
    with pytest.raises(InputError, match=message):
        store.add_review(review)


def test_store_reviews_unknown_event(store):
    with pytest.raises(InputError, match="No event 'nope'"):
        store.add_review(Review("nope", "right", "ana"))


def test_store_reviews_cli_events_and_export_reviewed(store, tmp_path):
    assault, aid, _ = _ids(store)
    store.add_review(Review(aid, "corrected", "bo", corrected_target="POL"))
    runner = CliRunner()
    table = runner.invoke(cli, ["events", "--db", store.path]).output
    assert assault in table and "document_id" in table.splitlines()[0] and table.splitlines()[0].startswith("id")
    out = runner.invoke(cli, ["events", "--db", store.path, "--reviewed", "--format", "jsonl"]).output
    rows = [json.loads(x) for x in out.splitlines()]
    assert [(r["id"], r["target_country"]) for r in rows] == [(aid, "POL")]
    path = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["export", "--db", store.path, "--format", "jsonl", "--output", str(path), "--reviewed"])
    assert result.exit_code == 0 and [json.loads(x)["id"] for x in path.read_text().splitlines()] == [aid]


def test_store_reviews_export_reviewed_standard_formats(store, tmp_path):
    from dyadline.export import GDELT_FIELDS

    assault, aid, _ = _ids(store)
    store.add_review(Review(assault, "right", "ana"))
    store.add_review(Review(aid, "corrected", "bo", corrected_type="support", corrected_target="POL GOV"))
    runner = CliRunner()
    gdelt = tmp_path / "out.tsv"
    result = runner.invoke(cli, ["export", "--db", store.path, "--format", "gdelt", "--output", str(gdelt), "--reviewed"])
    assert result.exit_code == 0, result.output
    rows = [dict(zip(GDELT_FIELDS, line.split("\t"), strict=True)) for line in gdelt.read_text().splitlines()]
    assert sorted((r["Actor1CountryCode"], r["Actor2Code"]) for r in rows) == [("FRA", "POLGOV"), ("RUS", "UKRGOV")]
    plover = tmp_path / "out.plover.jsonl"
    runner.invoke(cli, ["export", "--db", store.path, "--format", "plover", "--output", str(plover), "--reviewed"])
    events = [json.loads(x) for x in plover.read_text().splitlines()]
    assert sorted(e["event"][0] for e in events) == ["ASSAULT", "SUPPORT"]


def test_store_reviews_min_confidence_filters_events_and_exports(tmp_path):
    from dataclasses import replace

    article, record = _pair()
    confident = tuple(replace(e, confidence=c) for e, c in zip(record.events, (0.9, 0.3, 0.85), strict=True))
    with Store(tmp_path / "c.db") as s:
        s.add(article, replace(record, events=confident))
        assert [r["type"] for r in s.events(min_confidence=0.8)] == ["ASSAULT", "CONSULT"]
        path = s.path
    runner = CliRunner()
    out = runner.invoke(cli, ["events", "--db", path, "--min-confidence", "0.8", "--format", "jsonl"]).output
    assert [json.loads(x)["type"] for x in out.splitlines()] == ["ASSAULT", "CONSULT"]
    plover = tmp_path / "c.plover.jsonl"
    result = runner.invoke(cli, ["export", "--db", path, "--format", "plover", "--output", str(plover), "--min-confidence", "0.8"])
    assert result.exit_code == 0 and len(plover.read_text().splitlines()) == 2
