"""The browser's own pages: article, event, actor, dyad, and the review form's target.

Every view checks that the database exists and that the actor may view it, gathers what
it shows with ``serve.queries`` and renders one template. URLs (see ``ROUTES``)::

    /-/dyadline/<db>/document/<id>     the article with every span marked
    /-/dyadline/<db>/event/<id>        one event: evidence in context, explanation, reviews
    /-/dyadline/<db>/actor/<key>       an actor or country: events over time, quotes, partners
    /-/dyadline/<db>/dyad/<a>/<b>      events between two actors by month, with the evidence
    /-/dyadline/<db>/review/<id>       POST only: store a review (needs ``serve --write``)
"""

from __future__ import annotations

from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import Response
from sqlite_utils import Database

from dyadline.errors import DyadlineError
from dyadline.records import PLOVER_TYPES
from dyadline.serve import queries
from dyadline.serve.charts import QUADS, month_chart
from dyadline.serve.security import safe_url
from dyadline.serve.spans import KINDS, counts, marks_from_rows, segments
from dyadline.store.reviews import Review, add_review
from dyadline.store.schema import VERDICTS

PERMISSION = "dyadline-review"
CSRF_COOKIE = "ds_csrftoken"
CONTEXT_CHARS = 400


def page_path(datasette, database: str, kind: str, *keys: str) -> str:
    """The URL of one of dyadline's pages, e.g. ``page_path(ds, "db", "dyad", "RUS", "UKR")``."""
    tail = "/".join(tilde_encode(k) for k in keys)
    return datasette.urls.path(f"/-/dyadline/{tilde_encode(database)}/{kind}/{tail}")


async def _error(datasette, request, message: str, status: int = 404) -> Response:
    context = {"ok": False, "error": message, "status": status, "title": None}
    return Response.html(await datasette.render_template("error.html", context, request=request), status=status)


async def _open(datasette, request, table: str):
    """The database named in the URL after the permission check, or None when there is none."""
    database = request.url_vars["database"]
    if database not in datasette.databases:
        return None
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (database, table)), ("view-database", database), "view-instance"])
    return datasette.get_database(database)


def _key(request, name: str) -> str:
    return tilde_decode(request.url_vars[name]).strip()


async def _render(datasette, request, template: str, context: dict) -> Response:
    return Response.html(await datasette.render_template(template, context, request=request))


def _links(datasette, database: str, rows: list[dict]) -> list[dict]:
    for r in rows:
        r["event_url"] = page_path(datasette, database, "event", r["id"])
        r["document_url"] = page_path(datasette, database, "document", r["document_id"])
    return rows


async def can_review(datasette, actor) -> bool:
    """Whether reviews may be written: ``serve --write`` and Datasette's permission check."""
    return bool(await datasette.permission_allowed(actor, PERMISSION, default=False))


