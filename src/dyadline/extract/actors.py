"""Actors: find mentions of political actors in a Doc and resolve them (STUB, being written)."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dyadline.records import Actor


class ActorResolver:
    def __init__(self, extra_paths=()):
        self.extra_paths = tuple(extra_paths)

    def resolve(self, text: str, context: str | None = None, date: dt.date | None = None) -> Actor:
        return Actor(text=text)

    def search(self, name: str) -> list[dict]:
        return []

    def find(self, doc: Doc, published: dt.date | None = None) -> list[Actor]:
        return []
