"""The store's tables, how records map onto them, and the migrations that create them.

Every migration runs in one transaction together with its row in ``schema_version``,
so a failed migration leaves the store as it was. ``migrate`` can run any number of
times: applied versions are skipped, and a store written by a newer dyadline is refused
(``Errors.E202``) instead of being half understood. ``docs/schema.md`` describes every
table and column.

``record_rows`` turns one (Article, Record) pair into rows for every table.
``EVENT_ROW`` is the flat event row (what ``Store.events`` returns and what the exporters
write): one list drives both the ``event_rows`` view and ``flat_event_rows``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from dyadline.errors import Errors, StoreError
from dyadline.explain import explain_text
from dyadline.records import MODALITIES, PLOVER_TYPES, Actor, Article, Event, Record, Span

SCHEMA_VERSION = 4

_SPAN = {"text": str, "start": int, "end": int}
_ACTOR = {"name": str, "country": str, "sector": str}

DOCUMENTS = {"id": str, "article_id": str, "title": str, "url": str, "published": str,
             "source_path": str, "text": str, "chars": int, "ingested_at": str}

EVENTS = {
    "id": str, "document_id": str, "position": int, "type": str, "mode": str, "cameo": str,
    "goldstein": float, "quad_class": int,
    "date_text": str, "date_value": str, "date_start": str, "date_end": str, "modality": str,
    "source": str, "source_name": str, "source_country": str, "source_sector": str,
    "target": str, "target_name": str, "target_country": str, "target_sector": str,
    "attributed_to": str, "attributed_name": str, "attributed_country": str, "attributed_sector": str,
    "location_name": str, "location_country": str, "lat": float, "lon": float, "geonameid": int,
    "evidence_text": str, "evidence_start": int, "evidence_end": int, "confidence": float,
}

EVENT_ACTORS = {"event_id": str, "role": str, "position": int, **_SPAN, **_ACTOR, "how": str}

QUOTES = {"id": str, "document_id": str, "position": int, **_SPAN,
          "speaker": str, "speaker_text": str, "speaker_name": str, "speaker_country": str,
          "speaker_sector": str, "cue": str,
          "attributed_to": str, "attributed_name": str, "attributed_country": str, "attributed_sector": str}

TIMES = {"id": str, "document_id": str, "position": int, **_SPAN,
         "value": str, "date_start": str, "date_end": str}

PLACES = {"id": str, "document_id": str, "position": int, **_SPAN,
          "name": str, "country": str, "lat": float, "lon": float, "geonameid": int}

ACTORS = {"id": str, "document_id": str, "position": int, **_SPAN, **_ACTOR, "how": str}

# Version 3: why each event was coded (what `dyadline explain` prints), written at ingest.
EXPLANATIONS = {"event_id": str, "rule": str, "trigger": str, "arguments": str, "text": str}

# Version 3: an analyst's verdicts on events. Never written at ingest and never overwrites the
# machine coding: `verdict` is right, wrong or corrected (with the corrected fields set).
REVIEWS = {"id": int, "event_id": str, "verdict": str, "corrected_type": str, "corrected_source": str,
           "corrected_target": str, "note": str, "reviewer": str, "created_at": str}
VERDICTS = ("right", "wrong", "corrected")

V1_TABLES: dict[str, dict[str, type]] = {
    "documents": DOCUMENTS, "events": EVENTS, "event_actors": EVENT_ACTORS, "quotes": QUOTES,
    "times": TIMES, "places": PLACES, "actors": ACTORS,
}
# The tables ingest writes, in insertion order.
TABLES: dict[str, dict[str, type]] = {**V1_TABLES, "explanations": EXPLANATIONS}

_DOC_FK = [("document_id", "documents", "id")]
_PKS = {"event_actors": ("event_id", "role", "position")}
_FKS = {"events": _DOC_FK, "event_actors": [("event_id", "events", "id")], "quotes": _DOC_FK,
        "explanations": [("event_id", "events", "id")], "reviews": [("event_id", "events", "id")],
        "times": _DOC_FK, "places": _DOC_FK, "actors": _DOC_FK}
_NOT_NULL = {"documents": {"text"}, "events": {"document_id", "type"}, "event_actors": {"role"},
             "quotes": {"document_id"}, "times": {"document_id"}, "places": {"document_id"},
             "actors": {"document_id"}}

_INDEXES = (
    ("events", ["type"]), ("events", ["source_country", "target_country"]), ("events", ["date_start"]),
    ("events", ["document_id"]), ("event_actors", ["country"]), ("event_actors", ["name"]),
    ("quotes", ["document_id"]), ("quotes", ["speaker_name"]), ("times", ["document_id"]),
    ("places", ["document_id"]), ("actors", ["document_id"]), ("documents", ["published"]),
)


@dataclass(frozen=True)
class RowColumn:
    """One column of the flat event row: its name, where it comes from, and its type."""

    name: str
    table: str  # "events" or "documents"
    column: str
    type: type


def _event_col(name: str, column: str | None = None) -> RowColumn:
    return RowColumn(name, "events", column or name, EVENTS[column or name])


EVENT_ROW: tuple[RowColumn, ...] = (
    *(_event_col(n) for n in (
        "id", "document_id", "position", "type", "mode", "cameo", "goldstein", "quad_class",
        "date_text", "date_value", "date_start", "date_end", "modality",
        "source", "source_name", "source_country", "source_sector",
        "target", "target_name", "target_country", "target_sector",
        "attributed_to", "attributed_country")),
    _event_col("location", "location_name"),
    *(_event_col(n) for n in ("location_country", "lat", "lon", "geonameid")),
    _event_col("evidence", "evidence_text"),
    *(_event_col(n) for n in ("evidence_start", "evidence_end", "confidence")),
    RowColumn("title", "documents", "title", str),
    RowColumn("published", "documents", "published", str),
    RowColumn("url", "documents", "url", str),
)
EVENT_ROW_FIELDS: tuple[str, ...] = tuple(c.name for c in EVENT_ROW)


def event_rows_sql() -> str:
    """The SELECT behind the ``event_rows`` view: events with their document's title and date."""
    alias = {"events": "e", "documents": "d"}
    cols = ", ".join(f'{alias[c.table]}."{c.column}" AS "{c.name}"' for c in EVENT_ROW)
    return f"SELECT {cols} FROM events e JOIN documents d ON d.id = e.document_id"


