"""Questions about the dependency tree that several stages ask, each answered once here.

Datelines: "NEW DELHI, Oct 21 — Indian border guards said ...". The small parser often makes
the dateline's city the subject of the first verb; the event coder and attribution ask
:func:`real_subject` for the subject instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadline.records import Span

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


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def agent_of(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def clause_head(tok: Token) -> Token:
    """The verb of the clause ``tok`` sits in (``tok`` itself at the root)."""
    head = tok.head
    while head.i != head.head.i and not is_verb(head):
        head = head.head
    return head


def tok_span(tok: Token) -> Span:
    return tok.idx, tok.idx + len(tok.text)


def char_span(doc: Doc, first: int, last: int) -> Span:
    """Character span from token ``first`` to token ``last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def is_passive(verb: Token) -> bool:
    """Whether the verb has a passive subject or auxiliary of its own ("was attacked")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def has_passive_aux(verb: Token) -> bool:
    """Whether the verb has a passive auxiliary of its own ("have been killed", "is believed")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def has_infinitival_to(verb: Token) -> bool:
    """Whether the verb is a to-infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, looking through participles, conjuncts and relative clauses."""
    tok = verb
    for _ in range(3):
        subj = next((c for c in tok.children if c.dep_ in SUBJECTS and c.pos_ != "VERB"), None)
        if subj is not None:
            return real_subject(tok, subj)
        agent = agent_of(tok)
        if agent is not None:
            return agent
        if tok.dep_ not in ("advcl", "xcomp", "conj", "csubj", "pcomp", "acl", "relcl") or tok.head.i == tok.i:
            break
        tok = matrix_of_misattached_conj(tok) or tok.head
    if verb.tag_ in ("VBG", "VBN"):
        return _earlier_subject(verb)
    return None


def matrix_of_misattached_conj(tok: Token) -> Token | None:
    """For an active verb parsed as the conjunct of a passive verb in a reported clause ("denied
    that soldiers had been killed and accused India of ..."): the reporting verb, whose subject
    the conjunct shares. A passive clause's subject is its patient, not the doer of an active
    conjunct with an object of its own."""
    head = tok.head
    if (tok.dep_ == "conj" and head.dep_ == "ccomp" and has_passive_aux(head) and not has_passive_aux(tok)
            and any(c.dep_ == "dobj" for c in tok.children)):
        return head.head
    return None


def _earlier_subject(verb: Token) -> Token | None:
    """For a dangling participle ("..., stating ..."): the subject of the verb before it."""
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if is_verb(tok):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def entity_at(tok: Token):
    """The named entity ``tok`` is part of, or None."""
    if not tok.ent_type_:
        return None
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    return tok.doc[start:end]


def sentences_back(tok: Token, n: int) -> int:
    """Token index where the sentence ``n`` sentences before ``tok``'s begins."""
    sent = tok.sent
    for _ in range(n):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
    return sent.start
