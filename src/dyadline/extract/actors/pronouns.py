"""Antecedents for pronouns the actor layer left unresolved: the nearest fitting person, group or
institution before the pronoun in the text itself (entities and noun chunks), not in the actor
mentions coreference (``coref.py``) works over. Attribution asks it for the speaker behind a
"he said" whose "he" coreference could not name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from dyadline.extract.syntax import sentences_back


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
