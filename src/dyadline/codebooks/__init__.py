"""Codebooks: the fixed vocabularies every layer codes against, below everything else.

- :mod:`~dyadline.codebooks.plover`: PLOVER event types, actor sectors, modalities
- :mod:`~dyadline.codebooks.cameo`: CAMEO codes, Goldstein scores, quad classes, PLOVER crosswalk
- :mod:`~dyadline.codebooks.countries`: ISO 3166 countries with names, demonyms, metonyms

Codebooks import nothing from :mod:`dyadline` but errors, data files and YAML loading.
"""

from dyadline.codebooks.cameo import cameo_for, goldstein, plover_of, quad_class
from dyadline.codebooks.countries import load_countries
from dyadline.codebooks.plover import MODALITIES, NON_STATE_CODES, PLOVER_TYPES, SECTORS

__all__ = ["MODALITIES", "NON_STATE_CODES", "PLOVER_TYPES", "SECTORS", "cameo_for", "goldstein",
           "load_countries", "plover_of", "quad_class"]
