"""Places: toponyms geocoded with an offline gazetteer (STUB, being written)."""
from __future__ import annotations

from spacy.tokens import Doc

from dyadline.records import Place


class PlaceResolver:
    def __init__(self, extra_paths=()):
        self.extra_paths = tuple(extra_paths)

    def find(self, doc: Doc) -> list[Place]:
        return []
