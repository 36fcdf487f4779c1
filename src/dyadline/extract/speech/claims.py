"""Attribution: which stretches of text are credited to whom.

``find_claims(doc, actors)`` reads the dependency parse and returns one :class:`Claim`
per attribution it finds, of these kinds:

- ``report``    a reporting verb with a complement clause: "X said/warned/indicated that ...",
                including relative-clause reporters ("intelligence, which indicated that ...")
                and unattributed hedges ("reports suggest that ...", "it is believed that ...");
- ``according`` "according to X, ..." (scope: the clause it modifies);
- ``relay``     a report passed on by someone else: "in a letter reported by state media, ...";
- ``hedge``     "reportedly", "allegedly" (no source, hedged);
- ``quote``     a direct quotation (scope: the quoted characters) credited to its speaker.

The speaker of a quotation and the source of a reported claim are found by the same
functions (:func:`source_of_cue`): the subject of the cue verb, the object of
"according to", the antecedent of a relative or personal pronoun (the latter from the one
pronoun resolver, :mod:`dyadline.extract.actors.pronouns`). The actor layer's
mentions are preferred; when none covers the words, an unresolved :class:`Actor` is built.
Quotes read their speakers from these claims (see :mod:`dyadline.extract.speech.quotes`), and
the event coder reads ``claim_for(claims, span)``: the innermost, i.e. nearest, source.
"""

from __future__ import annotations

import bisect
import logging
from collections import Counter

from spacy.tokens import Doc, Token

from dyadline.extract.speech.channels import channel_of, channel_phrase, is_channel, via_of
from dyadline.extract.speech.context import Context, clip, is_cue_verb, reports_here
from dyadline.extract.speech.cues import Claim
from dyadline.extract.speech.quotes import QuoteSpan, is_fragment
from dyadline.extract.speech.speakers import NAME_ENTS, actor_for, clause_subject, phrase_text, source_of_cue
from dyadline.extract.syntax import (
    agent_of,
    char_span,
    clause_head,
    has_passive_aux,
    is_verb,
    matrix_of_misattached_conj,
    tok_span,
)
from dyadline.records import Actor, Span

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- public API

def find_claims(doc: Doc, actors: list[Actor]) -> list[Claim]:
    """Every attribution in ``doc``: reported speech, according-to, relays, hedges and quotes."""
    if not doc.has_annotation("DEP"):
        log.debug("no dependency parse: attribution needs one, no claims made")
        return []
    ctx = Context.build(doc, actors)
    claims: list[Claim] = []
    for tok in doc:
        claim = _claim_at(ctx, tok, claims)
        if claim is not None:
            claims.append(claim)
    quoted = quote_claims(ctx)
    said = {(c.cue_span, c.scope) for c in quoted}
    claims = [c for c in claims if not _restates(c, said)] + quoted
    return sorted(claims, key=lambda c: (c.scope[0], -c.scope[1]))


def _restates(claim: Claim, quoted: set[tuple[Span, Span]]) -> bool:
    """A "said" claim whose complement is just a quotation already credited by the same cue."""
    return claim.kind == "report" and any(
        cue == claim.cue_span and scope[0] - 2 <= claim.scope[0] and claim.scope[1] <= scope[1] + 2
        for cue, scope in quoted)


def _claim_at(ctx: Context, tok: Token, earlier: list[Claim]) -> Claim | None:
    """The claim cued by ``tok``, if it is a cue."""
    low = tok.lower_
    if low == "according" and any(c.lower_ == "to" for c in tok.children):
        return according_claim(ctx, tok, earlier)
    if low in ctx.cues.hedge_adverbs:
        return hedge_adverb_claim(tok)
    if not is_verb(tok):
        return None
    lemma = tok.lemma_.lower()
    if lemma in ctx.cues.relay_verbs and tok.dep_ in ("acl", "advcl"):
        claim = relay_claim(ctx, tok)
        if claim is not None:
            return claim
    return report_claim(ctx, tok) if lemma in ctx.cues.report_verbs else None


