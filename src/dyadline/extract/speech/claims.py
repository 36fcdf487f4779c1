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
"according to", the antecedent of a relative or personal pronoun. The actor layer's
mentions are preferred; when none covers the words, an unresolved :class:`Actor` is built.
Quotes read their speakers from these claims (see :mod:`dyadline.extract.speech.quotes`), and
the event coder reads ``claim_for(claims, span)``: the innermost, i.e. nearest, source.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from dyadline.datafiles import data_path
from dyadline.errors import ConfigError, Errors
from dyadline.extract.speech.quotes import SENTENCE_END, QuoteSpan, find_quote_spans, is_fragment, paragraph_spans
from dyadline.extract.syntax import real_subject
from dyadline.records import Actor, Span
from dyadline.yamlfile import load_yaml

log = logging.getLogger(__name__)

CUES_FILE = data_path("cues.yaml")
CUE_LISTS = ("report_verbs", "clause_verbs", "framing_verbs", "relay_verbs", "channel_nouns", "hedge_subjects",
             "hedge_adverbs", "hedge_passives", "group_nouns", "title_nouns", "media_words", "audience_words")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = ("which", "who", "that", "whom")
PERSONAL = ("he", "she", "him", "her")
COLLECTIVE = ("they", "them", "it", "we")
NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
LOOKBACK = 2000  # tokens searched back for an earlier mention (keeps long documents linear)


@dataclass(frozen=True)
class Claim:
    """Text in ``scope`` is credited to ``source`` through ``cue`` (said, according to, ...)."""

    scope: Span
    source: Actor | None
    cue: str
    cue_span: Span
    channel: str | None = None  # "letter", "statement", "social media" ...
    hedged: bool = False        # "reports suggest", "sources say", "reportedly"
    kind: str = "report"        # report | according | relay | hedge | quote
    via: Actor | None = None    # the outlet that carried it: "according to KCNA", "carried by Xinhua"


@dataclass(frozen=True)
class Cues:
    """The attribution lexicon (``data/cues.yaml``): lemmas and phrases, lower case."""

    report_verbs: frozenset[str]
    clause_verbs: frozenset[str]
    framing_verbs: frozenset[str]
    relay_verbs: frozenset[str]
    channel_nouns: frozenset[str]
    hedge_subjects: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_passives: frozenset[str]
    group_nouns: frozenset[str]
    title_nouns: frozenset[str]
    media_words: frozenset[str]
    audience_words: frozenset[str]


@functools.lru_cache(maxsize=8)
def load_cues(path: Path = CUES_FILE) -> Cues:
    """Read (once) the cue lexicon; a bad file raises ConfigError naming it."""
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from e
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a mapping of lists"))
    lists = {}
    for key in CUE_LISTS:
        items = data.get(key)
        if not isinstance(items, list):
            raise ConfigError(Errors.E004.format(path=path, entry=key, reason="missing, or not a list"))
        bad = [x for x in items if not isinstance(x, str)]
        if bad:
            raise ConfigError(Errors.E004.format(path=path, entry=bad[0], reason=f"{key} holds strings only"))
        lists[key] = frozenset(x.lower() for x in items)
    return Cues(**lists)


