"""Roles: the actors that fill a source or target, and how they were found.

``Role.found`` is the machine tag (a :class:`Found`) that coding decisions read;
``Role.how`` is the sentence ``dyadline explain`` prints, built from it by :meth:`Role.tag`.
No code reads ``how``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from spacy.tokens import Doc, Token

from dyadline.extract.events.words import EventWords, shipped_event_words
from dyadline.records import Actor


class Found(Enum):
    """How a role was found. The value is the explanation template: ``{0}``, ``{1}`` ... are the
    words it names, ``{how}`` the explanation of the role it was derived from."""

    NONE = ""
    # from the trigger's own clause
    NOUN_PHRASE = "noun phrase"
    SUBJECT = "subject '{0}'"
    MISPARSED_SUBJECT = "the actor before the verb, parsed as '{0}' ('{1}')"
    PASSIVE_AGENT = "passive agent 'by {0}'"
    STATIVE_SUBJECT = "subject of '{0}' (a state, not a passive)"
    RELATIVE_ANTECEDENT = "antecedent of relative '{0}'"
    OBJECT = "object '{0}'"
    PASSIVE_SUBJECT = "passive subject '{0}'"
    PREP_OBJECT = "prepositional object '{0} {1}'"          # {0}: the preposition
    OBJECT_PP = "'{0} {1} {2}'"                              # a PP on the direct object
    INDIRECT_OBJECT = "indirect object '{0}'"
    PURPOSE_CLAUSE = "purpose clause '{0}': {how}"
    OBJECT_POSSESSOR = "possessor in the object '{0}'"
    PARTICIPLE_NOUN = "noun modified by the participle: '{0}'"
    ORDERER = "subject of '{0}', who orders it: {how}"
    ORDERED = "object of '{0}'"
    CHARGED = "the one '{0}' concerns: {how}"
    VICTIM = "the one who '{0}' of it: '{1}'"
    # of a nominal trigger
    POSSESSOR = "possessor '{0}'"
    OWNER_POSSESSOR = "possessor of '{0}'"
    MODIFIER = "modifier '{0}'"
    NOUN_PREP = "'{0} {1}'"
    BETWEEN = "'between {0} ...'"
    # from a governing clause
    OBJECT_CONTROL = "object of '{0}' (object control)"
    CHARGED_OBJECT = "the one '{0}' is about: object '{1}'"
    ABOUT = "the one '{0}' is about: {how}"
    PURPOSE_SUBJECT = "subject of '{0}' (purpose clause): {how}"
    CLAUSE_NOUN = "noun modified by the clause: '{0}'"
    RAISING = "subject of '{0} to' (raising)"
    SHARED_PASSIVE = "passive subject of '{0}', shared by '{1}'"
    AGENTIVE_PASSIVE = "'{0} ... {1} in'"
    INHERITED = "inherited from '{0}': {how}"
    INHERITED_NOUN = "inherited from '{0}'"
    # from who asks it, or from the report
    WISHER = "subject of '{0}', who wants it done: {how}"
    SPEAKER = "the speaker of '{0}'"
    REPORT_SOURCE = "source of the report '{0}'"
    RECIPROCAL = "reciprocal: compound subject"
    # from context, not the parse
    CONTEXT = "nearest other actor in the sentence: '{0}'"
    PLACE = "place named in the argument: '{0}'"
    ANAPHOR = "the {0} reported earlier: '{1}'"
    PREVIOUS_SOURCE = "discourse: source of the previous event ('{0}')"
    OTHER_SIDE = "discourse: the other side of the fight just told ('{0}')"
    CUSTODIAN = "the one holding the victim: '{0}'"
    UNNAMED_ATTACKER = "attacker not named: the country where it happened ('{0}')"
    WEAPON = "attacker not named: the weapon '{0}'"

    @property
    def inherited(self) -> bool:
        """Borrowed from a governing clause or noun ("agreed to withdraw", "launched an attack")."""
        return self in (Found.INHERITED, Found.INHERITED_NOUN)


class ActorIndex:
    """Actor mentions looked up by token, with the word lists argument finding reads."""

    def __init__(self, doc: Doc, actors: Iterable[Actor], words: EventWords | None = None):
        self.words = words or shipped_event_words()
        self.by_token: dict[int, list[Actor]] = {}
        for a in actors:
            if a.span is None:
                continue
            span = doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, []).append(a)

    def at(self, tok: Token) -> list[Actor]:
        return self.by_token.get(tok.i, [])


@dataclass
class Role:
    """The actors that fill one role, the tokens they came from, and how they were found."""

    actors: list[Actor] = field(default_factory=list)
    tokens: list[int] = field(default_factory=list)
    found: Found = Found.NONE
    words: tuple[str, ...] = ()  # the words ``how`` names, e.g. the preposition and its object
    how: str = ""                # for people only (``dyadline explain``); built by ``tag``

    def __bool__(self) -> bool:
        return bool(self.actors)

    def tag(self, found: Found, *words: str) -> Role:
        """Record how the role was found (the explanation wraps the one it was derived from)."""
        self.how = found.value.format(*words, how=self.how)
        self.found = found
        self.words = words
        return self

    def with_actors(self, actors: list[Actor]) -> Role:
        """The same role (tokens, tag, explanation) filled by other actors."""
        return Role(actors, self.tokens, self.found, self.words, self.how)


def tagged(actors: list[Actor], tokens: list[int], found: Found, *words: str) -> Role:
    """A new role, tagged."""
    return Role(actors, tokens).tag(found, *words)


@dataclass
class Args:
    """The source and target of a trigger; ``reciprocal`` when both are the same pair ("talks between X and Y")."""

    source: Role
    target: Role
    reciprocal: bool = False
