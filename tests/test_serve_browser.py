"""The browser, used as a person would: headless Chromium (Debian's, through Playwright) on a served store.

One server per module on a small store: two example articles coded by the real pipeline, and a
hostile article coded by hand whose text, title, URL, quotes and speaker names carry script.
Skips (with the reason) when Playwright or /usr/bin/chromium is missing; ``make test`` installs both.
Set DYADLINE_SCREENSHOTS=DIR to save a PNG of each page (``make screenshots`` does, into docs/).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("datasette")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make install)")

from dyadline.records import Actor, Article, Event, Evidence, Place, Quote, Record  # noqa: E402
from dyadline.serve import HOST, make_server  # noqa: E402
from dyadline.store import Store  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SHOTS = os.environ.get("DYADLINE_SCREENSHOTS")

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (make browser-deps)", allow_module_level=True)

XSS = "window.__xss = (window.__xss || 0) + 1; alert(1)"
EVIL_TITLE = f"<script>{XSS}</script>Evil <img src=x onerror=\"{XSS}\"> title"
EVIL_SPEAKER = f"<img src=x onerror=\"{XSS}\">Mallory<script>{XSS}</script>"
EVIL_TEXT = (f"Ruritania attacked Freedonia <script>{XSS}</script> near Zenda. "
             f"\"Click javascript:alert(1) now <img src=x onerror=\"{XSS}\">\", said Mallory. "
             f"<a href=\"javascript:{XSS}\">here</a> <b onmouseover=\"{XSS}\">bold</b>")


def _evil() -> tuple[Article, Record]:
    t = EVIL_TEXT

    def span(s: str) -> tuple[int, int]:
        return (t.index(s), t.index(s) + len(s))

    rur = Actor("Ruritania", span("Ruritania"), f"<script>{XSS}</script>Ruritania", "RUR", "GOV")
    fre = Actor("Freedonia", span("Freedonia"), f"Freedonia<img src=x onerror=\"{XSS}\">", "FRE", "MIL")
    quote_text = t[t.index("Click"):t.index("\", said")]
    speaker = Actor("Mallory", span("Mallory"), EVIL_SPEAKER, "RUR", "GOV")
    zenda = Place("Zenda", span("Zenda"), f"Zenda<script>{XSS}</script>", "RUR", 50.0, 14.0, None)
    evidence = t[:t.index(" near")]
    event = Event("ASSAULT", Evidence(evidence, (0, len(evidence))), cameo="190", source=(rur,), target=(fre,),
                  location=zenda)
    article = Article("evil-1", t, "2025-03-10", EVIL_TITLE, f"javascript:{XSS}")
    return article, Record(article.id, (event,), (Quote(quote_text, span(quote_text), speaker, "said"),),
                           places=(zenda,), actors=(rur, fre, speaker))


# The style each kind of span is marked with, which its checkbox turns off.
TOGGLES = {"event": "backgroundColor", "actor": "borderBottomStyle", "quote": "fontStyle",
           "time": "outlineStyle", "place": "textDecorationLine"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, pipeline):
    from dyadline.ingest import read

    path = tmp_path_factory.mktemp("browser") / "demo.db"
    files = [EXAMPLES / "01_japan_philippines_coast_guard.txt", EXAMPLES / "03_armenia_azerbaijan_border_fire.txt"]
    articles = [a for a in read(files) if isinstance(a, Article)]
    with Store(path) as store:
        store.add_many(pipeline.pipe(articles))
        store.add(*_evil())
    return path


@pytest.fixture(scope="module")
def server(store_path):
    """The store served with reviews on (``serve --write``), on a free port; yields the base URL."""
    port = _free_port()
    srv = make_server(store_path, port, write=True)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://{HOST}:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page that records dialogs and every request leaving the server."""
    context = browser.new_context(viewport={"width": 1100, "height": 760})
    pg = context.new_page()
    pg.dialogs, pg.foreign = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith((server, "data:")) else pg.foreign.append(r.url))
    yield pg
    context.close()


