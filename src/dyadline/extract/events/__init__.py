"""Events: PLOVER events whose arguments come from the other stages.

Entry point: :class:`EventExtractor` (``extractor.py``). Inside: the trigger lexicon
(``triggers``), source and target roles (``arguments``), modality (``modality``),
background and reported content (``background``) and cross-sentence context (``discourse``).
"""

from dyadline.extract.events.extractor import EventExtractor

__all__ = ["EventExtractor"]