@dataclass
class Context:
    """One document's parse with the lookups every attribution rule needs (built once per doc)."""

    doc: Doc
    actors: list[Actor]
    cues: Cues
    quotes: list[QuoteSpan]
    in_quote: list[bool]       # per token: inside a quotation
    paragraphs: list[Span]     # start and end offsets of the paragraphs (non-empty lines)
    sentence_ends: list[int]   # text offsets where a sentence ends (regex, parse-free)
    full_names: dict[str, str]  # last word of a person's name -> its longest form in the text
    text: str = ""              # doc.text, built once (spaCy rebuilds it on every access)

    @classmethod
    def build(cls, doc: Doc, actors: list[Actor], cues: Cues | None = None) -> Context:
        """Index ``doc`` once: quotation spans, paragraph starts, sentence ends."""
        text = doc.text
        quotes = find_quote_spans(text)
        starts = [q.start for q in quotes]
        in_quote = []
        for t in doc:
            k = bisect.bisect_right(starts, t.idx) - 1
            in_quote.append(k >= 0 and t.idx < quotes[k].end)
        paragraphs = paragraph_spans(text) or [(0, len(text))]
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        names: dict[str, str] = {}
        for e in doc.ents:
            if e.label_ == "PERSON" and len(e.text) > len(names.get(e.text.split()[-1], "")):
                names[e.text.split()[-1]] = e.text
        return cls(doc, list(actors), cues or load_cues(), quotes, in_quote, paragraphs, ends, names, text)

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding offset ``char``."""
        return max(0, bisect.bisect_right(self.paragraphs, (char, len(self.text) + 1)) - 1)

    def paragraph_bounds(self, k: int) -> Span:
        """Start and end offsets of paragraph ``k``."""
        return self.paragraphs[k]


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


def claim_for(claims: list[Claim], span: Span) -> Claim | None:
    """The innermost claim whose scope contains ``span`` (the nearest source of a nested report)."""
    inside = [c for c in claims if c.scope[0] <= span[0] and span[1] <= c.scope[1]]
    # equal scopes ("X said that, according to Y, ..."): the later cue is the nearer source
    return min(inside, key=lambda c: (c.scope[1] - c.scope[0], -c.cue_span[0])) if inside else None


def _claim_at(ctx: Context, tok: Token, earlier: list[Claim]) -> Claim | None:
    """The claim cued by ``tok``, if it is a cue."""
    low = tok.lower_
    if low == "according" and any(c.lower_ == "to" for c in tok.children):
        return according_claim(ctx, tok, earlier)
    if low in ctx.cues.hedge_adverbs:
        return hedge_adverb_claim(tok)
    if not _is_verb(tok):
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
    scope = _char_span(ctx.doc, comp.left_edge.i, comp.right_edge.i)
    if scope[0] <= verb.idx < scope[1]:
        return None
    subject = subject_of(verb)
    hedged = _is_hedge_subject(ctx, subject, verb)
    source = None if hedged or subject is None else actor_for(ctx, subject)
    if source is None and not hedged:
        return None
    return Claim(scope=_clip(ctx, scope, verb.idx), source=source, cue=verb.text, cue_span=_tok_span(verb),
                 channel=channel_of(ctx, verb), hedged=hedged, kind="report", via=via_of(ctx, verb, source))


def according_claim(ctx: Context, tok: Token, earlier: list[Claim]) -> Claim | None:
    """"According to X, ..." : scope the clause it modifies, source X."""
    obj = _according_object(tok)
    if obj is None:
        return None
    head = _clause_head(tok)
    while ctx.in_quote[head.i] and head.head.i != head.i:
        head = head.head  # "“...,” he said, according to X" hangs off a word inside the quote
    scope = _char_span(ctx.doc, head.left_edge.i, head.right_edge.i)
    hedged = obj.lemma_.lower() in ctx.cues.hedge_subjects or obj.lower_ in ctx.cues.hedge_subjects
    source = None if hedged else _source_behind(ctx, obj, earlier)
    if source is None and not hedged:
        return None
    to = next(c for c in tok.children if c.lower_ == "to")
    channel = _channel_phrase(ctx, obj) if _is_channel(ctx, obj) else None
    return Claim(scope=_clip(ctx, scope, tok.idx), source=source, cue="according to", cue_span=(tok.idx, to.idx + len(to.text)),
                 channel=channel, hedged=hedged, kind="according")


def relay_claim(ctx: Context, verb: Token) -> Claim | None:
    """"In a letter reported by state media, X ..." : source the agent, scope the main clause."""
    agent = _agent_of(verb)
    if agent is None:
        return None
    holder = verb.head  # the channel noun ("letter") or, for "as reported by", the clause
    head = _clause_head(holder) if holder.pos_ in ("NOUN", "PROPN") else holder
    scope = _char_span(ctx.doc, head.left_edge.i, head.right_edge.i)
    channel = _channel_phrase(ctx, holder) if holder.pos_ in ("NOUN", "PROPN") else None
    return Claim(scope=_clip(ctx, scope, verb.idx), source=actor_for(ctx, agent), cue=verb.text, cue_span=_tok_span(verb),
                 channel=channel, kind="relay")


def hedge_adverb_claim(tok: Token) -> Claim:
    """"X reportedly did Y" : the clause is hedged, with no source."""
    head = _clause_head(tok)
    scope = _char_span(tok.doc, head.left_edge.i, head.right_edge.i)
    return Claim(scope=scope, source=None, cue=tok.text, cue_span=_tok_span(tok), hedged=True, kind="hedge")


def _is_hedge_subject(ctx: Context, subject: Token | None, verb: Token) -> bool:
    """"Reports suggest", "sources say", "it is believed": a claim without a named source."""
    if subject is None:
        return False
    words = {subject.lemma_.lower(), subject.lower_, _phrase(ctx, subject).lower()}
    if words & ctx.cues.hedge_subjects:
        return True
    passive = any(c.dep_ == "auxpass" for c in verb.children)
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
    return Claim(scope=(q.start, q.end), source=speaker, cue=cue_text, cue_span=_tok_span(cue),
                 channel=channel_of(ctx, cue), kind="quote", via=via)


def _continuation(ctx: Context, q: QuoteSpan, previous: Claim | None) -> Claim | None:
    """A quote with no cue of its own continues the last speaker of its paragraph."""
    if previous is not None:
        return previous
    if is_fragment(ctx.text[q.start:q.end]):
        return None
    start = ctx.paragraph_bounds(q.paragraph)[0]
    for tok in reversed(ctx.doc.char_span(start, q.start, alignment_mode="contract") or []):
        if not ctx.in_quote[tok.i] and _is_cue_verb(ctx, tok):
            speaker = source_of_cue(ctx, tok)
            if speaker is not None:
                return Claim(scope=(q.start, q.end), source=speaker, cue=tok.text, cue_span=_tok_span(tok),
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
        if not ctx.in_quote[tok.i] and _is_cue_verb(ctx, tok) and _reports_here(ctx, tok):
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
    verbs = [t for t in region if not ctx.in_quote[t.i] and _is_cue_verb(ctx, t)]
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
    verbs = [t for t in clause or [] if _is_verb(t) and not ctx.in_quote[t.i] and subject_of(t) is not None]
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

def source_of_cue(ctx: Context, cue: Token) -> Actor | None:
    """Who speaks through ``cue``: its subject, or the one quoted in "X quoted Y as saying"."""
    quoted = _quoted_as(cue)
    if quoted is not None:
        return actor_for(ctx, quoted)
    subject = subject_of(cue)
    return actor_for(ctx, subject) if subject is not None else None


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, looking through participles, conjuncts and relative clauses."""
    tok = verb
    for _ in range(3):
        subj = next((c for c in tok.children if c.dep_ in SUBJECTS and c.pos_ != "VERB"), None)
        if subj is not None:
            return real_subject(tok, subj)
        agent = _agent_of(tok)
        if agent is not None:
            return agent
        if tok.dep_ not in ("advcl", "xcomp", "conj", "csubj", "pcomp", "acl", "relcl") or tok.head.i == tok.i:
            break
        tok = tok.head
    if verb.tag_ in ("VBG", "VBN"):
        return _earlier_subject(verb)
    return None


