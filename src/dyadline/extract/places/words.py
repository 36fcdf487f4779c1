"""The toponym finder's word lists (``data/places_words.yaml``), extendable from a user's place
file: a top-level ``words:`` mapping adds words to the lists of the same names."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from typing import Any

from dyadline.datafiles import data_path
from dyadline.extract.wordlists import check_lists, extend_lists, read_yaml_file, with_user_words


@dataclass(frozen=True)
class PlaceWords:
    """Words the toponym finder reads; see the comments in ``data/places_words.yaml``."""

    generic_heads: frozenset[str]   # "Kursk region": a longer name may include them
    facility_heads: frozenset[str]  # "Atlantic Avenue": a street or building, not the place
    name_links: frozenset[str]      # "Isle of Man": lower-case words inside a name
    speech_verbs: frozenset[str]    # "Jordan said": a PERSON entity is a person

    def extended(self, label: str, section: Any) -> PlaceWords:
        """These lists with the words of a user file's ``words:`` section added."""
        return extend_lists(self, label, section, PLACE_FIELDS)


PLACE_FIELDS = tuple(f.name for f in fields(PlaceWords))


@functools.lru_cache(maxsize=1)
def shipped_place_words() -> PlaceWords:
    """The shipped lists (read once)."""
    path = data_path("places_words.yaml")
    return PlaceWords(**check_lists(str(path), read_yaml_file(path), PLACE_FIELDS, complete=True))


def place_words(extra_paths: tuple[str, ...] = ()) -> PlaceWords:
    """The shipped lists extended by the ``words:`` sections of the user's place files."""
    return with_user_words(shipped_place_words(), extra_paths, PLACE_FIELDS)
