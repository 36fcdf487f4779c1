"""Why an event was coded, as text: what `dyadline explain` prints and what ingest stores.

``explain_text(event)`` reads the event's :class:`~dyadline.records.Explanation` (the rule
that fired, its trigger and how each argument was found) and the coding it led to.
"""

from __future__ import annotations

from dyadline.records import Actor, Event


def _who(actors: tuple[Actor, ...]) -> str:
    return " + ".join(f"{a.text} ({a.country or '?'}/{a.sector or '?'})" for a in actors) or "-"


def explain_lines(event: Event) -> list[str]:
    """The lines that explain one event: coding, evidence, arguments, then rule, trigger and argument paths."""
    e = event
    lines = [e.type + (f" / {e.mode}" if e.mode else "") + (f"  CAMEO {e.cameo}" if e.cameo else "")
             + f"  {e.modality}  confidence {e.confidence:.2f}",
             f"evidence: {e.evidence.text!r}", f"source: {_who(e.source)}", f"target: {_who(e.target)}"]
    if e.date:
        lines.append(f"date: {e.date.text or 'publication date'} -> {e.date.start}..{e.date.end}")
    if e.explanation is None:
        return [*lines, "(no explanation recorded)"]
    lines += [f"rule: {e.explanation.rule}", f"trigger: {e.explanation.trigger!r}"]
    return lines + [f"{role}: {how}" for role, how in e.explanation.arguments]


def explain_text(event: Event) -> str:
    """``explain_lines`` joined into one block of text."""
    return "\n".join(explain_lines(event))
