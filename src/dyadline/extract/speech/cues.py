"""The attribution lexicon (``data/cues.yaml``) and the :class:`Claim` every speech step hands on."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from dyadline.datafiles import data_path
from dyadline.errors import ConfigError, Errors
from dyadline.extract.wordlists import media_words
from dyadline.records import Actor, Span
from dyadline.yamlfile import load_yaml

CUES_FILE = data_path("cues.yaml")
CUE_LISTS = ("report_verbs", "clause_verbs", "framing_verbs", "relay_verbs", "channel_nouns", "hedge_subjects",
             "hedge_adverbs", "hedge_passives", "group_nouns", "title_nouns", "audience_words")


@dataclass(frozen=True)
class Claim:
    """Text in ``scope`` is credited to ``source`` through ``cue`` (said, according to, ...)."""

    scope: Span
    source: Actor | None
    cue: str
    cue_span: Span
    channel: str | None = None  # "letter", "statement", "social media" ...
    hedged: bool = False        # "reports suggest", "sources say", "reportedly"
    kind: str = "report"        # report | according | relay | hedge | quote
    via: Actor | None = None    # the outlet that carried it: "according to KCNA", "carried by Xinhua"


@dataclass(frozen=True)
class Cues:
    """The attribution lexicon (``data/cues.yaml``): lemmas and phrases, lower case."""

    report_verbs: frozenset[str]
    clause_verbs: frozenset[str]
    framing_verbs: frozenset[str]
    relay_verbs: frozenset[str]
    channel_nouns: frozenset[str]
    hedge_subjects: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_passives: frozenset[str]
    group_nouns: frozenset[str]
    title_nouns: frozenset[str]
    audience_words: frozenset[str]
    media_words: frozenset[str]  # from data/media_words.yaml, beside the actor layer's outlet_name_words


@functools.lru_cache(maxsize=8)
def load_cues(path: Path = CUES_FILE) -> Cues:
    """Read (once) the cue lexicon; a bad file raises ConfigError naming it."""
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from e
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a mapping of lists"))
    lists = {}
    for key in CUE_LISTS:
        items = data.get(key)
        if not isinstance(items, list):
            raise ConfigError(Errors.E004.format(path=path, entry=key, reason="missing, or not a list"))
        bad = [x for x in items if not isinstance(x, str)]
        if bad:
            raise ConfigError(Errors.E004.format(path=path, entry=bad[0], reason=f"{key} holds strings only"))
        lists[key] = frozenset(x.lower() for x in items)
    return Cues(**lists, media_words=media_words().media_words)


def claim_for(claims: list[Claim], span: Span) -> Claim | None:
    """The innermost claim whose scope contains ``span`` (the nearest source of a nested report)."""
    inside = [c for c in claims if c.scope[0] <= span[0] and span[1] <= c.scope[1]]
    # equal scopes ("X said that, according to Y, ..."): the later cue is the nearer source
    return min(inside, key=lambda c: (c.scope[1] - c.scope[0], -c.cue_span[0])) if inside else None
