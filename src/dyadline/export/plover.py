"""PLOVER JSON Lines: one event per line, with the field names of the PLOVER manual ("Data Fields").

Every line carries all of ``PLOVER_FIELDS`` (null where dyadline knows nothing) and then the
dyadline extensions ``PLOVER_EXTENSIONS``, which the manual allows ("providers should feel free to
include named fields beyond those provided"). ``source`` and ``recipient`` are lists of actor
objects (``ACTOR_FIELDS`` plus the extension ``span``); a compound actor is one list, and in a
reciprocal event every actor is a source and there is no recipient, as the manual asks.
"""

from __future__ import annotations

import json

from dyadline.export import codes
from dyadline.export._io import Dest, text_out
from dyadline.export.events import ActorRow, ExportEvent, export_events

PLOVER_FIELDS = (
    "id", "has_event", "date", "time", "enddate", "endtime", "source", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
)
PLOVER_EXTENSIONS = ("modality", "attribution", "confidence", "cameo")
ACTOR_FIELDS = ("code", "sector", "actor_text", "identifier_id", "identifier_text")
LOCATION_FIELDS = ("geonameid", "name", "latitude", "longitude", "country code", "cc3")
CITE_FIELDS = ("citation", "url", "title", "language", "coder")


def coder() -> str:
    """The ``coder`` value: this package and its version."""
    from dyadline import __version__

    return f"dyadline {__version__}"


def plover_actor(actor: ActorRow) -> dict:
    """A PLOVER actor object for one per-actor row."""
    span = [actor.start, actor.end] if actor.start is not None else None
    return {"code": actor.country, "sector": actor.sector, "actor_text": actor.text, "identifier_id": None,
            "identifier_text": actor.name, "span": span}


def _attribution(event: dict) -> dict | None:
    if not event.get("attributed_to"):
        return None
    return {"code": event.get("attributed_country"), "sector": event.get("attributed_sector"), "actor_text": None,
            "identifier_id": None, "identifier_text": event.get("attributed_name"), "span": None}


def _location(event: dict) -> dict | None:
    if event.get("lat") is None:
        return None
    iso3 = event.get("location_country")
    c = codes.country(iso3)
    return {"geonameid": event.get("geonameid"), "name": event.get("location_name"), "latitude": event["lat"],
            "longitude": event.get("lon"), "country code": c.iso2 if c else None, "cc3": iso3}


def _coded(ingested_at: str | None) -> tuple[str | None, str | None]:
    if not ingested_at:
        return None, None
    day, _, time = ingested_at.partition("T")
    return day, (time.replace("+00:00", "Z") or None)


def plover_event(ev: ExportEvent) -> dict:
    """One export event as a PLOVER record (``PLOVER_FIELDS`` then ``PLOVER_EXTENSIONS``)."""
    e, doc = ev.event, ev.document
    coded_date, coded_time = _coded(doc.get("ingested_at"))
    record = dict.fromkeys(PLOVER_FIELDS)
    record.update({
        "id": e["id"], "has_event": True, "date": e.get("date_start") or doc.get("published"),
        "enddate": e.get("date_end"), "source": [plover_actor(a) for a in ev.sources],
        "recipient": [plover_actor(a) for a in ev.recipients], "event": [e["type"]], "event_loc": _location(e),
        "event_text": [e.get("evidence_text")], "quad_code": codes.plover_quad(e["type"]),
        "event_scale": e.get("goldstein"), "mode": [e["mode"]] if e.get("mode") else [], "context": [],
        "text_info": {"start": e.get("evidence_start"), "end": e.get("evidence_end")},
        "cite_info": {"citation": doc.get("id"), "url": doc.get("url"), "title": doc.get("title"),
                      "language": "en", "coder": coder(), "published": doc.get("published")},
        "coder": coder(), "coded_date": coded_date, "coded_time": coded_time,
    })
    record.update({"modality": e.get("modality"), "attribution": _attribution(e), "confidence": e.get("confidence"),
                   "cameo": e.get("cameo")})
    return record


def export_plover(items, dest: Dest) -> int:
    """Write PLOVER JSON Lines (one event per line) from a Store or (Article, Record) pairs."""
    n = 0
    with text_out(dest) as f:
        for ev in export_events(items):
            f.write(json.dumps(plover_event(ev), ensure_ascii=False) + "\n")
            n += 1
    return n
