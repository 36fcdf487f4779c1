"""Every extracted span of an article, cut into segments the article page can mark.

Spans of different kinds (and of the same kind) may overlap: a quote holds actors, an event's
evidence holds a time and a place. ``segments`` cuts the text at every span boundary, so each
segment knows every span that covers it and nothing is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("event", "actor", "quote", "time", "place")


@dataclass(frozen=True)
class Mark:
    """One extracted span: its kind, row id, offsets and what it was coded as (one line)."""

    kind: str
    id: str
    start: int
    end: int
    coding: str
    label: str = ""  # a short tag (an event's type)


@dataclass(frozen=True)
class Segment:
    """A stretch of text, the spans covering it, and the spans that start at it."""

    text: str
    marks: tuple[Mark, ...] = ()
    starts: tuple[Mark, ...] = ()
    ends: tuple[Mark, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k in KINDS if any(m.kind == k for m in self.marks))

    @property
    def title(self) -> str:
        return "\n".join(f"{m.kind}: {m.coding}" for m in self.marks)


def _join(*parts) -> str:
    return " ".join(str(p) for p in parts if p not in (None, ""))


def _coding(kind: str, row: dict) -> str:
    if kind == "event":
        return _join(row["type"], f"{row.get('source') or '?'} → {row.get('target') or '?'}",
                     f"({row.get('modality')})" if row.get("modality") else "")
    if kind == "actor":
        return _join(row.get("country"), row.get("sector"), row.get("name")) or "unresolved"
    if kind == "quote":
        return f"speaker: {row.get('speaker') or 'unknown'}" + (f" (cue: {row['cue']})" if row.get("cue") else "")
    if kind == "time":
        return _join(row.get("value"), f"{row.get('date_start')}..{row.get('date_end')}")
    return _join(row.get("name"), row.get("country"),
                 f"{row['lat']:.2f}, {row['lon']:.2f}" if row.get("lat") is not None else "",
                 f"geonames {row['geonameid']}" if row.get("geonameid") else "")


def marks_from_rows(events: list[dict], spans: dict[str, list[dict]]) -> list[Mark]:
    """Marks for an article's events (evidence offsets) and its actor, quote, time and place rows."""
    out = [Mark("event", e["id"], e["evidence_start"], e["evidence_end"], _coding("event", e), e["type"])
           for e in events
           if e.get("evidence_start") is not None and e.get("evidence_end") is not None]
    for kind, rows in spans.items():
        out += [Mark(kind, r["id"], r["start"], r["end"], _coding(kind, r)) for r in rows
                if r.get("start") is not None and r.get("end") is not None]
    return out


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; the segments cover the text exactly, in order."""
    good = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in good), *(m.end for m in good)})
    ordered = sorted(good, key=lambda m: (m.start, -m.end, KINDS.index(m.kind) if m.kind in KINDS else 99))
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(m for m in ordered if m.start <= a and m.end >= b)
        out.append(Segment(text[a:b], covering, tuple(m for m in covering if m.start == a),
                           tuple(m for m in covering if m.end == b)))
    return out


def counts(marks: list[Mark]) -> dict[str, int]:
    """How many marks of each kind (every kind listed, in order)."""
    return {k: sum(1 for m in marks if m.kind == k) for k in KINDS}
