"""Datasette hooks for a dyadline store (each one line of contract, see Datasette's hookspecs).

- ``register_routes``: dyadline's pages (``serve.pages.ROUTES``)
- ``render_cell``: evidence links to its article, event types to the event page, country
  codes to the actor page, dyads to the dyad page; only http(s) URLs ever become links
- ``permission_allowed``: ``dyadline-review`` is allowed only when served with ``write: true``
- ``asgi_wrapper``: the Host header check and the read-only POST rule (``serve.security``)
- ``extra_css_urls`` / ``extra_body_script``: dyadline's stylesheet; column descriptions folded away
- ``prepare_jinja2_environment``: dyadline's templates, and its ``_table.html`` that puts the
  columns configured as ``first_columns`` first

Configuration (``plugins: dyadline:`` in the metadata, set by ``serve.make_datasette``):
``write`` (bool), ``allowed_hosts`` (list), ``first_columns`` ({table: [columns]}).
"""

from __future__ import annotations

import json
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Base400, Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from dyadline.serve.facets import filters_from_request, register_facet_classes  # noqa: F401  (hooks: per-actor facets)
from dyadline.serve.pages import PERMISSION, ROUTES, page_path
from dyadline.serve.security import guard, safe_url

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
OVERRIDES = TEMPLATES / "overrides"
STATIC = HERE / "static"
DEFAULT_HOSTS = ("localhost", "127.0.0.1")
EVIDENCE_COLUMNS = {("events", "evidence_text"), ("event_rows", "evidence")}
EVENT_TABLES = {"events", "event_rows"}
COUNTRY_COLUMNS = {"source_country", "target_country", "country", "speaker_country", "attributed_country",
                   "location_country", "partner"}
URL_COLUMNS = {"url"}
_FOLD_DESCRIPTIONS = """document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {
  var d = document.createElement("details"), s = document.createElement("summary");
  s.textContent = "Column descriptions"; d.className = "dyadline-columns";
  dl.parentNode.insertBefore(d, dl); d.appendChild(s); d.appendChild(dl);
});"""


def config(datasette) -> dict:
    """dyadline's plugin configuration (empty when served without ``make_datasette``)."""
    return datasette.plugin_config("dyadline") or {}


def document_path(datasette, database: str, doc_id: str, event_id: str | None = None) -> str:
    """The URL of an article's page (anchored at one event when given)."""
    path = page_path(datasette, database, "document", doc_id)
    return f"{path}#{event_id}" if event_id else path


def _value(cell):
    return cell["value"] if isinstance(cell, dict) else cell  # a foreign key Datasette expanded


def _country_links(datasette, database: str, value: str) -> Markup:
    codes = [c for c in value.split(";") if c]
    return Markup(";").join(Markup('<a href="{}" title="Actor page">{}</a>').format(
        page_path(datasette, database, "actor", c), c) for c in codes)


def _dyad_link(datasette, database: str, row) -> Markup:
    src = [c for c in (row["source_country"] or "").split(";") if c]
    tgt = [c for c in (row["target_country"] or "").split(";") if c]
    if not src or not tgt:
        return Markup("")
    return Markup(' <a class="dyadline-dyad" href="{}" title="Dyad timeline {} and {}">⇄</a>').format(
        page_path(datasette, database, "dyad", src[0], tgt[0]), src[0], tgt[0])


def _keys(row) -> set[str]:
    return set(row.keys()) if hasattr(row, "keys") else set()


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Links from cells to dyadline's pages; a URL cell links only when it is http(s)."""
    if value is None:
        return None
    keys = _keys(row)
    if (table, column) in EVIDENCE_COLUMNS and "document_id" in keys and "id" in keys:
        url = document_path(datasette, database, _value(row["document_id"]), row["id"])
        return Markup('<a href="{}" title="Show in the article">“{}”</a>').format(url, value)
    if column == "type" and "id" in keys and (table in EVENT_TABLES or "evidence" in keys):
        return Markup('<a href="{}" title="Event page">{}</a>').format(
            page_path(datasette, database, "event", _value(row["id"])), value)
    if column in COUNTRY_COLUMNS and isinstance(value, str) and value:
        links = _country_links(datasette, database, value)
        if column == "target_country" and {"source_country", "target_country"} <= keys:
            links += _dyad_link(datasette, database, row)
        return links
    if column in URL_COLUMNS and isinstance(value, str):
        url = safe_url(value)
        return Markup('<a href="{}" rel="nofollow noopener">{}</a>').format(url, value) if url else escape(value)
    return None


_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


