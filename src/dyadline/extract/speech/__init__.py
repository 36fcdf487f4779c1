"""Speech: who each stretch of text is credited to, and the direct quotations.

Entry points: :func:`find_claims` (``claims.py``: said, according to, hedges) and
:func:`find_quotes` (``quotes.py``: quotation spans with speaker, cue and channel).
"""

from dyadline.extract.speech.claims import Claim, find_claims
from dyadline.extract.speech.quotes import find_quotes

__all__ = ["Claim", "find_claims", "find_quotes"]
