"""Every spaCy registration of dyadline, in one place.

- ``dyadline`` (factory): the component that codes a Doc into a Record (``nlp/component.py``).
  Its one setting, ``extractors``, is a versioned registered function, so a saved pipeline's
  config.cfg says exactly what it was built with::

      [components.dyadline]
      factory = "dyadline"

      [components.dyadline.extractors]
      @misc = "dyadline.extractors.v1"
      actor_files = []
      place_files = []
      lexicon_files = []
      config = null

- ``dyadline.extractors.v1`` (misc): loads the knowledge base, gazetteer and lexicon with the
  user's files, like the CLI's ``--actors``/``--places``/``--lexicon``/``--config``.
- ``dyadline_lemma_fixes`` (component): corrects verb lemmas of the small English model.

spaCy finds the ``dyadline`` factory through the ``spacy_factories`` entry point, so
``nlp.add_pipe("dyadline")`` works without importing dyadline first.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.util import registry

from dyadline.extract.collect import Extractors
from dyadline.nlp.component import REQUIRES, DyadlineComponent
from dyadline.nlp.lemmas import fix_lemmas
from dyadline.settings import Settings

EXTRACTORS = "dyadline.extractors.v1"
DEFAULT_EXTRACTORS = {"@misc": EXTRACTORS, "actor_files": [], "place_files": [], "lexicon_files": [], "config": None}


@registry.misc(EXTRACTORS)
def make_extractors(actor_files: list[str] = (), place_files: list[str] = (), lexicon_files: list[str] = (),
                    config: str | None = None) -> Extractors:
    """The extractors, with user actor, place and lexicon files (and a settings file) as the CLI takes them.

    Loaded once per process for the same arguments, so the component and ``Pipeline.extractors``
    share one knowledge base. Nothing but the files named here is read (no ./dyadline.toml, no
    environment), unless ``config`` names a settings file: then it is read as ``--config`` is.
    """
    return _extractors(tuple(actor_files), tuple(place_files), tuple(lexicon_files), config)


@functools.lru_cache(maxsize=4)
def _extractors(actor_files: tuple[str, ...], place_files: tuple[str, ...], lexicon_files: tuple[str, ...],
                config: str | None) -> Extractors:
    files = {"actor_files": actor_files, "place_files": place_files, "lexicon_files": lexicon_files}
    settings = Settings.load(config, **files) if config else Settings(**files)
    from dyadline.cache import load_extractors  # the compiled cache of the knowledge base, gazetteer and lexicon

    return load_extractors(settings)[0]


@Language.factory("dyadline", default_config={"extractors": DEFAULT_EXTRACTORS}, requires=list(REQUIRES),
                  assigns=["doc._.dyadline", "doc.spans"])
def make_dyadline(nlp: Language, name: str, extractors: Extractors) -> DyadlineComponent:
    """Create the dyadline component (``nlp.add_pipe("dyadline")``)."""
    return DyadlineComponent(name, extractors, model=nlp.meta.get("name") or nlp.lang)


Language.component("dyadline_lemma_fixes", requires=["token.lemma", "token.pos"], assigns=["token.lemma"],
                   func=fix_lemmas)