async def static_file(request):
    """dyadline's own stylesheet and script (only the files in ``serve/static``)."""
    name = request.url_vars["name"]
    path = STATIC / name
    if "/" in name or path.suffix not in _TYPES or not path.is_file():
        return Response.text("Not found", status=404)
    return Response(path.read_text(encoding="utf-8"), content_type=_TYPES[path.suffix],
                    headers={"cache-control": "max-age=300"})


@hookimpl
def register_routes():
    """Register URL routes: dyadline's pages and its static files."""
    return [*ROUTES, (r"^/-/dyadline-static/(?P<name>[A-Za-z0-9_.-]+)$", static_file)]


@hookimpl
def handle_exception(datasette, request, exception):
    """Answer 4xx errors (not found, forbidden, bad request) quietly, without a console traceback.

    Datasette 0.65.5 answers a sort on an unknown column with a 500; that is a bad request.
    """
    message = str(exception.args[0]) if exception.args else ""
    if isinstance(exception, Base400):
        status = exception.status
    elif type(exception).__name__ == "DatasetteError" and message.startswith("Cannot sort table by"):
        status = 400
    else:
        return None

    async def inner():
        info = {"ok": False, "error": message, "status": status, "title": None}
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        return Response.html(await datasette.render_template("error.html", info, request=request), status=status)

    return inner


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    """Reviews may be written only when the server was started with the write option."""
    if action == PERMISSION:
        return bool(config(datasette).get("write"))
    return None


@hookimpl
def asgi_wrapper(datasette):
    """Refuse foreign Host headers and POSTs outside /-/."""
    def wrap(app):
        return guard(app, allowed_hosts=tuple(config(datasette).get("allowed_hosts") or DEFAULT_HOSTS))
    return wrap


@hookimpl
def extra_css_urls(datasette):
    """dyadline's stylesheet on every page."""
    return [datasette.urls.path("/-/dyadline-static/dyadline.css")]


_DYAD_LINK = """(function (href, label) {
  var p = document.createElement("p"), a = document.createElement("a");
  a.href = href; a.textContent = label; a.className = "dyadline-dyad-query"; p.appendChild(a);
  var at = document.querySelector(".content h1"); if (at) { at.parentNode.insertBefore(p, at.nextSibling); }
})(%s, %s);"""


def _dyad_query_script(datasette, database: str, request) -> str:
    """A link to the dyad timeline on a canned query run with :a and :b (``events_between``)."""
    name = request.path.rstrip("/").rsplit("/", 1)[-1]
    query = ((datasette.metadata("queries", database=database) or {}).get(name) or {})
    sql = query.get("sql", "") if isinstance(query, dict) else ""
    a, b = (request.args.get("a") or "").strip(), (request.args.get("b") or "").strip()
    if not (a and b and ":a" in sql and ":b" in sql):
        return ""
    href = page_path(datasette, database, "dyad", a.upper() if len(a) == 3 else a, b.upper() if len(b) == 3 else b)
    return _DYAD_LINK % (_js_string(href), _js_string(f"Timeline of {a} ⇄ {b} by month"))


def _js_string(value: str) -> str:
    """A JSON string safe inside <script> (no '<', '>' or '&' to close the element)."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@hookimpl
def extra_body_script(view_name, database, request, datasette):
    """Fold a table's column descriptions away; link a two-actor canned query to its dyad timeline."""
    if view_name not in ("table", "database") or request is None or not database:
        return ""
    return "\n".join((_FOLD_DESCRIPTIONS, _dyad_query_script(datasette, database, request)))


def reorder(display_columns, display_rows, table, datasette):
    """Columns (and each row's cells) with the table's ``first_columns`` first."""
    first = (config(datasette).get("first_columns") or {}).get(table) or []
    if not first:
        return display_columns, display_rows
    names = [c["name"] for c in display_columns]
    order = [names.index(n) for n in first if n in names]
    order += [i for i in range(len(names)) if i not in order]
    rows = []
    for row in display_rows:
        cells = list(row)
        rows.append([cells[i] for i in order] if len(cells) == len(names) else cells)
    return [display_columns[i] for i in order], rows


@hookimpl
def prepare_jinja2_environment(env, datasette):
    """dyadline's ``_table.html`` before Datasette's templates, its pages after them."""
    env.loader = ChoiceLoader([FileSystemLoader(str(OVERRIDES)), env.loader, FileSystemLoader(str(TEMPLATES))])
    env.globals["dyadline_reorder"] = lambda columns, rows, table: reorder(columns, rows, table, datasette)
    env.globals["dyadline_safe_url"] = safe_url
