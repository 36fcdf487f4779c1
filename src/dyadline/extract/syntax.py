"""Datelines: "NEW DELHI, Oct 21 — Indian border guards said ...".

The small parser often makes the dateline's city the subject of the first verb. Both the
event coder and attribution ask :func:`real_subject` for the subject instead.
"""

from __future__ import annotations

from spacy.tokens import Token

DASHES = {"—", "–", "-", "--"}


def dateline_end(tok: Token) -> int:
    """Index of the first token after a dateline at the start of ``tok``'s sentence, else the
    sentence start: an upper-case place name, optional date, then a dash."""
    sent = tok.sent
    first = sent[0]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return sent.start
    for t in sent[: min(len(sent), 12)]:
        if t.text in DASHES:
            return t.i + 1
    return sent.start


def real_subject(verb: Token, subj: Token) -> Token:
    """``subj``, unless it sits in a dateline: then the root of the phrase between the dash and
    the verb ("Indian border guards")."""
    start = dateline_end(verb)
    if start == verb.sent.start or subj.i >= start:
        return subj
    inside = range(start, verb.i)
    for t in verb.doc[start:verb.i]:
        if t.pos_ in ("NOUN", "PROPN", "PRON") and t.head.i not in inside:
            return t
    return subj
