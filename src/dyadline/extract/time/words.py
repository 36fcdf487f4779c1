"""The time finder's word lists (``data/time_words.yaml``): sets, one ordered list and one table
of day offsets, checked like the other word lists (a bad file raises ConfigError naming it)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from dyadline.datafiles import data_path
from dyadline.errors import ConfigError, Errors
from dyadline.extract.wordlists import check_lists, read_yaml_file

SETS = ("future_heads", "trap_words", "time_nouns", "last_words", "next_words")
ORDERED = ("present_words",)
OFFSETS = ("day_words",)


@dataclass(frozen=True)
class TimeWords:
    """Words the time finder reads; see the comments in ``data/time_words.yaml``."""

    future_heads: frozenset[str]
    trap_words: frozenset[str]
    time_nouns: frozenset[str]
    last_words: frozenset[str]
    next_words: frozenset[str]
    present_words: tuple[str, ...]  # ordered: tried in this order
    day_words: Mapping[str, int]    # word -> offset in days


def parse_time_words(label: str, data: Any) -> TimeWords:
    """``data`` checked as the time word lists (every list present)."""
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=label, reason="expected a mapping of word lists"))
    sets = check_lists(label, {k: v for k, v in data.items() if k not in ORDERED + OFFSETS}, SETS, complete=True)
    ordered = {k: _ordered(label, k, data.get(k)) for k in ORDERED}
    offsets = {k: _offsets(label, k, data.get(k)) for k in OFFSETS}
    return TimeWords(**sets, **ordered, **offsets)


def _ordered(label: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ConfigError(Errors.E004.format(path=label, entry=key, reason="an ordered list of words"))
    return tuple(x.lower() for x in value)


def _offsets(label: str, key: str, value: Any) -> Mapping[str, int]:
    if not isinstance(value, dict):
        raise ConfigError(Errors.E004.format(path=label, entry=key, reason="a mapping of words to day offsets"))
    bad = [w for w, n in value.items() if not isinstance(w, str) or isinstance(n, bool) or not isinstance(n, int)]
    if bad:
        raise ConfigError(Errors.E004.format(path=label, entry=bad[0], reason=f"{key} maps words to whole days"))
    return MappingProxyType({w.lower(): n for w, n in value.items()})


@functools.lru_cache(maxsize=1)
def time_words() -> TimeWords:
    """The shipped lists (read once)."""
    path = data_path("time_words.yaml")
    return parse_time_words(str(path), read_yaml_file(path))
