"""A trigger with its arguments, before it is coded as an event."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadline.extract.events.roles import Args
from dyadline.extract.events.triggers import TriggerMatch


@dataclass
class Candidate:
    """A trigger token, the lexicon entry it matched and the roles found for it."""

    match: TriggerMatch
    token: Token
    args: Args