def _shot(page, name: str, at: str | None = None) -> None:
    """Save the visible page (scrolled to ``at`` first) when DYADLINE_SCREENSHOTS is set."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        if at:
            page.locator(at).first.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8)")
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def _db(store_path: Path) -> str:
    return store_path.stem


def _doc_id(store_path: Path, article_id: str) -> str:
    with Store(store_path) as store:
        return store.db.execute("select id from documents where article_id = ?", [article_id]).fetchone()[0]


def _event_id(store_path: Path, article_id: str) -> str:
    with Store(store_path) as store:
        return store.db.execute("select e.id from events e join documents d on d.id = e.document_id "
                                "where d.article_id = ? order by e.position", [article_id]).fetchone()[0]


def test_serve_browser_map_shows_markers(page, server, store_path):
    page.goto(f"{server}/{_db(store_path)}/events")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=15000)
    assert page.locator(".leaflet-marker-icon, .marker-cluster").count() >= 1
    assert page.locator("details.dyadline-columns:not([open]) dl.column-descriptions").count() == 1
    first = page.locator("table.rows-and-columns th").first.get_attribute("data-column")
    assert first == "evidence_text"
    _shot(page, "events-map", at=".leaflet-container")
    assert page.foreign == [] and page.dialogs == []


def test_serve_browser_dyad_timeline_draws(page, server, store_path):
    page.goto(f"{server}/{_db(store_path)}/top_dyads")
    page.locator("a.dyadline-dyad").first.click()
    page.wait_for_selector("svg.dyadline-chart")
    page.goto(f"{server}/-/dyadline/{_db(store_path)}/dyad/JPN/PHL")
    assert page.locator("svg.dyadline-chart rect.bar").count() >= 1
    assert page.locator("svg.dyadline-chart polyline.gline").count() == 1
    assert page.locator("table.dyadline-events tbody tr").count() >= 1
    _shot(page, "dyad-timeline")
    assert page.foreign == [] and page.dialogs == []


def test_serve_browser_article_marks_every_kind(page, server, store_path):
    doc = _doc_id(store_path, "01_japan_philippines_coast_guard")
    page.goto(f"{server}/-/dyadline/{_db(store_path)}/document/{doc}")
    for kind in ("event", "actor", "quote", "time", "place"):
        assert page.locator(f".dyadline-text .k-{kind}").count() >= 1, kind
    overlapping = page.locator(".dyadline-text .seg.k-event.k-actor").first
    overlapping.click()
    panel = page.inner_text("#dyadline-coding")
    assert "event: " in panel and "actor: " in panel
    for kind, prop in TOGGLES.items():
        mark = page.locator(f".dyadline-text .k-{kind}").first
        shown = mark.evaluate(f"e => getComputedStyle(e).{prop}")
        page.uncheck(f"#show-{kind}")
        hidden = mark.evaluate(f"e => getComputedStyle(e).{prop}")
        page.check(f"#show-{kind}")
        assert shown != hidden, kind
    _shot(page, "article")
    assert page.foreign == [] and page.dialogs == []


def test_serve_browser_actor_page(page, server, store_path):
    page.goto(f"{server}/-/dyadline/{_db(store_path)}/actor/PHL")
    assert page.locator("svg.dyadline-chart").count() >= 1
    assert page.locator("h2", has_text="Top partners").count() == 1
    assert "JPN" in page.inner_text("body")
    _shot(page, "actor")


def test_serve_browser_review_round_trips(page, server, store_path):
    event_id = _event_id(store_path, "01_japan_philippines_coast_guard")
    page.goto(f"{server}/-/dyadline/{_db(store_path)}/event/{event_id}")
    assert "rule:" in page.inner_text("pre.dyadline-explanation")
    page.select_option("#verdict", "corrected")
    page.select_option("#corrected_type", "CONSULT")
    page.fill("#corrected_target", "chn gov")
    page.fill("#reviewer", "Ana <b>Lyst</b>")
    page.click("button[type=submit]")
    page.wait_for_selector(".dyadline-flash")
    row = page.locator("tr.review-row").first
    assert "corrected" in row.inner_text() and "Ana <b>Lyst</b>" in row.inner_text()
    _shot(page, "event", at="h2:has-text('Explanation')")
    with Store(store_path) as store:
        kept = store.events(reviewed=True)
        original = next(r for r in store.events() if r["id"] == event_id)
    assert [r["id"] for r in kept] == [event_id]
    assert kept[0]["type"] == "CONSULT" and kept[0]["target_country"] == "CHN" and original["type"] != "CONSULT"


def test_serve_browser_review_needs_csrf(server, store_path):
    import urllib.error
    import urllib.request

    event_id = _event_id(store_path, "01_japan_philippines_coast_guard")
    req = urllib.request.Request(f"{server}/-/dyadline/{_db(store_path)}/review/{event_id}",
                                 data=b"verdict=right&reviewer=x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=5)
    assert err.value.code == 403


@pytest.mark.parametrize("kind", ["document", "event", "actor", "dyad", "events", "documents", "document_row",
                                  "quotes", "places", "actors"])
def test_serve_browser_hostile_article_stays_inert(page, server, store_path, kind):
    db, doc = _db(store_path), _doc_id(store_path, "evil-1")
    paths = {"document": f"/-/dyadline/{db}/document/{doc}", "event": f"/-/dyadline/{db}/event/{doc}-e0",
             "actor": f"/-/dyadline/{db}/actor/RUR", "dyad": f"/-/dyadline/{db}/dyad/RUR/FRE",
             "events": f"/{db}/events?source_country=RUR", "documents": f"/{db}/documents",
             "document_row": f"/{db}/documents/{doc}", "quotes": f"/{db}/quotes", "places": f"/{db}/places?country=RUR",
             "actors": f"/{db}/actors"}
    page.goto(server + paths[kind])
    page.wait_for_load_state("networkidle")
    for seg in page.locator(".dyadline-text .seg").all()[:20]:
        seg.hover()
        seg.click()
    if kind in ("events", "places"):
        page.wait_for_selector(".leaflet-marker-icon", timeout=15000)
        page.locator(".leaflet-marker-icon").first.click()
        assert "<script>" in page.inner_text(".leaflet-popup-content")  # the marker's popup shows the row as text
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.evaluate("window.__xss || 0") == 0 and page.dialogs == []
    if kind == "document":
        assert page.locator("a.source-link").count() == 0
        assert "javascript:" in page.inner_text(".inert-url")
        assert "<script>" in page.inner_text("h1")
        _shot(page, "hostile-article")
    assert page.foreign == []


def test_serve_browser_review_refuses_a_forged_form(page, server, store_path):
    """A form posted from another site (with the visitor's cookie but not the token) is refused."""
    event_id = _event_id(store_path, "01_japan_philippines_coast_guard")
    db = _db(store_path)
    page.goto(f"{server}/-/dyadline/{db}/event/{event_id}")
    page.set_content(f'<form method="post" action="{server}/-/dyadline/{db}/review/{event_id}">'
                     '<input name="verdict" value="wrong"><input name="reviewer" value="mallory"></form>')
    with page.expect_navigation():
        page.evaluate("document.forms[0].submit()")
    assert "did not match" in page.inner_text("body")
    with Store(store_path) as store:
        assert store.db.execute("select count(*) from reviews where reviewer = 'mallory'").fetchone()[0] == 0