# ---------------------------------------------------------------- claim kinds

def report_claim(ctx: Context, verb: Token) -> Claim | None:
    """"X said (that) ..." : scope the complement clause, source the subject."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return None
    scope = char_span(ctx.doc, comp.left_edge.i, _scope_end(comp, verb))
    if scope[0] <= verb.idx < scope[1]:
        return None
    subject = clause_subject(verb)
    hedged = _is_hedge_subject(ctx, subject, verb)
    source = None if hedged or subject is None else actor_for(ctx, subject)
    if source is None and not hedged:
        return None
    return Claim(scope=clip(ctx, scope, verb.idx), source=source, cue=verb.text, cue_span=tok_span(verb),
                 channel=channel_of(ctx, verb), hedged=hedged, kind="report", via=via_of(ctx, verb, source))


def _scope_end(comp: Token, verb: Token) -> int:
    """The last token of the reported clause: before an active conjunct the parser hung on it
    that is really the reporting verb's ("denied that soldiers were killed and accused India")."""
    end = comp.right_edge.i
    for c in comp.children:
        if matrix_of_misattached_conj(c) == verb:
            cut = c.left_edge.i - 1
            while cut > comp.i and comp.doc[cut].dep_ in ("cc", "punct"):
                cut -= 1
            end = min(end, cut)
    return end


def according_claim(ctx: Context, tok: Token, earlier: list[Claim]) -> Claim | None:
    """"According to X, ..." : scope the clause it modifies, source X."""
    obj = _according_object(tok)
    if obj is None:
        return None
    head = clause_head(tok)
    while ctx.in_quote[head.i] and head.head.i != head.i:
        head = head.head  # "“...,” he said, according to X" hangs off a word inside the quote
    scope = char_span(ctx.doc, head.left_edge.i, head.right_edge.i)
    hedged = obj.lemma_.lower() in ctx.cues.hedge_subjects or obj.lower_ in ctx.cues.hedge_subjects
    source = None if hedged else _source_behind(ctx, obj, earlier)
    if source is None and not hedged:
        return None
    to = next(c for c in tok.children if c.lower_ == "to")
    channel = channel_phrase(ctx, obj) if is_channel(ctx, obj) else None
    return Claim(scope=clip(ctx, scope, tok.idx), source=source, cue="according to", cue_span=(tok.idx, to.idx + len(to.text)),
                 channel=channel, hedged=hedged, kind="according")


def relay_claim(ctx: Context, verb: Token) -> Claim | None:
    """"In a letter reported by state media, X ..." : source the agent, scope the main clause."""
    agent = agent_of(verb)
    if agent is None:
        return None
    holder = verb.head  # the channel noun ("letter") or, for "as reported by", the clause
    head = clause_head(holder) if holder.pos_ in ("NOUN", "PROPN") else holder
    scope = char_span(ctx.doc, head.left_edge.i, head.right_edge.i)
    channel = channel_phrase(ctx, holder) if holder.pos_ in ("NOUN", "PROPN") else None
    return Claim(scope=clip(ctx, scope, verb.idx), source=actor_for(ctx, agent), cue=verb.text, cue_span=tok_span(verb),
                 channel=channel, kind="relay")


def hedge_adverb_claim(tok: Token) -> Claim:
    """"X reportedly did Y" : the clause is hedged, with no source."""
    head = clause_head(tok)
    scope = char_span(tok.doc, head.left_edge.i, head.right_edge.i)
    return Claim(scope=scope, source=None, cue=tok.text, cue_span=tok_span(tok), hedged=True, kind="hedge")


def _is_hedge_subject(ctx: Context, subject: Token | None, verb: Token) -> bool:
    """"Reports suggest", "sources say", "it is believed": a claim without a named source."""
    if subject is None:
        return False
    words = {subject.lemma_.lower(), subject.lower_, phrase_text(ctx, subject).lower()}
    if words & ctx.cues.hedge_subjects:
        return True
    passive = has_passive_aux(verb)
    return subject.lower_ == "it" and passive and verb.lemma_.lower() in ctx.cues.hedge_passives


