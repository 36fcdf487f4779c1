"""Attribution: which stretches of text are credited to whom (STUB, being written)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dyadline.records import Actor, Span


@dataclass(frozen=True)
class Claim:
    """Text in ``scope`` is credited to ``source`` through ``cue`` (said, according to, ...)."""

    scope: Span
    source: Actor | None
    cue: str
    cue_span: Span
    channel: str | None = None  # "letter", "statement", "social media" ...
    hedged: bool = False        # "reports suggest", "sources say", "reportedly"


def find_claims(doc: Doc, actors: list[Actor]) -> list[Claim]:
    return []


def claim_for(claims: list[Claim], span: Span) -> Claim | None:
    """The innermost claim whose scope contains ``span`` (the nearest source of a nested report)."""
    inside = [c for c in claims if c.scope[0] <= span[0] and span[1] <= c.scope[1]]
    return min(inside, key=lambda c: c.scope[1] - c.scope[0]) if inside else None
