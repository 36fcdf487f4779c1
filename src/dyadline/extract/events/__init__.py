"""Events: PLOVER events whose arguments come from the other stages.

Entry point: :class:`EventExtractor` (``extractor.py``: the coder, sentence by sentence). Inside:

- ``triggers``    the trigger lexicon (``data/lexicon.yaml`` and users' files)
- ``words``       the coder's word lists (``data/events_words.yaml``, extended by users' ``words:``)
- ``roles``       Role (actors + how found, a :class:`~dyadline.extract.events.roles.Found` tag), Args, ActorIndex
- ``candidates``  a trigger token with the source and target the parse gives it
- ``arguments``   who and whom from the dependency parse (subject, object, PPs, inherited roles)
- ``modality``    asserted / hedged / negated / future / hypothetical
- ``policies``    recoding policies (request, refusal, intention, threat, protest in words)
- ``discourse``   arguments the parse leaves open, filled from places and context
- ``background``  events told only as content or background, dropped
- ``anchors``     evidence, date, place, confidence, and repeats
- ``context``     Candidate and the per-document DocContext
"""

from dyadline.extract.events.extractor import EventExtractor

__all__ = ["EventExtractor"]