DYADS_V1_SQL = """SELECT s.country AS source_country, t.country AS target_country,
  COUNT(DISTINCT s.event_id) AS events
FROM event_actors s JOIN event_actors t ON t.event_id = s.event_id AND t.role = 'target'
WHERE s.role = 'source' AND s.country IS NOT NULL AND t.country IS NOT NULL
GROUP BY s.country, t.country ORDER BY events DESC, source_country, target_country"""
# Version 2: in a reciprocal event ("Japan and the Philippines signed") each mention is both
# source and target; pairing a mention with itself made a false JPN -> JPN dyad.
DYADS_SQL = """SELECT s.country AS source_country, t.country AS target_country,
  COUNT(DISTINCT s.event_id) AS events
FROM event_actors s JOIN event_actors t ON t.event_id = s.event_id AND t.role = 'target'
WHERE s.role = 'source' AND s.country IS NOT NULL AND t.country IS NOT NULL
  AND NOT (s.start IS t.start AND s."end" IS t."end" AND s.country = t.country)
GROUP BY s.country, t.country ORDER BY events DESC, source_country, target_country"""


@dataclass(frozen=True)
class Migration:
    """One numbered, transactional change to the schema."""

    version: int
    name: str
    apply: Callable[[Database], None]


def _create_tables(db: Database) -> None:
    for name, columns in V1_TABLES.items():
        db[name].create(columns, pk=_PKS.get(name, "id"), foreign_keys=_FKS.get(name),
                        not_null=_NOT_NULL.get(name))
    for table, columns in _INDEXES:
        db[table].create_index(columns, if_not_exists=True)
    db["documents"].enable_fts(["title", "text"], create_triggers=True)
    db["quotes"].enable_fts(["text", "speaker_name"], create_triggers=True)
    db.create_view("event_rows", event_rows_sql())
    db.create_view("dyads", DYADS_V1_SQL)


def _dyads_without_self_pairs(db: Database) -> None:
    db.create_view("dyads", DYADS_SQL, replace=True)


def _explanations_and_reviews(db: Database) -> None:
    db["explanations"].create(EXPLANATIONS, pk="event_id", foreign_keys=_FKS["explanations"])
    db["reviews"].create(REVIEWS, pk="id", foreign_keys=_FKS["reviews"],
                         not_null={"event_id", "verdict", "reviewer", "created_at"})
    db["reviews"].create_index(["event_id"], if_not_exists=True)


