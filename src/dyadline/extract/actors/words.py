"""The mention finder's word lists (``data/actors_words.yaml``), extendable from a user's actor
file: a top-level ``words:`` mapping adds words to the lists of the same names."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from typing import Any

from dyadline.datafiles import data_path
from dyadline.extract.wordlists import check_lists, extend_lists, media_words, read_yaml_file, with_user_words


@dataclass(frozen=True)
class ActorWords:
    """Words the mention finder reads; see the comments in ``data/actors_words.yaml`` (and, for
    ``outlet_name_words``, ``data/media_words.yaml``)."""

    stance_adjectives: frozenset[str]
    pair_nouns: frozenset[str]
    country_nouns: frozenset[str]
    group_nouns: frozenset[str]
    org_heads: frozenset[str]
    outlet_name_words: frozenset[str]
    collective_nouns: frozenset[str]
    directed_prepositions: frozenset[str]
    # read once at import by the modules that use them (shipped only, not extendable yet)
    name_particles: frozenset[str]
    stance_prefixes: frozenset[str]
    sponsor_words: frozenset[str]
    control_words: frozenset[str]
    phrase_boundaries: frozenset[str]
    people_group_words: frozenset[str]
    residence_words: frozenset[str]
    locative_prepositions: frozenset[str]
    belonging_prepositions: frozenset[str]

    def extended(self, label: str, section: Any) -> ActorWords:
        """These lists with the words of a user file's ``words:`` section added (the extendable ones)."""
        return extend_lists(self, label, section, EXTENDABLE)


ACTOR_FIELDS = tuple(f.name for f in fields(ActorWords))
EXTENDABLE = ACTOR_FIELDS[:ACTOR_FIELDS.index("name_particles")]  # the mention finder reads these per resolver


@functools.lru_cache(maxsize=1)
def shipped_actor_words() -> ActorWords:
    """The shipped lists (read once)."""
    path = data_path("actors_words.yaml")
    own = tuple(f for f in ACTOR_FIELDS if f != "outlet_name_words")  # shipped beside media_words
    lists = check_lists(str(path), read_yaml_file(path), own, complete=True)
    return ActorWords(**lists, outlet_name_words=media_words().outlet_name_words)


def actor_words(extra_paths: tuple[str, ...] = ()) -> ActorWords:
    """The shipped lists extended by the ``words:`` sections of the user's actor files."""
    return with_user_words(shipped_actor_words(), extra_paths, EXTENDABLE)
