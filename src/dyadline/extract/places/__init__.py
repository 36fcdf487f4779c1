"""Places: toponyms geocoded against the offline gazetteer.

Entry point: :class:`PlaceResolver` (``resolver.py``). Inside: gazetteer entries
(``entries``), shipped and user sources (``sources``), the gazetteer index (``gazetteer``),
mention matching (``match``) and ranking of candidates (``rank``).
"""

from dyadline.extract.places.resolver import PlaceResolver

__all__ = ["PlaceResolver"]