def _event_clusters(db: Database) -> None:
    from dyadline.store.clusters import CLUSTER_COLUMNS, MEMBER_COLUMNS

    db["event_clusters"].create(CLUSTER_COLUMNS, pk="id", foreign_keys=[("representative", "events", "id")],
                                not_null={"representative"})
    db["event_cluster_members"].create(MEMBER_COLUMNS, pk="event_id",
                                       foreign_keys=[("event_id", "events", "id"),
                                                     ("cluster_id", "event_clusters", "id")],
                                       not_null={"cluster_id"})
    db["event_cluster_members"].create_index(["cluster_id"], if_not_exists=True)
    db["event_clusters"].create_index(["mentions"], if_not_exists=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial: documents, events, event_actors, quotes, times, places, actors", _create_tables),
    Migration(2, "dyads: a reciprocal event's actor is not paired with itself", _dyads_without_self_pairs),
    Migration(3, "explanations of each event; reviews by analysts", _explanations_and_reviews),
    Migration(4, "event clusters: mentions of one real-world event across articles", _event_clusters),
)


def _ensure_version_table(db: Database) -> None:
    if not db["schema_version"].exists():
        with db.atomic():
            db["schema_version"].create({"version": int, "name": str, "applied_at": str}, pk="version")


def current_version(db: Database) -> int:
    """The highest schema version applied to ``db`` (0 for a new store)."""
    if not db["schema_version"].exists():
        return 0
    return db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]


def migrate(db: Database, *, path: str) -> int:
    """Apply pending migrations in order, each in its own transaction; return the version reached.

    A migration is pending when its version has no row in ``schema_version`` (so a store that
    skipped a number, written by a branch that lacked it, still gets it)."""
    found = current_version(db)
    if found > SCHEMA_VERSION:
        raise StoreError(Errors.E202.format(path=path, found=found, known=SCHEMA_VERSION))
    _ensure_version_table(db)
    applied = {r[0] for r in db.execute("SELECT version FROM schema_version")}
    for m in MIGRATIONS:
        if m.version in applied:
            continue
        with db.atomic():
            m.apply(db)
            db["schema_version"].insert({"version": m.version, "name": m.name,
                                         "applied_at": dt.datetime.now(dt.timezone.utc).isoformat()})
    return current_version(db)


# --- records to rows -------------------------------------------------------------------------

def doc_hash(text: str) -> str:
    """The document key: a content hash of the text (line endings and outer blanks ignored)."""
    norm = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def actor_label(actor: Actor) -> str:
    """A readable one-line actor: "RUS GOV Vladimir Putin"."""
    return " ".join(x for x in (actor.country, actor.sector, actor.name or actor.text) if x)


def _distinct(values) -> str | None:
    kept = list(dict.fromkeys(v for v in values if v))
    return ";".join(kept) or None


def _side(prefix: str, actors: tuple[Actor, ...]) -> dict:
    return {prefix: "; ".join(actor_label(a) for a in actors) or None,
            f"{prefix}_name": _distinct(a.name or a.text for a in actors),
            f"{prefix}_country": _distinct(a.country for a in actors),
            f"{prefix}_sector": _distinct(a.sector for a in actors)}


def _one(prefix: str, actor: Actor | None) -> dict:
    return _side(prefix, (actor,) if actor else ())


def _span(span: Span | None) -> dict:
    return {"start": span[0] if span else None, "end": span[1] if span else None}


def _actor_row(actor: Actor) -> dict:
    return {"text": actor.text, **_span(actor.span), "name": actor.name, "country": actor.country,
            "sector": actor.sector, "how": actor.how}


def event_row(doc_id: str, position: int, event: Event) -> dict:
    """The ``events`` row for one event of a document."""
    d, loc, ev = event.date, event.location, event.evidence
    attributed = _one("attributed", event.attributed_to)
    attributed["attributed_to"] = attributed.pop("attributed")
    return {
        "id": f"{doc_id}-e{position}", "document_id": doc_id, "position": position, "type": event.type,
        "mode": event.mode, "cameo": event.cameo, "goldstein": event.goldstein, "quad_class": event.quad_class,
        "date_text": d.text if d else None, "date_value": d.value if d else None,
        "date_start": d.start if d else None, "date_end": d.end if d else None, "modality": event.modality,
        **_side("source", event.source), **_side("target", event.target), **attributed,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "evidence_text": ev.text, "evidence_start": ev.span[0], "evidence_end": ev.span[1],
        "confidence": float(event.confidence),
    }