def _source_behind(ctx: Context, obj: Token, earlier: list[Claim]) -> Actor | None:
    """The source of "according to X"; "the report" means the last report of the same kind."""
    if obj.lemma_.lower() not in ctx.cues.channel_nouns:
        return actor_for(ctx, obj)
    owner = next((c for c in obj.children if c.dep_ in ("poss", "compound", "amod") and c.ent_type_ in NAME_ENTS), None)
    if owner is not None:
        return actor_for(ctx, owner)
    lemma = obj.lemma_.lower()
    for claim in reversed(earlier):
        cue = ctx.doc.char_span(*claim.cue_span, alignment_mode="expand")
        if claim.source is not None and cue is not None and cue[0].lemma_.lower() == lemma:
            return claim.source
    return None


# ---------------------------------------------------------------- quotes

def quote_claims(ctx: Context) -> list[Claim]:
    """One claim per quotation whose speaker is found: scope the quoted characters."""
    claims: list[Claim] = []
    by_chain: dict[int, Claim] = {}
    last_in_paragraph: dict[int, Claim] = {}
    for q in ctx.quotes:
        claim = _quote_claim(ctx, q)
        if claim is None:
            claim = by_chain.get(q.chain) or _continuation(ctx, q, last_in_paragraph.get(q.paragraph))
            claim = _rescope(claim, q) if claim else None
        if claim is None:
            continue
        claims.append(claim)
        by_chain.setdefault(q.chain, claim)
        last_in_paragraph[q.paragraph] = claim
    _share_chains(claims, ctx.quotes)
    return claims


def _quote_claim(ctx: Context, q: QuoteSpan) -> Claim | None:
    """The claim for quotation ``q`` from a cue in its own sentence, if there is one."""
    cue = _quote_cue(ctx, q)
    if cue is None:
        return None
    if cue.lower_ == "according":
        obj = _according_object(cue)
        speaker = actor_for(ctx, obj) if obj is not None else None
        via = None
    else:
        speaker = source_of_cue(ctx, cue)
        via = via_of(ctx, cue, speaker) or _according_via(ctx, q, speaker)
    if speaker is None:
        return None
    cue_text = "according to" if cue.lower_ == "according" else cue.text
    return Claim(scope=(q.start, q.end), source=speaker, cue=cue_text, cue_span=tok_span(cue),
                 channel=channel_of(ctx, cue), kind="quote", via=via)


def _continuation(ctx: Context, q: QuoteSpan, previous: Claim | None) -> Claim | None:
    """A quote with no cue of its own continues the last speaker of its paragraph."""
    if previous is not None:
        return previous
    if is_fragment(ctx.text[q.start:q.end]):
        return None
    start = ctx.paragraph_bounds(q.paragraph)[0]
    for tok in reversed(ctx.doc.char_span(start, q.start, alignment_mode="contract") or []):
        if not ctx.in_quote[tok.i] and is_cue_verb(ctx, tok):
            speaker = source_of_cue(ctx, tok)
            if speaker is not None:
                return Claim(scope=(q.start, q.end), source=speaker, cue=tok.text, cue_span=tok_span(tok),
                             kind="quote")
    return None


def _rescope(claim: Claim, q: QuoteSpan) -> Claim:
    return Claim(scope=(q.start, q.end), source=claim.source, cue=claim.cue, cue_span=claim.cue_span,
                 channel=claim.channel, hedged=claim.hedged, kind="quote", via=claim.via)


def _share_chains(claims: list[Claim], quotes: list[QuoteSpan]) -> None:
    """A quote over several paragraphs takes its speaker from whichever part has a cue."""
    chain_of = {(q.start, q.end): q.chain for q in quotes}
    sizes = Counter(q.chain for q in quotes)
    first: dict[int, Claim] = {}
    for c in claims:
        first.setdefault(chain_of.get(c.scope, -1), c)
    have = {c.scope for c in claims}
    for q in quotes:
        if (q.start, q.end) not in have and sizes[q.chain] > 1 and q.chain in first:
            claims.append(_rescope(first[q.chain], q))