def _earlier_subject(verb: Token) -> Token | None:
    """For a dangling participle ("..., stating ..."): the subject of the verb before it."""
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if _is_verb(tok):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def actor_for(ctx: Context, tok: Token) -> Actor | None:
    """The actor named by the noun phrase headed by ``tok`` (resolved when the actor layer knows it)."""
    tok = _antecedent_of_relative(tok)
    tok = _named_apposition(tok)
    start, end = _noun_phrase(tok)
    known = _overlapping_actor(ctx, tok, start, end)
    if known is not None and _antecedent_quoted(ctx, known):
        known = None  # the speaker of a quote is not someone named inside the quotation
    if known is not None and (known.name or tok.pos_ not in ("PRON", "NOUN")):
        return known
    fallback = _fallback_actor(ctx, tok, start, end)
    if known is None:
        return fallback
    # the actor layer placed the mention (country, sector) but named no one: add the name we found
    return Actor(text=known.text, span=known.span, name=fallback.name if fallback else None,
                 country=known.country or (fallback.country if fallback else None),
                 sector=known.sector or (fallback.sector if fallback else None), how=known.how,
                 antecedent=known.antecedent or (fallback.antecedent if fallback else None))


def _antecedent_quoted(ctx: Context, actor: Actor) -> bool:
    """True when a resolved pronoun outside quotes points at a mention inside a quotation."""
    if actor.antecedent is None or actor.span is None:
        return False
    starts = [q.start for q in ctx.quotes]
    def inside(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < ctx.quotes[k].end
    return inside(actor.antecedent[0]) and not inside(actor.span[0])


def _fallback_actor(ctx: Context, tok: Token, start: int, end: int) -> Actor | None:
    """Our own reading of a mention the actor layer did not name: pronouns, "the ministry", names."""
    if tok.pos_ == "PRON":
        return _pronoun_actor(ctx, tok)
    mention = Actor(text=ctx.text[start:end], span=(start, end), name=_proper_name(ctx, tok),
                    how="attribution:unresolved")
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.cues.channel_nouns:
        author = _author_of_channel(ctx, tok)
        return author if author is not None else mention
    if tok.pos_ == "NOUN":
        earlier = _earlier_mention(ctx, tok)
        if earlier is not None:
            return _resolved_to(ctx, mention, earlier, how="attribution:definite")
    return mention


def _author_of_channel(ctx: Context, tok: Token) -> Actor | None:
    """"The Egyptian message said": the message's owner, or whoever issued it earlier on."""
    owner = next((c for c in tok.children if c.dep_ in ("poss", "compound", "amod")
                  and (c.ent_type_ in NAME_ENTS or c.pos_ == "PROPN")), None)
    if owner is not None:
        return actor_for(ctx, owner)
    lemma = tok.lemma_.lower()
    for cand in reversed(tok.doc[max(0, tok.left_edge.i - LOOKBACK):tok.left_edge.i]):
        if cand.lemma_.lower() == lemma and cand.dep_ == "dobj":
            subject = subject_of(cand.head)
            if subject is not None and subject.i != tok.i:
                return actor_for(ctx, subject)
    return None


def _resolved_to(ctx: Context, mention: Actor, ant, *, how: str) -> Actor:
    """``mention`` (a pronoun or "the ministry") standing for the earlier mention ``ant``."""
    known = _overlapping_actor(ctx, ant.root, ant.start_char, ant.end_char)
    name = _proper_name(ctx, ant.root) or _strip_determiner(ant.text)
    if known is not None and (known.name or known.country):
        return Actor(text=mention.text, span=mention.span, name=known.name or name, country=known.country,
                     sector=known.sector, how=how, antecedent=known.span)
    return Actor(text=mention.text, span=mention.span, name=name, how=how, antecedent=(ant.start_char, ant.end_char))


def _earlier_mention(ctx: Context, tok: Token):
    """For "the ministry", "the spokesman": the fuller mention of the same noun earlier on."""
    lemma = tok.lemma_.lower()
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    if not definite or lemma not in ctx.cues.group_nouns | ctx.cues.title_nouns:
        return None
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    for cand in reversed(tok.doc[max(0, tok.left_edge.i - LOOKBACK):tok.left_edge.i]):
        if cand.pos_ not in ("NOUN", "PROPN") or (cand.lemma_.lower() != lemma and cand.lower_ != lemma):
            continue
        head = cand.head if cand.dep_ in ("compound", "flat") and cand.head.pos_ == "PROPN" else cand
        phrase = _phrase_span(head)
        words = {t.lower_ for t in phrase} if phrase is not None else set()
        if phrase is not None and modifiers <= words and (len(phrase) > 2 or head.pos_ == "PROPN"):
            return phrase
    return None


def _phrase_span(tok: Token):
    """The noun phrase headed by ``tok`` as a spaCy Span."""
    start, end = _noun_phrase(tok)
    return tok.doc.char_span(start, end, alignment_mode="expand")


def _antecedent_of_relative(tok: Token) -> Token:
    """"intelligence, which indicated": the noun the relative pronoun stands for."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _named_apposition(tok: Token) -> Token:
    """"Its spokesman, Shubhendu Bhardwaj," / "the broadcaster KBC": prefer the name to the title."""
    if tok.pos_ in ("NOUN", "PRON"):
        for child in tok.children:
            if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
                return child
    nxt = tok.doc[tok.i + 1] if tok.pos_ == "NOUN" and tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("PERSON", "ORG"):
        return nxt.head if nxt.head.i > nxt.i and nxt.head.pos_ == "PROPN" else nxt  # "the news agency Belta"
    return tok


def _noun_phrase(tok: Token) -> Span:
    """Character span of the noun phrase headed by ``tok`` (no relative clauses or appositions)."""
    doc = tok.doc
    if tok.ent_type_ in NAME_ENTS and tok.pos_ == "PROPN":
        ent = _entity_at(tok)
        if ent is not None:
            return ent.start_char, ent.end_char
    left, right = tok.i, tok.i
    for child in tok.lefts:
        if child.dep_ not in ("punct", "cc", "prep", "relcl", "appos", "advmod"):
            left = min(left, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
    while right > left and doc[right].is_punct:
        right -= 1
    return _char_span(doc, left, right)


def _overlapping_actor(ctx: Context, tok: Token, start: int, end: int) -> Actor | None:
    """The actor-layer mention over the phrase: the one holding the head word, else the longest."""
    best, best_key = None, None
    for a in ctx.actors:
        if a.span is None or a.span[1] <= start or a.span[0] >= end:
            continue
        key = (a.span[0] <= tok.idx < a.span[1], min(end, a.span[1]) - max(start, a.span[0]))
        if best_key is None or key > best_key:
            best, best_key = a, key
    return best


def _proper_name(ctx: Context, tok: Token) -> str | None:
    """The canonical-looking name of a proper-noun mention (the longest form in the text)."""
    if tok.pos_ != "PROPN" and tok.ent_type_ not in ("PERSON", "ORG"):
        return None
    ent = _entity_at(tok)
    name = _strip_determiner(ent.text if ent is not None else _phrase(ctx, tok))
    if ent is not None and ent.label_ == "PERSON":
        return _full_name(ctx, name)
    return _expand_acronym(ctx.text, name) if name.isupper() and 1 < len(name) < 7 else name


def _expand_acronym(text: str, short: str) -> str:
    """"BSF" -> "Border Security Force" when the text spells it out as "Border Security Force (BSF)"."""
    i = text.find(f"({short})")
    if i <= 0:
        return short
    words = text[max(0, i - 200):i].split()
    capitals = [w for w in words if w[:1].isupper()][-len(short):]
    if len(capitals) == len(short) and "".join(w[0] for w in capitals) == short:
        first = max(j for j, w in enumerate(words) if w == capitals[0])
        return " ".join(words[first:])
    return short


def _full_name(ctx: Context, name: str) -> str:
    """"Putin" -> "Vladimir Putin" when the article uses the longer form."""
    return ctx.full_names.get(name.split()[-1], name)


def _pronoun_actor(ctx: Context, pron: Token) -> Actor | None:
    """A pronoun the actor layer left unresolved: the nearest fitting mention before it."""
    low = pron.lower_
    if low in PERSONAL:
        ant = _person_before(ctx, pron)
    elif low in COLLECTIVE:
        ant = _group_before(ctx, pron)
    else:
        return None
    mention = Actor(text=pron.text, span=_tok_span(pron), how="attribution:unresolved")
    if ant is None:
        return mention
    if ant.root.pos_ == "NOUN":
        fuller = _earlier_mention(ctx, ant.root)
        ant = fuller if fuller is not None else ant
    return _resolved_to(ctx, mention, ant, how="attribution:pronoun")


def _person_before(ctx: Context, pron: Token):
    """The last person named before ``pron`` in its paragraph or the one before; subjects first."""
    k = ctx.paragraph_of(pron.idx)
    lo = max(ctx.paragraph_bounds(max(0, k - 1))[0], ctx.doc[_sentences_back(pron, 4)].idx)
    window = ctx.doc.char_span(lo, pron.idx, alignment_mode="contract") or []
    people = [e for e in window.ents if e.label_ == "PERSON"] if window else []
    # names the model did not tag: proper-noun subjects outside any entity ("Sisi told ...")
    people += [_phrase_span(t) for t in window if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")
               and (not t.ent_type_ or (t.ent_type_ == "ORG" and _is_cue_verb(ctx, t.head)))]
    people = sorted((p for p in people if p is not None and not ctx.in_quote[p.root.i]), key=lambda p: p.start)
    recent = [p for p in people if p.start >= _sentences_back(pron, 2)]
    subjects = [p for p in recent if p.root.dep_ in ("nsubj", "nsubjpass")]
    for group in (subjects, people):
        if group:
            return group[-1]
    return None


def _entity_at(tok: Token):
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


def _sentences_back(tok: Token, n: int) -> int:
    """Token index where the sentence ``n`` sentences before ``tok``'s begins."""
    sent = tok.sent
    for _ in range(n):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
    return sent.start


def _group_before(ctx: Context, pron: Token):
    """For "they"/"it": the last group or institution named in this or the last sentence, subjects first."""
    lo = _sentences_back(pron, 1)
    singular = pron.lower_ == "it"
    fits = []
    for chunk in ctx.doc[lo:pron.i].noun_chunks:
        root = chunk.root
        if root.pos_ == "PRON" or (singular and root.tag_ in ("NNS", "NNPS")):
            continue
        if (root.lemma_.lower() in ctx.cues.group_nouns or root.lower_ in ctx.cues.group_nouns
                or root.ent_type_ in ("ORG", "NORP") or (singular and root.ent_type_ == "GPE")):
            fits.append(chunk)
    subjects = [c for c in fits if c.root.dep_ in ("nsubj", "nsubjpass")]
    for group in (subjects, fits):
        if group:
            return group[-1]
    return None


# ---------------------------------------------------------------- channels and outlets

def channel_of(ctx: Context, verb: Token) -> str | None:
    """"said in a statement", "wrote on social media": the channel noun phrase."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "via", "through", "during"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and _is_channel(ctx, obj):
                return _channel_phrase(ctx, obj)
    return None


def _is_channel(ctx: Context, obj: Token) -> bool:
    phrase = _strip_determiner(_phrase(ctx, obj)).lower()
    return obj.lemma_.lower() in ctx.cues.channel_nouns or obj.lower_ in ctx.cues.channel_nouns or \
        phrase in ctx.cues.channel_nouns


def _channel_phrase(ctx: Context, obj: Token) -> str:
    """The channel named by ``obj`` without article: "letter", "social media"."""
    return _strip_determiner(_phrase(ctx, obj))


def via_of(ctx: Context, verb: Token, speaker: Actor | None) -> Actor | None:
    """The outlet a statement reached us through: "carried by Xinhua", "told Reuters", "Xinhua quoted"."""
    quoted = _quoted_as(verb)
    if quoted is not None:
        subj = next((c for c in quoted.head.children if c.dep_ == "nsubj"), None) if quoted.dep_ != "nsubj" else None
        if subj is not None:
            return actor_for(ctx, subj)
    for child in verb.children:
        if child.dep_ == "prep":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            relay = next((c for c in obj.children if c.dep_ == "acl"), None) if obj is not None else None
            agent = _agent_of(relay) if relay is not None else None
            if agent is not None:
                return actor_for(ctx, agent)
        if verb.lemma_ == "tell" and child.dep_ in ("dobj", "dative") and _is_media(ctx, child):
            return actor_for(ctx, child)
    return None


def _is_media(ctx: Context, tok: Token) -> bool:
    """A named news medium (not "reporters"): an organisation or a word like agency, daily, TV."""
    if tok.lower_ in ctx.cues.audience_words:
        return False
    return tok.ent_type_ == "ORG" or tok.lower_ in ctx.cues.media_words


def _quoted_as(cue: Token) -> Token | None:
    """In "Xinhua quoted the spokesman as saying", the spokesman (for the cue "saying")."""
    head = cue.head.head if cue.head.lower_ == "as" else cue.head
    if head.i == cue.i or head.lemma_.lower() not in ("quote", "cite"):
        return None
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    return None


# ---------------------------------------------------------------- small helpers

def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _reports_here(ctx: Context, verb: Token) -> bool:
    """False for "maintain closer communication": a two-sense verb without a complement clause."""
    return verb.lemma_.lower() not in ctx.cues.clause_verbs or any(c.dep_ == "ccomp" for c in verb.children)


def _is_cue_verb(ctx: Context, tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return _is_verb(tok) and (lemma in ctx.cues.report_verbs or lemma in ctx.cues.framing_verbs)


def _according_object(tok: Token) -> Token | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _agent_of(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _clause_head(tok: Token) -> Token:
    """The verb of the clause ``tok`` sits in (``tok`` itself at the root)."""
    head = tok.head
    while head.i != head.head.i and not _is_verb(head):
        head = head.head
    return head


def _phrase(ctx: Context, tok: Token) -> str:
    start, end = _noun_phrase(tok)
    return ctx.text[start:end]


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("a", "an", "the", "its", "their", "his", "her") else text


def _clip(ctx: Context, scope: Span, at: int) -> Span:
    """``scope`` cut to the paragraph holding offset ``at`` (a parse may run across a headline)."""
    ps, pe = ctx.paragraph_bounds(ctx.paragraph_of(at))
    return max(scope[0], ps), min(scope[1], pe)


def _tok_span(tok: Token) -> Span:
    return tok.idx, tok.idx + len(tok.text)


def _char_span(doc: Doc, first: int, last: int) -> Span:
    """Character span from token ``first`` to token ``last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last].text)
