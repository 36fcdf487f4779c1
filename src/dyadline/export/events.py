"""What the exporters read: each event with its per-actor rows, its document and its counts.

The standard formats are built from the per-actor rows (the ``event_actors`` table), never from
the ";"-joined lists of the flat event row, so a compound actor stays a list of whole actors:
(no country, GOV) + (RUS, MIL) is two actors, not "RUSGOV". ``ExportEvent.dyads`` pairs every
source with every target (one GDELT/CAMEO row each); in a reciprocal event ("Japan and the
Philippines signed") each mention is source and target, and a mention is never paired with itself.

``export_events`` reads a ``Store``, ``(Article, Record)`` pairs or ``ExportEvent`` objects.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from dyadline.errors import ContractError, Errors
from dyadline.export.counts import ONCE, Counts, cluster_counts
from dyadline.records import Article
from dyadline.store.schema import EVENT_ACTORS, EVENT_ROW, EVENTS, record_rows

DOCUMENT_FIELDS = ("id", "title", "url", "published", "ingested_at")
_BATCH = 500
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_EVENTS_SQL = """SELECT e.*, d.title, d.url, d.published, d.ingested_at FROM events e
JOIN documents d ON d.id = e.document_id ORDER BY COALESCE(e.date_start, d.published), d.rowid, e.position"""


@dataclass(frozen=True)
class ActorRow:
    """One actor of an event (a row of ``event_actors``): role, order, mention and resolution."""

    role: str
    position: int
    text: str | None = None
    start: int | None = None
    end: int | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None

    def same_mention(self, other: ActorRow) -> bool:
        """Whether both rows are the same mention resolved the same way (a reciprocal event's actor is
        source and target); one mention resolved to several countries ("they": ARM, AZE) is several actors."""
        if self.start is None or other.start is None:
            return (self.text, self.name, self.country) == (other.text, other.name, other.country)
        return (self.start, self.end, self.country) == (other.start, other.end, other.country)

    @classmethod
    def from_row(cls, row: dict) -> ActorRow:
        return cls(role=row["role"], position=row["position"], text=row.get("text"), start=row.get("start"),
                   end=row.get("end"), name=row.get("name"), country=row.get("country"), sector=row.get("sector"))


Dyad = tuple[ActorRow | None, ActorRow | None]


@dataclass(frozen=True)
class ExportEvent:
    """One stored event: its ``events`` row, its document, its actors, where the lead ends, its counts."""

    event: dict
    document: dict
    actors: tuple[ActorRow, ...] = ()
    lead_end: int | None = None  # end offset of the document's lead paragraph
    counts: Counts = field(default=ONCE)

    @property
    def sources(self) -> tuple[ActorRow, ...]:
        return tuple(a for a in self.actors if a.role == "source")

    @property
    def targets(self) -> tuple[ActorRow, ...]:
        return tuple(a for a in self.actors if a.role == "target")

    @property
    def recipients(self) -> tuple[ActorRow, ...]:
        """Targets that are not also sources (PLOVER lists a reciprocal event's actors as sources only)."""
        return tuple(t for t in self.targets if not any(t.same_mention(s) for s in self.sources))

    @property
    def is_root(self) -> bool:
        """Whether the evidence starts in the lead paragraph."""
        start = self.event.get("evidence_start")
        return start is not None and self.lead_end is not None and start < self.lead_end

    def dyads(self) -> list[Dyad]:
        """Every (source, target) pair; None stands for a missing side. At least one pair."""
        pairs = [(s, t) for s in self.sources or (None,) for t in self.targets or (None,)
                 if not (s and t and s.same_mention(t))]
        return pairs or [(self.sources[0], None)]

    @property
    def flat(self) -> dict:
        """The flat event row (``schema.EVENT_ROW``), as ``Store.events`` returns it."""
        return {c.name: (self.event if c.table == "events" else self.document).get(c.column) for c in EVENT_ROW}


def lead_end(text: str) -> int:
    """Where the lead paragraph of ``text`` ends: at the first blank line, else the first line break."""
    start = len(text) - len(text.lstrip())
    m = _BLANK_LINE.search(text, start)
    if m:
        return m.start()
    nl = text.find("\n", start)
    return nl if nl >= 0 else len(text)


def events_from_pair(article: Article, record, *, ingested_at: str = "") -> list[ExportEvent]:
    """The export events of one coded article that is not (or not yet) in a store."""
    rows = record_rows(article, record, ingested_at=ingested_at)
    doc = {k: rows["documents"][0][k] for k in DOCUMENT_FIELDS}
    actors: dict[str, list[ActorRow]] = defaultdict(list)
    for row in rows["event_actors"]:
        actors[row["event_id"]].append(ActorRow.from_row(row))
    lead = lead_end(article.text)
    return [ExportEvent(ev, doc, tuple(actors[ev["id"]]), lead) for ev in rows["events"]]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def events_from_store(store) -> Iterator[ExportEvent]:
    """Every event of a store, oldest first (as ``Store.events`` orders them), with its actors."""
    db = store.db
    counts = cluster_counts(db)
    leads: dict[str, int] = {}
    cursor = db.execute(_EVENTS_SQL)
    names = [d[0] for d in cursor.description]
    for chunk in _chunks(cursor, _BATCH):
        rows = [dict(zip(names, r, strict=True)) for r in chunk]
        ids = [r["id"] for r in rows]
        actors: dict[str, list[ActorRow]] = defaultdict(list)
        marks = ",".join("?" * len(ids))
        cols = ", ".join(f'"{c}"' for c in EVENT_ACTORS)
        for a in db.query(f"SELECT {cols} FROM event_actors WHERE event_id IN ({marks}) ORDER BY event_id, role, position", ids):
            actors[a["event_id"]].append(ActorRow.from_row(a))
        new = sorted({r["document_id"] for r in rows} - set(leads))
        if new:
            marks = ",".join("?" * len(new))
            leads.update((d, lead_end(t)) for d, t in db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", new))
        for r in rows:
            doc = {"id": r["document_id"], **{k: r[k] for k in DOCUMENT_FIELDS[1:]}}
            yield ExportEvent({k: r[k] for k in EVENTS}, doc, tuple(actors[r["id"]]), leads.get(r["document_id"]),
                              counts.get(r["id"], ONCE))


def _is_store(items) -> bool:
    return hasattr(items, "db") and hasattr(items, "events")


def export_events(items) -> Iterator[ExportEvent]:
    """Export events from a ``Store``, or from ``(Article, Record)`` pairs and ``ExportEvent`` objects."""
    if _is_store(items):
        yield from events_from_store(items)
        return
    for item in items:
        if isinstance(item, ExportEvent):
            yield item
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Article):
            yield from events_from_pair(*item)
        else:
            raise ContractError(Errors.E601.format(got=type(item).__name__))


def reviewed_events(store, *, reviewed: bool = True, min_confidence: float | None = None) -> Iterator[ExportEvent]:
    """The store's events whose latest review is right or corrected, with the corrections applied
    (a corrected type clears the CAMEO coding, a corrected source or target, "RUS GOV", replaces
    that side's actors with the analyst's code); with ``min_confidence``, only events at least
    that confident."""
    from dyadline.store.reviews import latest_reviews

    for chunk in _chunks(events_from_store(store), _BATCH):
        if min_confidence is not None:
            chunk = [e for e in chunk if (e.event.get("confidence") or 0.0) >= min_confidence]
        reviews = latest_reviews(store.db, [e.event["id"] for e in chunk]) if reviewed else {}
        for ev in chunk:
            review = reviews.get(ev.event["id"])
            if not reviewed:
                yield ev
            elif review is not None and review.verdict in ("right", "corrected"):
                yield _corrected(ev, review)


def _corrected(ev: ExportEvent, review) -> ExportEvent:
    event, actors = dict(ev.event), list(ev.actors)
    if review.corrected_type and review.corrected_type != event.get("type"):
        event.update(type=review.corrected_type, mode=None, cameo=None, goldstein=None, quad_class=None)
    for role, code in (("source", review.corrected_source), ("target", review.corrected_target)):
        if code:
            country, _, sector = code.partition(" ")
            actors = [a for a in actors if a.role != role] + [ActorRow(role, 0, text=code, country=country,
                                                                       sector=sector or None)]
    return replace(ev, event=event, actors=tuple(actors))
