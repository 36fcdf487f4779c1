"""dyadline's pages and guards over HTTP (no browser): event, actor and dyad pages, reviews off by
default, the Host check, http(s)-only links, and 4xx (not 500) error pages."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("datasette")

from dyadline.records import Actor, Article, Event, Evidence, Explanation, Record  # noqa: E402
from dyadline.serve import make_datasette  # noqa: E402
from dyadline.serve.charts import month_chart, month_range  # noqa: E402
from dyadline.serve.pages import can_review  # noqa: E402
from dyadline.serve.security import host_name, safe_url  # noqa: E402
from dyadline.store import Store  # noqa: E402

TEXT = "Iran threatened Israel. Israel struck Iran. Later, Qatar urged restraint."


def _pair() -> tuple[Article, Record]:
    def actor(name: str, code: str, at: int = 0) -> Actor:
        i = TEXT.index(name, at)
        return Actor(name, (i, i + len(name)), name, code, "GOV")

    how = Explanation("verb trigger 'threaten' -> THREATEN", "threatened", (("target", "object 'Israel'"),))
    e1 = Event("THREATEN", Evidence(TEXT[:23], (0, 23)), cameo="138", source=(actor("Iran", "IRN"),),
               target=(actor("Israel", "ISR"),), explanation=how)
    e2 = Event("ASSAULT", Evidence(TEXT[24:43], (24, 43)), cameo="190", source=(actor("Israel", "ISR", 24),),
               target=(actor("Iran", "IRN", 24),))
    art = Article("gulf-2", TEXT, "2025-06-14", "Gulf", "javascript:alert(1)")
    return art, Record(art.id, (e1, e2))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "gulf.db"
    with Store(path) as store:
        store.add(*_pair())
    return path


@pytest.fixture(scope="module")
def ds(store_path):
    return make_datasette(store_path)


def _req(ds, method: str, path: str, **kw):
    return asyncio.run(ds.client.request(method, path, **kw))


def _doc(store_path) -> str:
    return Store.doc_hash(TEXT)


def test_serve_pages_event_page_shows_explanation_and_is_read_only(ds, store_path):
    page = _req(ds, "GET", f"/-/dyadline/gulf/event/{_doc(store_path)}-e0")
    assert page.status_code == 200
    assert "rule: verb trigger &#39;threaten&#39; -&gt; THREATEN" in page.text and 'id="other-mentions"' in page.text
    assert "<mark>Iran threatened Israel.</mark>" in page.text
    assert "read-only" in page.text and "<form" not in page.text.split('id="review"')[1]
    assert asyncio.run(can_review(ds, None)) is False
    assert asyncio.run(can_review(make_datasette(store_path, write=True), None)) is True
    post = _req(ds, "POST", f"/-/dyadline/gulf/review/{_doc(store_path)}-e0", data={"verdict": "right"},
                cookies={"ds_csrftoken": "x"})
    assert post.status_code == 403


def test_serve_pages_dyad_and_actor_pages_draw_charts(ds):
    dyad = _req(ds, "GET", "/-/dyadline/gulf/dyad/IRN/ISR")
    assert dyad.status_code == 200 and dyad.text.count('class="bar q') == 2 and 'class="gline"' in dyad.text
    one_way = _req(ds, "GET", "/-/dyadline/gulf/dyad/IRN/ISR?directed=1")
    assert one_way.text.count('class="bar q') == 1
    actor = _req(ds, "GET", "/-/dyadline/gulf/actor/IRN")
    assert actor.status_code == 200 and "ISR" in actor.text and actor.text.count("<svg class=\"dyadline-chart\"") == 2
    assert _req(ds, "GET", "/-/dyadline/nodb/actor/IRN").status_code == 404


def test_serve_pages_cells_link_dyads_and_actors(ds):
    top = _req(ds, "GET", "/gulf/top_dyads")
    assert 'class="dyadline-dyad" href="/-/dyadline/gulf/dyad/' in top.text
    events = _req(ds, "GET", "/gulf/events")
    assert 'href="/-/dyadline/gulf/actor/IRN"' in events.text and 'href="/-/dyadline/gulf/event/' in events.text


def test_serve_pages_javascript_urls_are_never_links(ds, store_path):
    for path in (f"/-/dyadline/gulf/document/{_doc(store_path)}", f"/-/dyadline/gulf/event/{_doc(store_path)}-e0",
                 "/gulf/documents", f"/gulf/documents/{_doc(store_path)}", "/gulf/event_rows"):
        page = _req(ds, "GET", path)
        assert page.status_code == 200, path
        assert 'href="javascript:' not in page.text.lower(), path


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=1", True), ("http://x.test", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,hi", False), ("//evil.test/x", False), ("https:/x", False),
    ("http://x.test/\nevil", False), (None, False), ("vbscript:x", False)])
def test_serve_pages_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def test_serve_pages_host_header_checked(store_path):
    ds = make_datasette(store_path)
    assert _req(ds, "GET", "/", headers={"host": "localhost:8001"}).status_code == 200
    assert _req(ds, "GET", "/", headers={"host": "127.0.0.1:8001"}).status_code == 200
    assert _req(ds, "GET", "/", headers={"host": "attacker.example"}).status_code == 400
    assert _req(ds, "GET", "/", headers={"host": "localhost.attacker.example:8001"}).status_code == 400
    wide = make_datasette(store_path, allowed_hosts=("dyadline.lan",))
    assert _req(wide, "GET", "/", headers={"host": "dyadline.lan"}).status_code == 200
    assert host_name("[::1]:8001") == "::1" and host_name("LocalHost") == "localhost"


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/nope/nope/nope/nope/nope", 404), ("GET", "/gulf/nope", 404), ("GET", "/gulf/events/nope", 404),
    ("GET", "/-/dyadline/gulf/event/nope", 404), ("GET", "/-/dyadline-static/nope.js", 404),
    ("POST", "/gulf/events", 405), ("POST", "/gulf/events.json", 405), ("POST", "/gulf/top_dyads", 405),
    ("PUT", "/gulf/events", 405), ("GET", "/gulf/events.json?_sort=nope", 400),
    ("GET", "/-/dyadline/gulf/review/x", 405)])
def test_serve_pages_errors_are_4xx(ds, method, path, status):
    assert _req(ds, method, path).status_code == status


def test_serve_pages_month_chart_fills_gaps():
    rows = [{"date_start": "2025-01-03", "quad_class": 4, "goldstein": -10.0},
            {"date_start": "2025-03-09", "quad_class": 1, "goldstein": 3.0},
            {"date_start": "2025-03-10", "quad_class": None, "goldstein": None}, {"date_start": None}]
    chart = month_chart(rows)
    assert chart.months == 3 and chart.events == 3 and len(chart.bars) == 3 and len(chart.points) == 3
    assert [b.quad for b in chart.bars] == [4, 1, 0]
    assert month_range("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert month_chart([{"date_start": None}]) is None


def test_serve_pages_two_actor_query_links_its_timeline(ds):
    page = _req(ds, "GET", "/gulf/events_between?a=irn&b=ISR")
    assert '"/-/dyadline/gulf/dyad/IRN/ISR"' in page.text
    evil = _req(ds, "GET", "/gulf/events_between", params={"a": "</script><script>alert(1)</script>", "b": "ISR"})
    assert evil.status_code == 200 and "<script>alert(1)" not in evil.text
    assert "dyadline-dyad-query" not in _req(ds, "GET", "/gulf/top_dyads").text.split("</h1>")[1]


def test_serve_pages_write_server_migrates_an_old_store(tmp_path):
    import sqlite3

    from dyadline.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add(*_pair())
    with sqlite3.connect(path) as conn:  # back to schema version 2
        for table in ("reviews", "explanations", "event_cluster_members", "event_clusters"):
            conn.execute(f"drop table {table}")
        conn.execute("delete from schema_version where version >= 3")
    make_datasette(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("select max(version) from schema_version").fetchone()[0] == 2
    make_datasette(path, write=True)
    with sqlite3.connect(path) as conn:
        assert conn.execute("select max(version) from schema_version").fetchone()[0] == len(MIGRATIONS)


def test_serve_pages_event_page_lists_every_mention_of_its_cluster(tmp_path):
    from dataclasses import replace

    from dyadline.store.clusters import refresh_clusters

    path = tmp_path / "two.db"
    art, record = _pair()
    other = TEXT.replace("Later", "Then")  # the same story from a second outlet
    again = replace(art, id="gulf-3", text=other, url="https://other.example/gulf")
    with Store(path) as store:
        store.add(art, record)
        store.add(again, replace(record, id="gulf-3"))
        refresh_clusters(store)
    page = _req(make_datasette(path), "GET", f"/-/dyadline/two/event/{Store.doc_hash(TEXT)}-e0")
    mentions = page.text.split('id="other-mentions"')[1].split("</section>")[0]
    assert page.status_code == 200 and Store.doc_hash(other) in mentions and Store.doc_hash(TEXT) in mentions
