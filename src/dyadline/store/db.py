"""Store: coded articles in SQLite (WAL, foreign keys, migrations), written in batches.

Documents are keyed by a content hash of their text, so adding an article that is already
stored adds nothing. Each batch is one transaction, and every pair of a batch is checked
before the batch is written: a bad record never leaves half a batch behind, and never
touches what earlier batches stored.

Several processes can write to one store at once: every write transaction starts with
``BEGIN IMMEDIATE`` (it takes the write lock first, so the busy timeout applies instead of
failing at once with "database is locked"), and which documents are already stored is
decided inside that transaction, so two writers never store the same document twice.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Literal, NamedTuple

from sqlite_utils import Database

from dyadline.errors import ContractError, Errors, InputError, StoreError
from dyadline.records import Article, Record
from dyadline.store.reviews import KEPT_IDS, Review, add_review, reviewed_rows
from dyadline.store.schema import SCHEMA_VERSION, TABLES, check_pair, current_version, doc_hash, migrate, record_rows

log = logging.getLogger(__name__)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INSERT = {name: "INSERT INTO [{}] ({}) VALUES ({})".format(
    name, ", ".join(f"[{c}]" for c in columns), ", ".join("?" * len(columns))) for name, columns in TABLES.items()}
_INGEST_ORDER = "(SELECT rowid FROM documents WHERE documents.id = event_rows.document_id)"
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})?$")
_HASH = re.compile(r"^[0-9a-f]{16}$")
BUSY_TIMEOUT_MS = 120_000  # how long a writer waits for another writer's transaction to end


@dataclass(frozen=True)
class Rejection:
    """A pair that was not stored, and why."""

    id: str
    reason: str


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add_many`` did: documents added, documents already present, events added."""

    added: int = 0
    skipped: int = 0
    events: int = 0
    rejected: tuple[Rejection, ...] = ()


class Dyad(NamedTuple):
    """A source country, a target country, and how many events link them."""

    source_country: str
    target_country: str
    count: int


@dataclass(frozen=True)
class Summary:
    """Counts over the whole store."""

    documents: int
    events: int
    events_by_type: dict[str, int] = field(default_factory=dict)
    top_dyads: list[Dyad] = field(default_factory=list)
    quotes: int = 0


def _batches(items: Iterable, size: int, max_seconds: float | None = None) -> Iterator[list]:
    """Lists of at most ``size`` items; with ``max_seconds``, a batch also ends once it is that old."""
    if max_seconds is None:
        it = iter(items)
        while batch := list(islice(it, size)):
            yield batch
        return
    batch, started = [], time.monotonic()
    for item in items:
        if not batch:
            started = time.monotonic()
        batch.append(item)
        if len(batch) >= size or time.monotonic() - started >= max_seconds:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def immediate(db: Database) -> Iterator[None]:
    """A write transaction that takes the write lock at once (``BEGIN IMMEDIATE``), waiting up to the busy timeout."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    db.conn.commit()


def _open(path: str) -> Database:
    memory = path == ":memory:"
    try:
        db = Database(memory=True, execute_plugins=False) if memory else Database(path, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            db.enable_wal()
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise StoreError(Errors.E201.format(path=path, reason=e)) from e
    return db


def _bound(value: str | None, name: str, *, end: bool) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound as a full date: the first or (end=True) last day."""
    if value is None:
        return None
    m = _DATE.match(str(value).strip())
    if not m:
        raise InputError(Errors.E204.format(name=name, value=value))
    y, mo, d = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    day = int(d) if d else (calendar.monthrange(y, mo)[1] if end else 1)
    try:
        return dt.date(y, mo, day).isoformat()
    except ValueError:
        raise InputError(Errors.E204.format(name=name, value=value)) from None


def _actor_filter(actor: str) -> tuple[str, list]:
    """SQL matching events with a source or target actor given by code or by name."""
    value = actor.strip()
    if _CODE.match(value):
        cond, params = "country = ?", [value]
        if len(value) == 6:
            cond, params = "(country = ? AND sector = ?)", [value[:3], value[3:]]
    else:
        cond, params = "(name LIKE ? OR text LIKE ?)", [f"%{value}%"] * 2
    return f"id IN (SELECT event_id FROM event_actors WHERE {cond})", params


