"""Events: PLOVER event coding from the parse (STUB, being written)."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dyadline.extract.attribution import Claim
from dyadline.records import Actor, Event, Place, Time


class EventExtractor:
    def __init__(self, extra_paths=()):
        self.extra_paths = tuple(extra_paths)

    def find(self, doc: Doc, *, actors: list[Actor], times: list[Time], places: list[Place],
             claims: list[Claim], published: dt.date | None) -> list[Event]:
        return []