def _event_actor_rows(event_id: str, event: Event) -> list[dict]:
    return [{"event_id": event_id, "role": role, "position": i, **_actor_row(a)}
            for role, actors in (("source", event.source), ("target", event.target))
            for i, a in enumerate(actors)]


def _quote_row(doc_id: str, i: int, q) -> dict:
    speaker = _one("speaker", q.speaker)
    attributed = _one("attributed", q.attributed_to)
    attributed["attributed_to"] = attributed.pop("attributed")
    return {"id": f"{doc_id}-q{i}", "document_id": doc_id, "position": i, "text": q.text, **_span(q.span),
            **speaker, "speaker_text": q.speaker.text if q.speaker else None, "cue": q.cue, **attributed}


def document_row(doc_id: str, article: Article, *, ingested_at: str) -> dict:
    """The ``documents`` row for an article."""
    return {"id": doc_id, "article_id": article.id, "title": article.title, "url": article.url,
            "published": article.published, "source_path": article.source_path, "text": article.text,
            "chars": len(article.text), "ingested_at": ingested_at}


def record_rows(article: Article, record: Record, *, ingested_at: str = "") -> dict[str, list[dict]]:
    """Rows for every table from one coded article, keyed by table name (in insertion order)."""
    doc_id = doc_hash(article.text)
    events = [event_row(doc_id, i, e) for i, e in enumerate(record.events)]
    return {
        "documents": [document_row(doc_id, article, ingested_at=ingested_at)],
        "events": events,
        "event_actors": [r for row, e in zip(events, record.events, strict=True)
                         for r in _event_actor_rows(row["id"], e)],
        "quotes": [_quote_row(doc_id, i, q) for i, q in enumerate(record.quotes)],
        "times": [{"id": f"{doc_id}-t{i}", "document_id": doc_id, "position": i, "text": t.text,
                   **_span(t.span), "value": t.value, "date_start": t.start, "date_end": t.end}
                  for i, t in enumerate(record.times)],
        "places": [{"id": f"{doc_id}-p{i}", "document_id": doc_id, "position": i, "text": p.text,
                    **_span(p.span), "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                    "geonameid": p.geonameid} for i, p in enumerate(record.places)],
        "actors": [{"id": f"{doc_id}-a{i}", "document_id": doc_id, "position": i, **_actor_row(a)}
                   for i, a in enumerate(record.actors)],
        "explanations": [explanation_row(row["id"], e) for row, e in zip(events, record.events, strict=True)
                         if e.explanation is not None],
    }


def explanation_row(event_id: str, event: Event) -> dict:
    """The ``explanations`` row of one event: its rule, trigger, argument paths and the `explain` text."""
    how = event.explanation
    return {"event_id": event_id, "rule": how.rule, "trigger": how.trigger,
            "arguments": json.dumps([list(a) for a in how.arguments], ensure_ascii=False),
            "text": explain_text(event)}


def flat_event_rows(article: Article, record: Record) -> list[dict]:
    """The flat event rows (``EVENT_ROW``) of one coded article, as ``Store.events`` returns them."""
    rows = record_rows(article, record)
    doc = rows["documents"][0]
    return [{c.name: (ev if c.table == "events" else doc)[c.column] for c in EVENT_ROW} for ev in rows["events"]]


def _spans(record: Record):
    for e in record.events:
        yield "event evidence", e.evidence.span
        yield from (("event actor", a.span) for a in (*e.source, *e.target, e.attributed_to) if a)
    yield from (("quote", q.span) for q in record.quotes)
    yield from (("time", t.span) for t in record.times)
    yield from (("place", p.span) for p in record.places)
    yield from (("actor", a.span) for a in record.actors)


def check_pair(article: Article, record: Record) -> str | None:
    """Why this pair cannot be stored (None when it can): empty text, unknown type, spans off the text."""
    if not article.text.strip():
        return "the document text is empty"
    for e in record.events:
        if e.type not in PLOVER_TYPES:
            return f"unknown PLOVER event type {e.type!r}"
        if e.modality not in MODALITIES:
            return f"unknown modality {e.modality!r}"
    n = len(article.text)
    for what, span in _spans(record):
        if span is not None and not 0 <= span[0] <= span[1] <= n:
            return f"{what} span {list(span)} lies outside the text (0-{n})"
    return None
