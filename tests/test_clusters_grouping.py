"""One event, many articles: mentions grouped by type, dyad, date, place and evidence; stored and listed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dyadline.records import Actor, Article, Event, Evidence, Place, Record, Time
from dyadline.store import Store
from dyadline.store.clusters import (
    cluster_events,
    cluster_mentions,
    clusters,
    event_contexts,
    is_stale,
    pairwise_scores,
    refresh_clusters,
)


def _row(id, type="ASSAULT", src="RUS", tgt="UKR", start="2025-03-03", loc=None, gid=None, ev="missiles hit Kharkiv",
         doc=None, url=None, published="2025-03-04", modality="asserted"):
    return {"id": id, "document_id": doc or id, "position": 0, "type": type, "quad_class": None,
            "source_country": src, "target_country": tgt, "date_start": start, "date_end": start,
            "location": loc, "location_country": "UKR" if loc else None, "geonameid": gid, "evidence": ev,
            "url": url, "published": published, "modality": modality}


def _groups(found) -> set[frozenset]:
    return {frozenset(c.event_ids) for c in found}


def test_clusters_same_event_across_articles():
    rows = [_row("a", loc="Kharkiv", gid=1, url="https://one.example/x"),
            _row("b", loc="Kharkiv", gid=1, url="https://www.two.example/y", ev="Russia fired missiles at Kharkiv"),
            _row("c", loc="Kharkiv", gid=1, url="https://one.example/z", ev="missiles hit Kharkiv"),
            _row("d", start="2025-03-12", loc="Odesa", gid=2, ev="missiles hit Odesa"),   # a week later
            _row("e", loc="Sumy", gid=3, ev="missiles hit Sumy"),                          # another city
            _row("f", type="AID", ev="missiles hit Kharkiv"),                              # another type
            _row("g", src="BLR", ev="missiles hit Kharkiv"),                               # another dyad
            _row("h", loc="Kharkiv", gid=1, modality="negated")]                           # did not happen
    found = cluster_events(rows)
    assert _groups(found) == {frozenset("abc"), *(frozenset(x) for x in "defgh")}
    big = next(c for c in found if c.mentions == 3)
    assert (big.articles, big.sources) == (3, 2)


def test_clusters_joint_acts_match_swapped_sides_and_dates_overlap():
    rows = [_row("a", type="AGREE", src="KEN", tgt="TZA", ev="signed a trade agreement"),
            _row("b", type="AGREE", src="TZA", tgt="KEN", start="2025-03-04", ev="signed an agreement on trade"),
            _row("c", type="ASSAULT", src="TZA", tgt="KEN", ev="signed a trade agreement")]
    assert _groups(cluster_events(rows)) == {frozenset("ab"), frozenset("c")}


def test_clusters_pairwise_scores():
    s = pairwise_scores({"a": "1", "b": "1", "c": "1", "d": "2"}, {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert (s.predicted_pairs, s.gold_pairs) == (3, 2)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)


def _pair(n: int, text: str, url: str) -> tuple[Article, Record]:
    at = text.index("Kharkiv")
    ev = Event(type="ASSAULT", source=(Actor(text="Russia", span=(0, 6), country="RUS"),),
               target=(Actor(text="Kharkiv", span=(at, at + 7), country="UKR"),),
               date=Time(text="on Monday", span=(at + 8, at + 17), value="2025-03-03", start="2025-03-03", end="2025-03-03"),
               location=Place(text="Kharkiv", span=(at, at + 7), name="Kharkiv", country="UKR", lat=49.98, lon=36.25,
                              geonameid=706483),
               evidence=Evidence(text=text[:23], span=(0, 23)))
    return Article(id=f"a{n}", text=text, published="2025-03-04", url=url), Record(id=f"a{n}", events=(ev,))


def test_clusters_store_tables_and_mentions():
    store = Store(":memory:")
    store.add_many([_pair(1, "Russia shelled Kharkiv on Monday.", "https://one.example/1"),
                    _pair(2, "Russia struck Kharkiv on Monday, killing four.", "https://two.example/2")])
    assert is_stale(store)
    assert refresh_clusters(store) == 1 and not is_stale(store)
    (row,) = clusters(store)
    assert (row["mentions"], row["articles"], row["sources"], row["type"]) == (2, 2, 2, "ASSAULT")
    event_id = store.events()[0]["id"]
    assert [m["id"] for m in cluster_mentions(store, event_id)] == [e["id"] for e in store.events()]
    assert refresh_clusters(store) == 1  # again: the same, nothing doubled
    first = store.events()[0]
    text = store.db.execute("SELECT text FROM documents WHERE id = ?", [first["document_id"]]).fetchone()[0]
    s, e = first["evidence_start"], first["evidence_end"]
    assert event_contexts(store, width=5)[first["id"]] == text[max(0, s - 5):e + 5]
    assert store.db["event_cluster_members"].count == 2


def test_clusters_cli_lists_one_row_per_event(tmp_path):
    from click.testing import CliRunner

    from dyadline.cli import cli

    db = str(tmp_path / "s.db")
    with Store(db) as store:
        store.add_many([_pair(1, "Russia shelled Kharkiv on Monday.", "https://one.example/1"),
                        _pair(2, "Russia struck Kharkiv on Monday, killing four.", "https://two.example/2")])
    result = CliRunner().invoke(cli, ["events", "--clusters", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert '"mentions": 2' in line and '"sources": 2' in line and '"articles": 2' in line


def test_clusters_story_set_scores(pipeline):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        from clusters import evaluate, load_stories
    finally:
        sys.path.pop(0)
    scores, _, gold = evaluate(pipeline, load_stories())
    assert len(gold) >= 15
    assert scores.precision >= 0.9 and scores.recall >= 0.75