async def document_page(datasette, request):
    """An article with every extracted span marked, each kind toggleable."""
    db = await _open(datasette, request, "documents")
    if db is None:
        return await _error(datasette, request, f"Database not found: {request.url_vars['database']}")
    doc_id = _key(request, "doc_id")
    doc = await queries.document(db, doc_id)
    if doc is None:
        return await _error(datasette, request, f"No document {doc_id}")
    database = db.name
    events = await queries.document_events(db, doc_id)
    for ev in events:
        ev["url"] = page_path(datasette, database, "event", ev["id"])
    spans = await queries.document_spans(db, doc_id)
    marks = marks_from_rows(events, spans)
    return await _render(datasette, request, "dyadline_document.html", {
        "database": database, "doc": doc, "source_url": safe_url(doc["url"]), "events": events,
        "segments": segments(doc["text"], marks), "counts": counts(marks), "kinds": KINDS,
        "doc_url": datasette.urls.row(database, "documents", tilde_encode(doc_id))})


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The evidence and up to CONTEXT_CHARS on each side, cut at paragraph breaks."""
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before, after = text.rfind("\n\n", lo, start), text.find("\n\n", end, hi)
    lo = before + 2 if before >= 0 else lo
    hi = after if after >= 0 else hi
    return text[lo:start], text[start:end], text[end:hi]


async def event_page(datasette, request):
    """One event: its coding, evidence in context, explanation, reviews and the review form."""
    db = await _open(datasette, request, "events")
    if db is None:
        return await _error(datasette, request, f"Database not found: {request.url_vars['database']}")
    event_id = _key(request, "event_id")
    ev = await queries.event(db, event_id)
    if ev is None:
        return await _error(datasette, request, f"No event {event_id}")
    database = db.name
    doc = await queries.document(db, ev["document_id"])
    before, evidence, after = _context(doc["text"], ev["evidence_start"], ev["evidence_end"])
    actors = await queries.event_actors(db, event_id)
    for a in actors:
        a["url"] = page_path(datasette, database, "actor", a["country"]) if a.get("country") else None
    return await _render(datasette, request, "dyadline_event.html", {
        "database": database, "event": ev, "doc": doc, "source_url": safe_url(doc["url"]),
        "before": before, "evidence": evidence, "after": after, "actors": actors,
        "explanation": await queries.explanation(db, event_id), "reviews": await queries.reviews(db, event_id),
        "other_mentions": await queries.other_mentions(db, event_id),
        "can_review": await can_review(datasette, request.actor), "verdicts": VERDICTS, "types": PLOVER_TYPES,
        "review_url": page_path(datasette, database, "review", event_id),
        "document_url": page_path(datasette, database, "document", ev["document_id"]) + f"#{event_id}",
        "row_url": datasette.urls.row(database, "events", tilde_encode(event_id)),
        "dyads": _event_dyads(datasette, database, ev), "reviewed": request.args.get("reviewed")})


def _codes(value: str | None) -> list[str]:
    return [c for c in (value or "").split(";") if c]


def _event_dyads(datasette, database: str, ev: dict) -> list[dict]:
    return [{"a": a, "b": b, "url": page_path(datasette, database, "dyad", a, b)}
            for a in _codes(ev.get("source_country")) for b in _codes(ev.get("target_country")) if a != b]


async def actor_page(datasette, request):
    """An actor or country: its events as source and as target by month, its quotes, its partners."""
    db = await _open(datasette, request, "events")
    if db is None:
        return await _error(datasette, request, f"Database not found: {request.url_vars['database']}")
    key, database = _key(request, "key"), db.name
    as_source = _links(datasette, database, await queries.actor_events(db, key, "source"))
    as_target = _links(datasette, database, await queries.actor_events(db, key, "target"))
    partners = await queries.actor_partners(db, key)
    for p in partners:
        p["url"] = page_path(datasette, database, "actor", p["partner"])
        p["dyad_url"] = page_path(datasette, database, "dyad", key, p["partner"])
    quotes = await queries.actor_quotes(db, key)
    for q in quotes:
        q["document_url"] = page_path(datasette, database, "document", q["document_id"])
    return await _render(datasette, request, "dyadline_actor.html", {
        "database": database, "key": key, "names": await queries.actor_names(db, key),
        "as_source": as_source, "as_target": as_target, "source_chart": month_chart(as_source),
        "target_chart": month_chart(as_target), "partners": partners, "quotes": quotes, "quads": QUADS})


async def dyad_page(datasette, request):
    """Events between two actors per month by quad class, the summed Goldstein score, and the evidence."""
    db = await _open(datasette, request, "events")
    if db is None:
        return await _error(datasette, request, f"Database not found: {request.url_vars['database']}")
    a, b, database = _key(request, "a"), _key(request, "b"), db.name
    directed = request.args.get("directed") == "1"
    rows = _links(datasette, database, await queries.dyad_events(db, a, b, directed=directed))
    return await _render(datasette, request, "dyadline_dyad.html", {
        "database": database, "a": a, "b": b, "directed": directed, "rows": rows, "chart": month_chart(rows),
        "quads": QUADS, "a_url": page_path(datasette, database, "actor", a),
        "b_url": page_path(datasette, database, "actor", b),
        "swap_url": page_path(datasette, database, "dyad", b, a)})


def _csrf_checked(request) -> bool:
    """Whether Datasette's CSRF middleware checked this POST.

    asgi-csrf lets a POST without cookies through unchecked (a forged cross-site form from a
    browser that never visited the server would be one); a review must carry the token cookie,
    which the middleware has then matched against the form's token. An Origin header, when
    sent, must be this server.
    """
    origin = request.headers.get("origin")
    if origin and origin.split("://", 1)[-1].rstrip("/") != request.headers.get("host", ""):
        return False
    return bool(request.cookies.get(CSRF_COOKIE))


def _reviewer(request, form) -> str:
    if request.actor and request.actor.get("id"):
        return str(request.actor["id"])
    return (form.get("reviewer") or "").strip()[:80]


async def review_post(datasette, request):
    """Store a review from the event page's form, then go back to the event page."""
    if request.method != "POST":
        return Response.text("Method not allowed: POST a review from the event page", status=405,
                             headers={"allow": "POST"})
    db = await _open(datasette, request, "events")
    if db is None:
        return await _error(datasette, request, f"Database not found: {request.url_vars['database']}")
    if not await can_review(datasette, request.actor):
        return await _error(datasette, request, "Reviews are off: start `dyadline serve --write` to allow them", 403)
    if not _csrf_checked(request):
        return await _error(datasette, request, "Missing CSRF token: send the review from the event page", 403)
    event_id = _key(request, "event_id")
    form = await request.post_vars()
    review = Review(event_id, form.get("verdict", ""), _reviewer(request, form),
                    corrected_type=form.get("corrected_type"), corrected_source=form.get("corrected_source"),
                    corrected_target=form.get("corrected_target"), note=(form.get("note") or "")[:2000])
    try:
        await db.execute_write_fn(lambda conn: add_review(Database(conn), review), block=True)
    except DyadlineError as e:
        return await _error(datasette, request, str(e), 400)
    return Response.redirect(page_path(datasette, db.name, "event", event_id) + "?reviewed=1")


ROUTES = (
    (r"^/-/dyadline/(?P<database>[^/]+)/document/(?P<doc_id>[^/]+)$", document_page),
    (r"^/-/dyadline/(?P<database>[^/]+)/event/(?P<event_id>[^/]+)$", event_page),
    (r"^/-/dyadline/(?P<database>[^/]+)/actor/(?P<key>[^/]+)$", actor_page),
    (r"^/-/dyadline/(?P<database>[^/]+)/dyad/(?P<a>[^/]+)/(?P<b>[^/]+)$", dyad_page),
    (r"^/-/dyadline/(?P<database>[^/]+)/review/(?P<event_id>[^/]+)$", review_post),
)
