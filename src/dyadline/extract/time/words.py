"""The time finder's word lists (``data/time_words.yaml``): sets, ordered lists and tables of
numbers, checked like the other word lists (a bad file raises ConfigError naming it)."""

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
ORDERED = ("present_words", "tens", "ordinal_tails")
OFFSETS = ("day_words", "decade_words")
SPANS = ("vague_words",)


@dataclass(frozen=True)
class TimeWords:
    """Words the time finder reads; see the comments in ``data/time_words.yaml``."""

    future_heads: frozenset[str]
    trap_words: frozenset[str]
    time_nouns: frozenset[str]
    last_words: frozenset[str]
    next_words: frozenset[str]
    present_words: tuple[str, ...]  # ordered: tried in this order
    tens: tuple[str, ...]           # ordered
    ordinal_tails: tuple[str, ...]  # ordered
    day_words: Mapping[str, int]    # word -> offset in days
    decade_words: Mapping[str, int]  # word -> tens digit
    vague_words: Mapping[str, tuple[str, int]]  # word -> (past | future, reach in days)


def parse_time_words(label: str, data: Any) -> TimeWords:
    """``data`` checked as the time word lists (every list present)."""
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=label, reason="expected a mapping of word lists"))
    sets = check_lists(label, {k: v for k, v in data.items() if k not in ORDERED + OFFSETS + SPANS}, SETS,
                       complete=True)
    ordered = {k: _ordered(label, k, data.get(k)) for k in ORDERED}
    offsets = {k: _offsets(label, k, data.get(k)) for k in OFFSETS}
    spans = {k: _spans(label, k, data.get(k)) for k in SPANS}
    return TimeWords(**sets, **ordered, **offsets, **spans)


def _ordered(label: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ConfigError(Errors.E004.format(path=label, entry=key, reason="an ordered list of words"))
    return tuple(x.lower() for x in value)


def _offsets(label: str, key: str, value: Any) -> Mapping[str, int]:
    if not isinstance(value, dict):
        raise ConfigError(Errors.E004.format(path=label, entry=key, reason="a mapping of words to whole numbers"))
    bad = [w for w, n in value.items() if not isinstance(w, str) or isinstance(n, bool) or not isinstance(n, int)]
    if bad:
        raise ConfigError(Errors.E004.format(path=label, entry=bad[0], reason=f"{key} maps words to whole numbers"))
    return MappingProxyType({w.lower(): n for w, n in value.items()})


def _spans(label: str, key: str, value: Any) -> Mapping[str, tuple[str, int]]:
    if not isinstance(value, dict):
        raise ConfigError(Errors.E004.format(path=label, entry=key, reason="a mapping of words to [past|future, days]"))
    for w, v in value.items():
        if not (isinstance(w, str) and isinstance(v, list) and len(v) == 2 and v[0] in ("past", "future")
                and isinstance(v[1], int) and not isinstance(v[1], bool)):
            raise ConfigError(Errors.E004.format(path=label, entry=w, reason=f"{key} maps words to [past|future, days]"))
    return MappingProxyType({w.lower(): (v[0], v[1]) for w, v in value.items()})


@functools.lru_cache(maxsize=1)
def time_words() -> TimeWords:
    """The shipped lists (read once)."""
    path = data_path("time_words.yaml")
    return parse_time_words(str(path), read_yaml_file(path))
