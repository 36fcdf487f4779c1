"""Quotes: direct quotations with speaker, cue and channel (STUB, being written)."""
from __future__ import annotations

from spacy.tokens import Doc

from dyadline.extract.attribution import Claim
from dyadline.records import Actor, Quote


def find_quotes(doc: Doc, actors: list[Actor], claims: list[Claim]) -> list[Quote]:
    return []
