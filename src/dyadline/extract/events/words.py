"""The event coder's word lists (``data/events_words.yaml``), extendable from a user's lexicon
file: a top-level ``words:`` mapping adds words to the lists of the same names."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from typing import Any

from dyadline.datafiles import data_path
from dyadline.extract.wordlists import check_lists, extend_lists, read_yaml_file


@dataclass(frozen=True)
class EventWords:
    """Lemmas the event coder's rules read; see the comments in ``data/events_words.yaml``."""

    light_verbs: frozenset[str]
    motion_verbs: frozenset[str]
    framing_verbs: frozenset[str]
    order_verbs: frozenset[str]
    negating_triggers: frozenset[str]
    charging_verbs: frozenset[str]
    relational_nouns: frozenset[str]
    boundary_nouns: frozenset[str]
    stative_passives: frozenset[str]
    agentive_passives: frozenset[str]
    desire_verbs: frozenset[str]
    institutions: frozenset[str]
    weapons: frozenset[str]
    state_titles: frozenset[str]
    hedge_adverbs: frozenset[str]
    future_governors: frozenset[str]
    intent_governors: frozenset[str]
    negative_governors: frozenset[str]
    denial_verbs: frozenset[str]
    hedge_governors: frozenset[str]
    report_verbs: frozenset[str]
    reaction_nouns: frozenset[str]
    need_verbs: frozenset[str]
    kin_nouns: frozenset[str]
    durative_adverbs: frozenset[str]
    no_home_words: frozenset[str]
    culpable_adjectives: frozenset[str]
    exercise_nouns: frozenset[str]
    harm_outcome_verbs: frozenset[str]
    cause_link_words: frozenset[str]
    custody_nouns: frozenset[str]
    agent_nouns: frozenset[str]

    def extended(self, label: str, section: Any) -> EventWords:
        """These lists with the words of a user file's ``words:`` section added."""
        return extend_lists(self, label, section, EVENT_FIELDS)


EVENT_FIELDS = tuple(f.name for f in fields(EventWords))


@functools.lru_cache(maxsize=1)
def shipped_event_words() -> EventWords:
    """The shipped lists (read once)."""
    path = data_path("events_words.yaml")
    return EventWords(**check_lists(str(path), read_yaml_file(path), EVENT_FIELDS, complete=True))
