"""Speech: who each stretch of text is credited to, and the direct quotations.

Entry points: :func:`find_claims` (``claims.py``: said, according to, hedges) and
:func:`find_quotes` (``quotes.py``: quotation spans with speaker, cue and channel).
Inside: the cue lexicon and the :class:`Claim` type (``cues``), the per-document index
(``context``), who speaks (``speakers``) and through which channel or outlet (``channels``).
"""

from dyadline.extract.speech.claims import find_claims
from dyadline.extract.speech.cues import Claim, claim_for
from dyadline.extract.speech.quotes import find_quotes

__all__ = ["Claim", "claim_for", "find_claims", "find_quotes"]