def _quote_cue(ctx: Context, q: QuoteSpan) -> Token | None:
    """The cue of quotation ``q``: a cue verb governing it, else the nearest one in its sentence."""
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    lo, hi = _region(ctx, q)
    for tok in span:
        head = tok.head
        if head.i != tok.i and not (q.start <= head.idx < q.end):
            found = _cue_above(ctx, head, lo, hi)
            if found is not None:
                return found
    return _nearest_cue(ctx, q, lo, hi)


def _cue_above(ctx: Context, tok: Token, lo: int, hi: int) -> Token | None:
    """Walk up from ``tok`` (at most six steps, inside the region) to the first cue verb."""
    for _ in range(6):
        if not (lo <= tok.idx < hi):
            return None
        if not ctx.in_quote[tok.i] and is_cue_verb(ctx, tok) and reports_here(ctx, tok):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _nearest_cue(ctx: Context, q: QuoteSpan, lo: int, hi: int) -> Token | None:
    """The cue verb (or "according to") nearest to ``q`` in its region, outside every quote."""
    region = ctx.doc.char_span(lo, hi, alignment_mode="contract")
    if region is None:
        return None
    verbs = [t for t in region if not ctx.in_quote[t.i] and is_cue_verb(ctx, t)]
    if not verbs:
        verbs = [t for t in region if not ctx.in_quote[t.i] and t.lower_ == "according"
                 and _according_object(t) is not None]
    if not verbs:
        return _colon_verb(ctx, q, lo)
    return min(verbs, key=lambda t: min(abs(t.idx - q.end), abs(t.idx - q.start)))


def _colon_verb(ctx: Context, q: QuoteSpan, lo: int) -> Token | None:
    """"He delivered a blunt message: “...”": the verb of the clause a colon hands over to a quote."""
    before = ctx.text[lo:q.start].rstrip(" “\"«")
    if not before.endswith(":"):
        return None
    clause = ctx.doc.char_span(lo, len(before) + lo, alignment_mode="contract")
    verbs = [t for t in clause or [] if is_verb(t) and not ctx.in_quote[t.i] and clause_subject(t) is not None]
    return verbs[-1] if verbs else None


def _region(ctx: Context, q: QuoteSpan) -> Span:
    """The sentence(s) around quotation ``q``: where its cue may be."""
    ps, pe = ctx.paragraph_bounds(q.paragraph)
    ends = ctx.sentence_ends
    k = bisect.bisect_right(ends, q.start) - 1
    lo = max(ps, ends[k]) if k >= 0 else ps
    text = ctx.text
    after = text[q.end + 1:pe].lstrip()
    if text[q.end - 1:q.end] in ".!?" and (not after or after[0].isupper() or after[0] in "“\"«"):
        return lo, q.end + 1
    k = bisect.bisect_left(ends, q.end + 1)
    hi = min(pe, ends[k]) if k < len(ends) else pe
    return lo, hi


def _according_via(ctx: Context, q: QuoteSpan, speaker: Actor | None) -> Actor | None:
    """"..., he said, according to Reuters": the outlet named in the quote's sentence."""
    lo, hi = _region(ctx, q)
    region = ctx.doc.char_span(lo, hi, alignment_mode="contract") or []
    for tok in region:
        if tok.lower_ == "according" and not ctx.in_quote[tok.i]:
            obj = _according_object(tok)
            if obj is not None:
                actor = actor_for(ctx, obj)
                if actor is not None and actor != speaker:
                    return actor
    return None


# ---------------------------------------------------------------- sources and speakers


# ---------------------------------------------------------------- channels and outlets


# ---------------------------------------------------------------- small helpers


def _according_object(tok: Token) -> Token | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
