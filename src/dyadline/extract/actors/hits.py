"""Lexicon matches over a Doc, and the Mention a stretch of it becomes before coreference."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dyadline.extract.actors.lexicon import Hit, Lexicon, Word, words_from_tokens
from dyadline.extract.actors.phrase import Coding


@dataclass
class Mention:
    """A stretch of the Doc that refers to an actor, before coreference."""

    start: int  # token indices, end exclusive
    end: int
    kind: str  # named | short | pronoun | description | pair | country-description | group-description
    coding: Coding | None = None
    root: int = -1
    sent: int = 0
    plural: bool = False
    person: bool = False
    subject: bool = False
    gender: str | None = None  # for pronouns: m / f
    pronoun: str | None = None  # for possessive descriptions ("its soldiers"): the possessive pronoun
    name: str | None = None  # for people the KB does not know (from the model's PERSON entities)
    short_hit: Hit | None = None
    members: list[Mention] = field(default_factory=list)  # conjoined mentions ("Kim and Putin")
    referential: bool = True  # False for a demonym on something else ("Chinese goods"): no antecedent


@dataclass(frozen=True)
class DocHits:
    """Lexicon matches of a Doc in token offsets."""

    hits: tuple[tuple[int, int, Hit], ...]  # (start token, end token, hit)

    @functools.cached_property
    def by_start(self) -> dict[int, list[tuple[int, int, Hit]]]:
        """The hits by their first token."""
        out: dict[int, list[tuple[int, int, Hit]]] = {}
        for x in self.hits:
            out.setdefault(x[0], []).append(x)
        return out

    @functools.cached_property
    def tokens(self) -> frozenset[int]:
        """Every token inside some hit."""
        return frozenset(i for s, e, _ in self.hits for i in range(s, e))

    @functools.cached_property
    def _sorted(self) -> tuple[list[int], list[tuple[int, int, Hit]]]:
        """The hits stably sorted by first token (the order of :attr:`by_start`), and their first tokens."""
        hits = sorted(self.hits, key=lambda x: x[0])
        return [x[0] for x in hits], hits

    def within(self, start: int, end: int) -> list[tuple[int, int, Hit]]:
        """The hits lying inside tokens ``start``..``end``, in order."""
        # Same answer as [x for i in range(start, end) for x in by_start[i] if x[1] <= end], found by
        # bisection: the mention finder asks this for a window of 60 tokens around every noun chunk.
        starts, hits = self._sorted
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [x for x in hits[lo:hi] if x[1] <= end]


Coder = Callable[..., "Coding | None"]  # (words, hits, lookup=True): lookup finds who holds a title


def match_doc(doc: Doc, lex: Lexicon) -> DocHits:
    """Match the lexicon over the Doc's tokens, dropping datelines ("BEIJING, Aug 24 -")."""
    words = words_from_tokens([(t.text, t.i) for t in doc])
    out = []
    for h in lex.match(words, cased=True):
        start, end = words[h.start].i, words[h.end - 1].i + 1
        if h.first("city", "region") and (doc[end - 1].pos_ not in ("PROPN", "") or _in_person(doc[start])):
            h = Hit(h.start, h.end, tuple(s for s in h.senses if s.kind not in ("city", "region")))
        if h.senses and not _dateline(doc, start, end):
            out.append((start, end, h))
    return DocHits(tuple(out))


def _in_person(tok) -> bool:
    """A token of a PERSON entity: a city of the same name ("Warren Christopher") is not meant."""
    return tok.ent_type_ == "PERSON"


def _dateline(doc: Doc, start: int, end: int) -> bool:
    at_line_start = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    upper = all(t.is_upper or not t.is_alpha for t in doc[start:end])
    return at_line_start and upper and end < len(doc) and doc[end].text == ","


def local_words(doc: Doc, start: int, end: int, hits: DocHits) -> tuple[list[Word], list[Hit]]:
    """Words and hits of the token range, with hit offsets relative to the word list."""
    return local_tokens(doc, range(start, end), hits)


def local_tokens(doc: Doc, idxs, hits: DocHits, skip: tuple[str, ...] = (),
                  skip_from: int = 0) -> tuple[list[Word], list[Hit]]:
    """Words and hits of some tokens (in order); hits from token ``skip_from`` on with a sense of a
    ``skip`` kind are left out."""
    idxs = list(idxs)
    inset = set(idxs)
    words = words_from_tokens([(doc[i].text, i) for i in idxs])
    pos = {w.i: k for k, w in enumerate(words)}
    local = []
    for s, e, h in hits.within(min(inset, default=0), max(inset, default=-1) + 1):
        if s in pos and (e - 1) in pos and all(i in inset for i in range(s, e)):
            if not (skip and s >= skip_from and h.first(*skip)):
                local.append(Hit(pos[s], pos[e - 1] + 1, h.senses))
    return words, local
