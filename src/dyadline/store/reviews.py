"""Analysts' reviews of coded events: stored beside the machine coding, never over it.

A review says an event is ``right``, ``wrong``, or ``corrected`` (a new type, source or target).
The latest review of an event is the one that counts. ``reviewed_rows`` keeps only events whose
latest review is right or corrected, with the corrections applied to the flat event rows.
Corrected actors are codes: ``RUS``, ``RUS GOV`` or ``RUSGOV`` (country, then PLOVER sector).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from dyadline.errors import Errors, InputError
from dyadline.records import PLOVER_TYPES, SECTORS
from dyadline.store.schema import VERDICTS

_ACTOR_CODE = re.compile(r"^([A-Z]{3})\s*([A-Z]{3})?$")
LATEST = "SELECT r.* FROM reviews r WHERE r.id = (SELECT MAX(r2.id) FROM reviews r2 WHERE r2.event_id = r.event_id)"
KEPT_IDS = f"SELECT event_id FROM ({LATEST}) WHERE verdict IN ('right', 'corrected')"


@dataclass(frozen=True)
class Review:
    """One analyst's verdict on one event (``created_at`` is set when it is stored)."""

    event_id: str
    verdict: str
    reviewer: str
    corrected_type: str | None = None
    corrected_source: str | None = None
    corrected_target: str | None = None
    note: str | None = None
    created_at: str | None = None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _actor_code(value: str | None, role: str) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    m = _ACTOR_CODE.match(value.upper())
    if not m or (m[2] and m[2] not in SECTORS):
        raise InputError(Errors.E206.format(reason=f"corrected {role} must be a code like RUS or RUS GOV, got {value!r}"))
    return " ".join(x for x in (m[1], m[2]) if x)


def checked(review: Review) -> Review:
    """The review with its fields tidied, or InputError (E206) naming what is wrong."""
    verdict = (review.verdict or "").strip().lower()
    if verdict not in VERDICTS:
        raise InputError(Errors.E206.format(reason=f"verdict must be one of {', '.join(VERDICTS)}, got {review.verdict!r}"))
    reviewer = _clean(review.reviewer)
    if reviewer is None:
        raise InputError(Errors.E206.format(reason="a review needs a reviewer"))
    type_ = _clean(review.corrected_type)
    type_ = type_.upper() if type_ else None
    if type_ and type_ not in PLOVER_TYPES:
        raise InputError(Errors.E206.format(reason=f"unknown PLOVER type {type_!r}"))
    source = _actor_code(review.corrected_source, "source")
    target = _actor_code(review.corrected_target, "target")
    corrections = (type_, source, target)
    if verdict == "corrected" and not any(corrections):
        raise InputError(Errors.E206.format(reason="a correction needs a corrected type, source or target"))
    if verdict != "corrected" and any(corrections):
        raise InputError(Errors.E206.format(reason=f"a review marked {verdict!r} carries no corrections"))
    return Review(review.event_id, verdict, reviewer, type_, source, target, _clean(review.note), review.created_at)


def add_review(db: Database, review: Review) -> Review:
    """Check and store a review of an existing event; return it as stored."""
    review = checked(review)
    if db.execute("SELECT 1 FROM events WHERE id = ?", [review.event_id]).fetchone() is None:
        raise InputError(Errors.E205.format(id=review.event_id))
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    stored = Review(**{**asdict(review), "created_at": now})
    with db.atomic():
        db["reviews"].insert(asdict(stored))
    return stored


def latest_reviews(db: Database, event_ids: list[str]) -> dict[str, Review]:
    """The latest review of each of ``event_ids`` that has one."""
    out: dict[str, Review] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT * FROM ({LATEST}) WHERE event_id IN ({marks})", chunk):
            row.pop("id")
            out[row["event_id"]] = Review(**row)
    return out


def _set_actor(row: dict, role: str, code: str) -> None:
    country, _, sector = code.partition(" ")
    row.update({role: code, f"{role}_name": None, f"{role}_country": country, f"{role}_sector": sector or None})


def corrected_row(row: dict, review: Review) -> dict:
    """A flat event row with a review's corrections applied (CAMEO fields are cleared with a new type)."""
    row = dict(row)
    if review.corrected_type and review.corrected_type != row.get("type"):
        row.update({"type": review.corrected_type, "mode": None, "cameo": None, "goldstein": None,
                    "quad_class": None})
    if review.corrected_source:
        _set_actor(row, "source", review.corrected_source)
    if review.corrected_target:
        _set_actor(row, "target", review.corrected_target)
    return row


def reviewed_rows(db: Database, rows: list[dict]) -> list[dict]:
    """Rows whose latest review is right (as they are) or corrected (corrections applied)."""
    reviews = latest_reviews(db, [r["id"] for r in rows])
    kept = [(r, reviews.get(r["id"])) for r in rows]
    return [corrected_row(r, rev) if rev.verdict == "corrected" else r
            for r, rev in kept if rev is not None and rev.verdict in ("right", "corrected")]
