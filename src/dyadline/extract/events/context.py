"""What the event coder works on: one document's context, and a trigger with its arguments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyadline.extract.events.roles import ActorIndex, Args
from dyadline.extract.events.triggers import Lexicon, TriggerMatch
from dyadline.extract.speech.cues import Claim
from dyadline.records import Event, Place, Time


@dataclass
class Candidate:
    """A trigger token, the lexicon entry it matched and the roles found for it."""

    match: TriggerMatch
    token: Token
    args: Args


@dataclass
class DocContext:
    """One document as the event coder sees it: the parse, the other stages' output, the
    lexicon, and the events coded so far (``prior``, which the coder extends)."""

    doc: Doc
    text: str  # doc.text, built once (spaCy rebuilds it on every access)
    idx: ActorIndex
    lexicon: Lexicon
    times: list[Time]
    places: list[Place]
    claims: list[Claim]
    published: dt.date | None
    prior: list[Event] = field(default_factory=list)
