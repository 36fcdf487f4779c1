"""NumMentions, NumSources and NumArticles: 1 each, or from the store's event clusters when it has them."""

from __future__ import annotations

import csv
import io

from dyadline import export
from dyadline.export.counts import Counts, Member, counts_from_members
from dyadline.records import Actor, Article, Event, Evidence, Record
from dyadline.store import Store


def _coded(i: int, url: str) -> tuple[Article, Record]:
    text = f"Russia attacked Ukraine. Report {i}."
    ev = Event("ASSAULT", Evidence(text[:24], (0, 24)), cameo="190",
               source=(Actor("Russia", (0, 6), "Russia", "RUS"),), target=(Actor("Ukraine", (16, 23), "Ukraine", "UKR"),))
    return Article(f"a{i}", text, "2025-02-01", url=url), Record(f"a{i}", (ev,))


def _counts(store) -> list[tuple[str, str, str]]:
    out = io.StringIO()
    export.export_gdelt(store, out)
    rows = [dict(zip(export.GDELT_FIELDS, r, strict=True)) for r in csv.reader(io.StringIO(out.getvalue()), delimiter="\t")]
    return [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows]


def test_export_counts_default_to_one_without_clusters():
    with Store(":memory:") as s:
        s.add_many([_coded(1, "https://a.example/1"), _coded(2, "https://a.example/2")])
        assert export.cluster_counts(s.db) == {}
        assert _counts(s) == [("1", "1", "1")] * 2


def test_export_counts_read_event_clusters_when_present():
    with Store(":memory:") as s:
        s.add_many([_coded(1, "https://www.a.example/1"), _coded(2, "https://a.example/2"),
                    _coded(3, "https://b.example/3")])
        ids = [r[0] for r in s.db.execute("SELECT id FROM events ORDER BY rowid")]
        s.db["event_clusters"].insert({"id": "c1", "representative": ids[0]}, alter=True)
        s.db["event_cluster_members"].insert_all([{"event_id": ids[0], "cluster_id": "c1"},
                                                  {"event_id": ids[1], "cluster_id": "c1"}])
        assert _counts(s) == [("2", "1", "2"), ("2", "1", "2"), ("1", "1", "1")]


def test_export_counts_from_members():
    members = [Member("c", "e1", "d1", "https://x.example/a"), Member("c", "e2", "d1", None),
               Member("c", "e3", "d2", "https://y.example/b")]
    assert counts_from_members(members) == {e: Counts(mentions=3, sources=3, articles=2) for e in ("e1", "e2", "e3")}
