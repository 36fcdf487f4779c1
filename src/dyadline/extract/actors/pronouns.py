"""The pronoun resolver: what "he", "it", "they" stand for, one answer for every stage.

Two strategies, tried in order:

1. ``COREFERENCE``: the actor layer's mention history (:mod:`dyadline.extract.actors.coref`).
   Run once per document over the actor mentions, it records on each pronoun's :class:`Actor`
   the antecedent it stands for (``Actor.antecedent``) and that antecedent's name, country and
   sector. Its answer is taken when it names someone.
2. ``TEXT``: for a pronoun coreference left unnamed (its antecedent is no actor mention: a person
   the knowledge base does not know, "the ministry"), the nearest fitting person or group named
   in the text itself (entities, proper-noun subjects, noun chunks).

Entry point: :func:`resolve` (speech asks it for the speaker behind "he said"; events read the
same answers through the actors and claims they receive, and report a pronoun as the mention it
stands for with :func:`stands_for`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from spacy.tokens import Span, Token

from dyadline.extract.syntax import sentences_back
from dyadline.extract.wordlists import grammar_words
from dyadline.records import Actor


class Strategy(Enum):
    """How an antecedent was found."""

    COREFERENCE = "coreference"  # the actor layer's mention history (coref.py)
    TEXT = "text"                # entities and noun chunks before the pronoun


@dataclass(frozen=True)
class Scope:
    """What the asking stage knows about the text around a pronoun."""

    start: int                                # character offset a person antecedent may be as early as
    quoted: Callable[[int], bool]             # token index inside a quotation (not an antecedent)
    speaks: Callable[[Token], bool]           # a verb of speech: an ORG subject of one counts as a person
    phrase: Callable[[Token], Span | None]    # the noun phrase a proper-noun subject heads
    group_nouns: frozenset[str]               # nouns naming a group or institution ("ministry")


@dataclass(frozen=True)
class Antecedent:
    """What a pronoun stands for: coreference's actor, or a phrase of the text (or nothing found)."""

    strategy: Strategy
    actor: Actor | None = None  # COREFERENCE
    span: Span | None = None    # TEXT: None when the search found nothing


def resolve(pron: Token, known: Actor | None, scope: Scope) -> Antecedent | None:
    """The antecedent of ``pron``. ``known`` is the actor the actor layer made of the pronoun (with
    coreference's answer), if any. None for a word no antecedent is looked for ("I", "you")."""
    if known is not None and known.name:
        return Antecedent(Strategy.COREFERENCE, actor=known)
    return _in_text(pron, scope)


def stands_for(actor: Actor, text: str) -> Actor:
    """A pronoun actor reported as the mention it stands for ("Farc said it will ...": Farc, with
    Farc's span); any other actor as it is."""
    if actor.antecedent and actor.text.lower() in grammar_words().pronouns:
        return replace(actor, text=text[actor.antecedent[0]:actor.antecedent[1]], span=actor.antecedent)
    return actor


def _in_text(pron: Token, scope: Scope) -> Antecedent | None:
    low = pron.lower_
    if low in grammar_words().gendered_pronouns:
        span = person_before(pron, scope.start, quoted=scope.quoted, speaks=scope.speaks, phrase=scope.phrase)
    elif low in grammar_words().group_pronouns:
        span = group_before(pron, scope.group_nouns)
    else:
        return None
    return Antecedent(Strategy.TEXT, span=span)


def person_before(pron: Token, start: int, *, quoted: Callable[[int], bool], speaks: Callable[[Token], bool],
                  phrase: Callable[[Token], Span | None]) -> Span | None:
    """The last person named between character ``start`` and ``pron``, outside quotations
    (``quoted`` by token index); subjects of the last two sentences first. Proper-noun subjects
    the model did not tag count ("Sisi told ..."), as do organisations that ``speaks``."""
    window = pron.doc.char_span(start, pron.idx, alignment_mode="contract") or []
    people = [e for e in window.ents if e.label_ == "PERSON"] if window else []
    people += [phrase(t) for t in window if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")
               and (not t.ent_type_ or (t.ent_type_ == "ORG" and speaks(t.head)))]
    people = sorted((p for p in people if p is not None and not quoted(p.root.i)), key=lambda p: p.start)
    recent = [p for p in people if p.start >= sentences_back(pron, 2)]
    subjects = [p for p in recent if p.root.dep_ in ("nsubj", "nsubjpass")]
    for group in (subjects, people):
        if group:
            return group[-1]
    return None


def group_before(pron: Token, group_nouns: frozenset[str]) -> Span | None:
    """For "they"/"it": the last group or institution named in this or the last sentence, subjects first."""
    lo = sentences_back(pron, 1)
    singular = pron.lower_ == "it"
    fits = []
    for chunk in pron.doc[lo:pron.i].noun_chunks:
        root = chunk.root
        if root.pos_ == "PRON" or (singular and root.tag_ in ("NNS", "NNPS")):
            continue
        if (root.lemma_.lower() in group_nouns or root.lower_ in group_nouns
                or root.ent_type_ in ("ORG", "NORP") or (singular and root.ent_type_ == "GPE")):
            fits.append(chunk)
    subjects = [c for c in fits if c.root.dep_ in ("nsubj", "nsubjpass")]
    for group in (subjects, fits):
        if group:
            return group[-1]
    return None
