"""Actors: entity and noun-phrase mentions resolved to name, country and sector, with coreference.

Entry point: :class:`ActorResolver` (``resolver.py``). Inside: the knowledge base (``kb``),
sector terms (``terms``), the word lexicon (``lexicon``), titles (``titles``), peoples and
groups (``groups``), titled people (``people``), phrase coding (``phrase``), mention finding
(``mentions``), coreference (``coref``) and the pronoun resolver later stages ask (``pronouns``:
coreference's answer first, then a search of the text).
"""

from dyadline.extract.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
