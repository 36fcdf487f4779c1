"""Roles the parse did not attach: the nearest other actor in the sentence as a target, and the
character range of a trigger's clause."""

from __future__ import annotations

from spacy.tokens import Token

from dyadline.extract.events.arguments import appositive_chars, possessor_of_relation, refers_to
from dyadline.extract.events.roles import ActorIndex, Found, Role, tagged
from dyadline.extract.syntax import dateline_end

__all__ = ["VENUE_PREPS", "clause_chars", "context_target"]

VENUE_PREPS = frozenset({"in", "at", "across", "throughout", "inside", "outside"})


def context_target(tok: Token, sent_tokens, idx: ActorIndex, exclude: Role, skip: set[tuple], *,
                   borders: bool = False, foreign: bool = False, hostile: bool = False, venues: bool = True) -> Role:
    """A target the parse did not attach: the nearest other actor in the sentence, preferring one
    from another country than the source ("Putin conveyed a commitment ..., stating both countries")."""
    src_spans = {a.span for a in exclude.actors}
    src_countries = {a.country for a in exclude.actors if a.country}
    appos = [appositive_chars(c) for i in exclude.tokens for c in tok.doc[i].children if c.dep_ == "appos"]
    start = dateline_end(tok)  # "NAIROBI (Reuters) -" names where and who reports, not whom
    best, best_key = None, None
    for t in sent_tokens:
        if t.i < start:
            continue
        for a in idx.at(t):
            if (a.span and any(lo <= a.span[0] < hi for lo, hi in appos)) or refers_to(a, src_spans):
                continue  # "John Smith, a farmer, ...", "its affiliate": the source itself
            if a.span in src_spans or (a.span, a.name) in skip or not a.country or possessor_of_relation(t, idx) \
                    or (not borders and idx.words.boundary_nouns & {t.head.lemma_.lower(), t.lemma_.lower()}):
                continue  # "its allies"; "on the Thai border" says where (unless troops mass there)
            if not venues and t.dep_ == "pobj" and t.head.lower_ in VENUE_PREPS:
                continue  # "protesters rallied in Seoul": where they are, not whom they protest
            if hostile and a.country in ("IGO", "NGO"):
                continue  # an attack is seldom on the UN or a charity the sentence names: they speak of it
            if foreign and a.country in src_countries:
                continue  # troops are moved against another side, not their own
            key = (a.country in src_countries, t.i < tok.i, abs(t.i - tok.i))
            if best_key is None or key < best_key:
                best, best_key = (a, t.i), key
    if best is None:
        return Role()
    a, i = best
    same = [x for x in idx.at(tok.doc[i]) if x.span == a.span and x.country and x.country not in src_countries]
    return tagged(same or [a], [i], Found.CONTEXT, a.text)


def clause_chars(tok: Token) -> tuple[int, int]:
    root = tok
    if tok.pos_ not in ("VERB", "AUX"):
        cur = tok
        for _ in range(4):
            if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                break
            cur = cur.head
        root = cur
    toks = list(root.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])
