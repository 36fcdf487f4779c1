"""Datasette hooks for a dyadline store: evidence in its article, and the plugin's templates.

Hooks (each one line of contract, see Datasette's hookspecs):

- ``render_cell``: an event's evidence links to its article, with the evidence marked
- ``register_routes``: ``/-/dyadline/<database>/document/<id>``, an article with every
  event's evidence marked (each mark is anchored by the event id)
- ``prepare_jinja2_environment``: makes ``serve/templates`` available to Datasette
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from dyadline.serve.facets import filters_from_request, register_facet_classes  # noqa: F401  (hooks: per-actor facets)

TEMPLATES = Path(__file__).resolve().parent / "templates"
EVIDENCE_COLUMNS = {("events", "evidence_text"), ("event_rows", "evidence")}
_EVENTS_SQL = """select id, type, source, target, modality, date_start, evidence_start, evidence_end
from events where document_id = ? order by evidence_start, position"""


@dataclass(frozen=True)
class Segment:
    """A stretch of an article's text, and the event whose evidence it is (None for plain text)."""

    text: str
    event: dict | None = None


def mark_segments(text: str, events: list[dict]) -> list[Segment]:
    """Cut ``text`` into plain and evidence segments; an evidence span overlapping an earlier one is not marked."""
    out, cursor = [], 0
    for ev in sorted(events, key=lambda e: (e["evidence_start"], e["evidence_end"])):
        start, end = ev["evidence_start"], ev["evidence_end"]
        if start is None or end is None or start < cursor or end > len(text):
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], ev))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def document_path(datasette, database: str, doc_id: str, event_id: str | None = None) -> str:
    """The URL of an article's evidence page (anchored at one event when given)."""
    path = datasette.urls.path(f"/-/dyadline/{tilde_encode(database)}/document/{tilde_encode(doc_id)}")
    return f"{path}#{event_id}" if event_id else path


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Evidence cells link to the article, with the evidence marked."""
    if (table, column) not in EVIDENCE_COLUMNS or value is None:
        return None
    doc_id = row["document_id"]
    if isinstance(doc_id, dict):  # a foreign key Datasette has expanded to {"value", "label"}
        doc_id = doc_id["value"]
    url = document_path(datasette, database, doc_id, row["id"])
    return Markup(f'<a href="{escape(url)}" title="Show in the article">“{escape(value)}”</a>')


async def _not_found(datasette, request, message: str) -> Response:
    context = {"ok": False, "error": message, "status": 404, "title": None}
    return Response.html(await datasette.render_template("error.html", context, request=request), status=404)


async def document_page(datasette, request):
    """An article with the evidence of each of its events marked."""
    database, doc_id = request.url_vars["database"], request.url_vars["doc_id"]
    if database not in datasette.databases:
        return await _not_found(datasette, request, f"Database not found: {database}")
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (database, "documents")), ("view-database", database), "view-instance"])
    db = datasette.get_database(database)
    doc = (await db.execute("select id, title, url, published, text from documents where id = ?", [doc_id])).first()
    if doc is None:
        return await _not_found(datasette, request, f"No document {doc_id}")
    events = [dict(r) for r in (await db.execute(_EVENTS_SQL, [doc_id])).rows]
    for ev in events:
        ev["url"] = datasette.urls.row(database, "events", tilde_encode(ev["id"]))
    context = {"database": database, "doc": dict(doc), "events": events,
               "segments": mark_segments(doc["text"], events),
               "doc_url": datasette.urls.row(database, "documents", tilde_encode(doc_id))}
    html = await datasette.render_template("dyadline_document.html", context, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    """Register URL routes: the article evidence page."""
    return [(r"^/-/dyadline/(?P<database>[^/]+)/document/(?P<doc_id>[^/]+)$", document_page)]


@hookimpl
def prepare_jinja2_environment(env, datasette):
    """Add dyadline's templates after Datasette's own search path."""
    env.loader = ChoiceLoader([env.loader, FileSystemLoader(str(TEMPLATES))])
