"""Serve: Datasette on a store answers, with metadata, facets, search, canned queries, evidence pages."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
import urllib.request

import pytest

pytest.importorskip("datasette")

from dyadline.records import Actor, Article, Event, Evidence, Record  # noqa: E402
from dyadline.serve import HOST, load_metadata, make_datasette, make_server  # noqa: E402
from dyadline.serve.spans import Mark, segments  # noqa: E402
from dyadline.store import Store  # noqa: E402

TEXT = "Iran threatened Israel with retaliation. Later, Qatar urged restraint on both sides."


def coded() -> tuple[Article, Record]:
    """One article, two events: Iran threatens Israel; Qatar asks for restraint."""
    def actor(name: str, country: str) -> Actor:
        return Actor(name, (TEXT.index(name), TEXT.index(name) + len(name)), name, country, "GOV")

    threat = Event("THREATEN", Evidence(TEXT[:39], (0, 39)), cameo="138", source=(actor("Iran", "IRN"),),
                   target=(actor("Israel", "ISR"),))
    start = TEXT.index("Qatar")
    appeal = Event("REQUEST", Evidence(TEXT[start:start + 23], (start, start + 23)), source=(actor("Qatar", "QAT"),))
    art = Article("gulf-1", TEXT, "2025-06-14", "Gulf tensions", "https://example.org/gulf")
    return art, Record(art.id, (threat, appeal))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "events.db"
    with Store(path) as store:
        store.add(*coded())
    return path


@pytest.fixture(scope="module")
def get(store_path):
    ds = make_datasette(store_path)

    def fetch(path: str):
        return asyncio.run(ds.client.get(path))
    return fetch


def test_serve_answers_index_and_versions(get):
    assert get("/").status_code == 200
    versions = get("/-/versions.json")
    assert versions.status_code == 200
    assert "datasette" in versions.json()


def test_serve_table_page_has_facets_and_evidence_links(get):
    page = get("/events/events")
    assert page.status_code == 200
    for column in ("type", "source_country", "modality", "date_start"):
        assert f'data-column="{column}"' in page.text
    assert "/-/dyadline/events/document/" in page.text and "“Iran threatened Israel" in page.text


def test_serve_full_text_search_over_documents(get):
    hits = get("/events/documents.json?_search=restraint&_shape=array").json()
    assert [h["title"] for h in hits] == ["Gulf tensions"]
    assert get("/events/documents.json?_search=earthquake&_shape=array").json() == []


def test_serve_metadata_and_canned_queries(get):
    meta = get("/-/metadata.json").json()
    events = meta["databases"]["events"]["tables"]["events"]
    assert "PLOVER" in events["columns"]["type"]
    dyads = get("/events/top_dyads.json?_shape=array").json()
    assert dyads == [{"source_country": "IRN", "target_country": "ISR", "events": 1}]
    assert get("/events/events_by_month.json?_shape=array").json()[0]["month"] == "2025-06"


def test_serve_document_page_marks_evidence(get, store_path):
    doc_id = Store.doc_hash(TEXT)
    page = get(f"/-/dyadline/events/document/{doc_id}")
    assert page.status_code == 200
    assert f'<span class="anchor" id="{doc_id}-e0">' in page.text and "Qatar urged restraint" in page.text
    assert 'class="seg k-event"' in page.text and 'title="event: THREATEN IRN GOV Iran → ISR GOV Israel (asserted)"' in page.text
    assert get("/-/dyadline/events/document/0000000000000000").status_code == 404
    assert get(f"/-/dyadline/nodb/document/{doc_id}").status_code == 404


def test_serve_segments_cover_text_and_keep_overlaps():
    marks = [Mark("event", "a", 0, 4, "A"), Mark("actor", "b", 2, 6, "B"), Mark("event", "c", 8, 10, "C")]
    segs = segments("0123456789xy", marks)
    assert "".join(s.text for s in segs) == "0123456789xy"
    assert [[m.id for m in s.marks] for s in segs] == [["a"], ["a", "b"], ["b"], [], ["c"], []]
    assert [s.kinds for s in segs][1] == ("event", "actor")


def test_serve_metadata_named_after_the_store():
    assert "dyadline" not in load_metadata("mystore")["databases"]
    assert "events" in load_metadata("mystore")["databases"]["mystore"]["tables"]


def test_serve_missing_store_is_clear(tmp_path):
    from dyadline.errors import StoreError

    with pytest.raises(StoreError, match="no such file"):
        make_datasette(tmp_path / "absent.db")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def test_serve_answers_on_localhost(store_path):
    port = _free_port()
    server = make_server(store_path, port)
    assert server.config.host == "127.0.0.1"
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5) as r:
            assert r.status == 200
    finally:
        server.should_exit = True
        thread.join(timeout=5)
