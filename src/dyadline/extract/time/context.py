"""What the parsed Doc says about a candidate time: the clause's tense, and whether it is a time at all.

"may" (modal), "march"/"fall" (verbs), "May" (a person) and "1500 troops" (a count) look
like times to a regex; the part-of-speech tags and entities tell them apart.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadline.extract.syntax import has_infinitival_to
from dyadline.extract.time.rules import FUTURE, PAST
from dyadline.extract.time.words import time_words
from dyadline.extract.wordlists import grammar_words

_WORDS = time_words()
FUTURE_HEADS = _WORDS.future_heads
TRAP_WORDS = _WORDS.trap_words
TIME_NOUNS = _WORDS.time_nouns


def covering_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters ``start``..``end``."""
    return doc.char_span(start, end, alignment_mode="expand")


def clause_tense(span: Span) -> str | None:
    """"past", "future" or None (present or unknown) for the clause that governs ``span``."""
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    future = grammar_words().future_modals
    if words & future or verb.lower_ in future:
        return FUTURE
    if "going" in words or _to_future(verb):
        return FUTURE
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}:
        return PAST
    return None


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _to_future(verb: Token) -> bool:
    """ "plans to visit", "is due to take effect", "is set to meet": an infinitive of intent."""
    if verb.tag_ != "VB" or not has_infinitival_to(verb):
        return False
    head = verb.head
    return head.lemma_.lower() in FUTURE_HEADS or head.lemma_ == "be" or head.lower_ == "going"


def is_false_time(span: Span, rule: str) -> bool:
    """True when the words are a modal or verb ("may", "march"), a person ("Theresa May") or a count."""
    for tok in span:
        after_preposition = tok.i > 0 and tok.nbor(-1).lower_ in ("in", "of", "since", "until", "through", "from", "last", "next", "this", "early", "late", "mid")
        if tok.lower_ in TRAP_WORDS and (tok.pos_ in ("VERB", "AUX") or tok.tag_ == "MD") and not after_preposition:
            return True
        if tok.lower_ in ("may", "march", "fall") and tok.text.islower() and not after_preposition:
            return True
        if tok.lower_ in TRAP_WORDS and tok.ent_type_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART"):
            return True
    if rule == "year":
        return _is_count(span)
    return False


def _is_count(span: Span) -> bool:
    """A bare four-digit number that counts things ("1500 troops") rather than naming a year."""
    tok = span[-1]
    if not tok.like_num:
        return False
    head = tok.head
    if tok.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS") and head.lower_ not in TIME_NOUNS:
        return True
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    value = int(tok.text) if tok.text.isdigit() else 0
    return value < 1900 and prev not in ("in", "of", "since", "by", "from", "until", "to", "year", "and", "the", "between", "before", "after", "circa", "c.")
