"""CAMEO TSV: the classic one-line-per-dyad layout of the KEDS/TABARI coders.

Columns ``CAMEO_FIELDS``: date (YYYYMMDD), source and target actor codes (country + sector of one
actor each, e.g. ``RUSGOV``), the CAMEO code, its Goldstein score and quad class, then the PLOVER
type, the event id and the evidence. One line per source-target pair, as in ``gdelt``.
"""

from __future__ import annotations

from dyadline.export._io import Dest, write_tsv
from dyadline.export.events import ActorRow, ExportEvent, export_events

CAMEO_FIELDS = ("date", "source", "target", "cameo", "goldstein", "quad_class", "plover", "event_id", "evidence")


def actor_code(actor: ActorRow | None) -> str:
    """One actor's code: its country (or IGO/NGO/...) followed by its sector."""
    return "" if actor is None else (actor.country or "") + (actor.sector or "")


def cameo_rows(ev: ExportEvent) -> list[dict]:
    """The CAMEO lines of one event: one per source-target pair."""
    e = ev.event
    day = (e.get("date_start") or ev.document.get("published") or "").replace("-", "")[:8]
    return [{"date": day, "source": actor_code(s), "target": actor_code(t), "cameo": e.get("cameo"),
             "goldstein": e.get("goldstein"), "quad_class": e.get("quad_class"), "plover": e.get("type"),
             "event_id": e["id"], "evidence": e.get("evidence_text")} for s, t in ev.dyads()]


def export_cameo(items, dest: Dest, *, header: bool = True) -> int:
    """Write CAMEO-coded dyads as TSV (a header line unless ``header=False``); return the lines written."""
    return write_tsv(dest, CAMEO_FIELDS, (row for ev in export_events(items) for row in cameo_rows(ev)), header=header)
