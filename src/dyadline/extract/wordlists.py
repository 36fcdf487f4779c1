"""Word lists as data: read and check a YAML mapping of named lists (``data/words.yaml``,
``data/events_words.yaml``, and the ``words:`` section of a user's lexicon file).

Each named entry is a list of strings, or a mapping of strings to strings (a word and its class,
e.g. a pronoun and its gender). A bad file raises ConfigError naming the file and the entry.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from dyadline.datafiles import data_path
from dyadline.errors import ConfigError, Errors
from dyadline.yamlfile import load_yaml


def read_yaml_file(path: Path) -> Any:
    """The parsed YAML of ``path``; ConfigError naming it when it cannot be read."""
    try:
        return load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from e


def check_lists(label: str, data: Any, known: tuple[str, ...], *, complete: bool) -> dict[str, Any]:
    """``data`` checked as a mapping of ``known`` names to word lists (or word -> class mappings),
    lower-cased; ``complete`` when every known name must be there (a shipped file)."""
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=label, reason="expected a mapping of word lists"))
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(Errors.E004.format(path=label, entry=unknown[0], reason=f"not a word list ({', '.join(known)})"))
    missing = [k for k in known if k not in data]
    if complete and missing:
        raise ConfigError(Errors.E004.format(path=label, entry=missing[0], reason="missing"))
    return {key: _words(label, key, value) for key, value in data.items()}


def extend_lists(lists, label: str, section: Any, extendable: tuple[str, ...]):
    """A copy of the word-list dataclass ``lists`` with a user file's ``words:`` section added to
    the ``extendable`` lists of the same names (ConfigError naming ``label`` for a bad entry)."""
    more = check_lists(label, section, extendable, complete=False)
    return replace(lists, **{k: getattr(lists, k) | v for k, v in more.items()})


def with_user_words(lists, extra_paths: tuple[str, ...], extendable: tuple[str, ...]):
    """``lists`` extended by the ``words:`` sections of the user's data files ``extra_paths``."""
    for path in extra_paths:
        data = read_yaml_file(path)
        if isinstance(data, dict) and "words" in data:
            lists = extend_lists(lists, str(path), data["words"], extendable)
    return lists


def _words(label: str, key: str, value: Any) -> frozenset[str] | Mapping[str, str]:
    items = value.items() if isinstance(value, dict) else value if isinstance(value, list) else None
    if items is None:
        raise ConfigError(Errors.E004.format(path=label, entry=key, reason="a list of words, or a mapping of words"))
    flat = [x for pair in items for x in pair] if isinstance(value, dict) else list(items)
    bad = [x for x in flat if not isinstance(x, str)]
    if bad:
        raise ConfigError(Errors.E004.format(path=label, entry=bad[0], reason=f"{key} holds words (strings) only"))
    if isinstance(value, dict):
        return MappingProxyType({k.lower(): v.lower() for k, v in value.items()})
    return frozenset(x.lower() for x in value)


@dataclass(frozen=True)
class GrammarWords:
    """Closed classes of English several stages ask about (``data/words.yaml``), each defined once."""

    relative_pronouns: frozenset[str]
    gendered_pronouns: Mapping[str, str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    first_person: Mapping[str, str]
    second_person: frozenset[str]
    future_modals: frozenset[str]
    hedge_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    negators: frozenset[str]
    conditional_marks: frozenset[str]
    possessive_determiners: frozenset[str]
    reflexive_pronouns: frozenset[str]

    @property
    def pronouns(self) -> frozenset[str]:
        """Every personal pronoun."""
        return frozenset(self.gendered_pronouns) | self.plural_pronouns | self.neuter_pronouns | \
            frozenset(self.first_person) | self.second_person

    @property
    def group_pronouns(self) -> frozenset[str]:
        """Pronouns a group or institution speaks or is spoken of with: they, it, we."""
        return self.plural_pronouns | self.neuter_pronouns | \
            frozenset(w for w, number in self.first_person.items() if number == "plural")


GRAMMAR_FIELDS = tuple(GrammarWords.__dataclass_fields__)


@functools.lru_cache(maxsize=1)
def grammar_words() -> GrammarWords:
    """The shipped grammatical word classes (read once)."""
    path = data_path("words.yaml")
    return GrammarWords(**check_lists(str(path), read_yaml_file(path), GRAMMAR_FIELDS, complete=True))


@dataclass(frozen=True)
class MediaWords:
    """The news media's two word lists (``data/media_words.yaml``), side by side: why they differ
    is written there."""

    outlet_name_words: frozenset[str]  # a capitalised name is an outlet's (actor mentions)
    media_words: frozenset[str]        # whom someone "told" is a medium (attribution)


MEDIA_FIELDS = tuple(MediaWords.__dataclass_fields__)


@functools.lru_cache(maxsize=1)
def media_words() -> MediaWords:
    """The shipped news-media word lists (read once)."""
    path = data_path("media_words.yaml")
    return MediaWords(**check_lists(str(path), read_yaml_file(path), MEDIA_FIELDS, complete=True))