class Store:
    """A dyadline SQLite store: ``Store("dyadline.db")`` or ``Store(":memory:")``."""

    def __init__(self, path: str | Path = "dyadline.db"):
        self.path = str(path)
        self.db = _open(self.path)
        try:
            self.version = self._migrate()
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise StoreError(Errors.E201.format(path=self.path, reason=e)) from e
        except StoreError:
            self.db.close()
            raise

    doc_hash = staticmethod(doc_hash)

    def _migrate(self) -> int:
        """Bring the schema up to date; under the write lock, so two processes opening a new store do not race."""
        if current_version(self.db) == SCHEMA_VERSION:
            return SCHEMA_VERSION
        with immediate(self.db):
            return migrate(self.db, path=self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (the store stays on disk)."""
        self.db.close()

    def has_document(self, text_or_hash: str) -> bool:
        """Whether a document (given by its text or its content hash) is stored."""
        keys = {doc_hash(text_or_hash)}
        if _HASH.match(text_or_hash):
            keys.add(text_or_hash)
        marks = ",".join("?" * len(keys))
        return self.db.execute(f"SELECT 1 FROM documents WHERE id IN ({marks})", list(keys)).fetchone() is not None

    def add(self, article: Article, record: Record) -> AddResult:
        """Store one coded article (nothing happens if its text is already stored)."""
        return self.add_many([(article, record)])

    def add_many(self, pairs: Iterable[tuple[Article, Record]], *, batch_size: int = 100,
                 on_error: Literal["raise", "skip"] = "raise", max_seconds: float | None = None) -> AddResult:
        """Store coded articles, one transaction per batch; known documents are skipped entirely.

        ``pairs`` is consumed as it comes (a generator stays a stream); a batch is written when
        it holds ``batch_size`` pairs or, with ``max_seconds``, once it is that old.
        A pair that cannot be stored raises ContractError before its batch is written
        (earlier batches stay), or with ``on_error="skip"`` is logged and reported in ``rejected``.
        """
        added = skipped = events = 0
        rejected: list[Rejection] = []
        for batch in _batches(pairs, max(1, batch_size), max_seconds):
            tables, n_skipped, bad = self._write_batch(batch, on_error)
            added += len(tables["documents"])
            events += len(tables["events"])
            skipped += n_skipped
            rejected.extend(bad)
        log.debug("stored %d documents (%d events), skipped %d", added, events, skipped)
        return AddResult(added=added, skipped=skipped, events=events, rejected=tuple(rejected))

    def _write_batch(self, batch: list, on_error: str) -> tuple[dict[str, list[dict]], int, list[Rejection]]:
        """Check and write one batch in one write transaction; what is stored is decided inside it."""
        try:
            with immediate(self.db):
                tables, n_skipped, bad = self._batch_rows(batch, on_error)
                for name, columns in TABLES.items():
                    if tables[name]:
                        self.db.conn.executemany(_INSERT[name], [[r[c] for c in columns] for r in tables[name]])
        except sqlite3.DatabaseError as e:
            raise StoreError(Errors.E203.format(path=self.path, reason=e)) from e
        return tables, n_skipped, bad

    def _batch_rows(self, batch: list, on_error: str) -> tuple[dict[str, list[dict]], int, list[Rejection]]:
        known = self._known({doc_hash(a.text) for a, _ in batch})
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        tables: dict[str, list[dict]] = {name: [] for name in TABLES}
        skipped, bad = 0, []
        for article, record in batch:
            key = doc_hash(article.text)
            if key in known:
                skipped += 1
                continue
            reason = check_pair(article, record)
            if reason:
                if on_error != "skip":
                    raise ContractError(Errors.E301.format(id=article.id, reason=reason))
                log.warning(Errors.E301.format(id=article.id, reason=reason))
                bad.append(Rejection(article.id, reason))
                continue
            known.add(key)
            for name, rows in record_rows(article, record, ingested_at=now).items():
                tables[name].extend(rows)
        return tables, skipped, bad

    def _known(self, keys: set[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _batches(sorted(keys), 500):  # stay under SQLite's bound-parameter limit
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def events(self, *, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = None, reviewed: bool = False,
               min_confidence: float | None = None) -> list[dict]:
        """Flat event rows (``schema.EVENT_ROW``), oldest first, filtered by actor, type and dates.

        ``reviewed=True`` keeps only events whose latest review is right or corrected, with
        the corrections applied (``store.reviews``). ``min_confidence`` keeps events whose
        confidence (the estimated probability that the event is right) is at least that.

        ``actor`` is a country code (``RUS``), a country+sector code (``RUSGOV``), or else a
        name substring (any case), matched against every source and target actor. ``since``/``until`` keep
        events whose date interval (else the article's date) overlaps the range.
        """
        where, params = [], []
        if actor:
            clause, values = _actor_filter(actor)
            where.append(clause)
            params += values
        if type:
            where.append("type = ?")
            params.append(type.strip().upper())
        if since:
            where.append("COALESCE(date_end, date_start, published) >= ?")
            params.append(_bound(since, "since", end=False))
        if until:
            where.append("COALESCE(date_start, published) <= ?")
            params.append(_bound(until, "until", end=True))
        if reviewed:
            where.append(f"id IN ({KEPT_IDS})")
        if min_confidence is not None:
            where.append("confidence >= ?")
            params.append(min_confidence)
        sql = "SELECT * FROM event_rows" + (" WHERE " + " AND ".join(where) if where else "")
        sql += f" ORDER BY COALESCE(date_start, published), {_INGEST_ORDER}, position"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = list(self.db.query(sql, params))
        return reviewed_rows(self.db, rows) if reviewed else rows

    def add_review(self, review: Review) -> Review:
        """Store an analyst's review of an event (InputError for a bad review or an unknown event)."""
        return add_review(self.db, review)

    def quotes(self, *, speaker: str | None = None, since: str | None = None,
               limit: int | None = None) -> list[dict]:
        """Quotes with their document's title and date; ``speaker`` matches a name, mention or country."""
        where, params = [], []
        if speaker:
            where.append("(q.speaker_name LIKE ? OR q.speaker_text LIKE ? OR q.speaker_country = ?)")
            params += [f"%{speaker.strip()}%", f"%{speaker.strip()}%", speaker.strip().upper()]
        if since:
            where.append("d.published >= ?")
            params.append(_bound(since, "since", end=False))
        sql = ("SELECT q.*, d.title, d.published, d.url FROM quotes q JOIN documents d ON d.id = q.document_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY d.published, d.rowid, q.position")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return list(self.db.query(sql, params))

    def summary(self, *, top: int = 10) -> Summary:
        """Documents, events and quotes counted, events per type, and the busiest dyads."""
        count = self.db.execute
        by_type = dict(count("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY COUNT(*) DESC, type"))
        dyads = [Dyad(*r) for r in count("SELECT * FROM dyads LIMIT ?", [int(top)])]
        return Summary(documents=count("SELECT COUNT(*) FROM documents").fetchone()[0],
                       events=count("SELECT COUNT(*) FROM events").fetchone()[0],
                       events_by_type=by_type, top_dyads=dyads,
                       quotes=count("SELECT COUNT(*) FROM quotes").fetchone()[0])

