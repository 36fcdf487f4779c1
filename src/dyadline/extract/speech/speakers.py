"""Who speaks: the actor behind a cue, a subject, a pronoun or "the ministry".

The actor layer's mentions are preferred; when none covers the words, an unresolved
:class:`Actor` is built from the phrase (a name, a title, the earlier mention it stands for).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from dyadline.extract.actors.pronouns import Scope, Strategy, resolve
from dyadline.extract.speech.context import Context, is_cue_verb
from dyadline.extract.syntax import char_span, clause_subject, entity_at, sentences_back, tok_span
from dyadline.extract.wordlists import grammar_words
from dyadline.records import Actor, Basis, Span

NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
LOOKBACK = 2000  # tokens searched back for an earlier mention (keeps long documents linear)


def source_of_cue(ctx: Context, cue: Token) -> Actor | None:
    """Who speaks through ``cue``: its subject, or the one quoted in "X quoted Y as saying"."""
    quoted = quoted_as(cue)
    if quoted is not None:
        return actor_for(ctx, quoted)
    subject = clause_subject(cue)
    return actor_for(ctx, subject) if subject is not None else None


def actor_for(ctx: Context, tok: Token) -> Actor | None:
    """The actor named by the noun phrase headed by ``tok`` (resolved when the actor layer knows it)."""
    tok = _antecedent_of_relative(tok)
    tok = _named_apposition(tok)
    start, end = _noun_phrase(tok)
    known = _overlapping_actor(ctx, tok, start, end)
    if known is not None and _antecedent_quoted(ctx, known):
        known = None  # the speaker of a quote is not someone named inside the quotation
    if tok.pos_ == "PRON":
        return _pronoun_actor(ctx, tok, known)
    if known is not None and (known.name or tok.pos_ != "NOUN"):
        return known
    return _completed(known, _fallback_actor(ctx, tok, start, end))


def _completed(known: Actor | None, fallback: Actor | None) -> Actor | None:
    """The actor layer's mention, which placed the words (country, sector) but named no one,
    with the name (and what else it lacks) found by our own reading."""
    if known is None:
        return fallback
    return Actor(text=known.text, span=known.span, name=fallback.name if fallback else None,
                 country=known.country or (fallback.country if fallback else None),
                 sector=known.sector or (fallback.sector if fallback else None), how=known.how, basis=known.basis,
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
    """Our own reading of a mention the actor layer did not name: "the ministry", names."""
    mention = Actor(text=ctx.text[start:end], span=(start, end), name=_proper_name(ctx, tok),
                    how=Basis.ATTRIBUTION_UNRESOLVED.value, basis=Basis.ATTRIBUTION_UNRESOLVED)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.cues.channel_nouns:
        author = _author_of_channel(ctx, tok)
        return author if author is not None else mention
    if tok.pos_ == "NOUN":
        earlier = _earlier_mention(ctx, tok)
        if earlier is not None:
            return _resolved_to(ctx, mention, earlier, basis=Basis.ATTRIBUTION_DEFINITE)
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
            subject = clause_subject(cand.head)
            if subject is not None and subject.i != tok.i:
                return actor_for(ctx, subject)
    return None


def _resolved_to(ctx: Context, mention: Actor, ant, *, basis: Basis) -> Actor:
    """``mention`` (a pronoun or "the ministry") standing for the earlier mention ``ant``."""
    known = _overlapping_actor(ctx, ant.root, ant.start_char, ant.end_char)
    name = _proper_name(ctx, ant.root) or strip_determiner(ant.text)
    if known is not None and (known.name or known.country):
        return Actor(text=mention.text, span=mention.span, name=known.name or name, country=known.country,
                     sector=known.sector, how=basis.value, basis=basis, antecedent=known.span)
    return Actor(text=mention.text, span=mention.span, name=name, how=basis.value, basis=basis,
                 antecedent=(ant.start_char, ant.end_char))


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
    if tok.lower_ in grammar_words().relative_pronouns and tok.head.dep_ == "relcl":
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
        ent = entity_at(tok)
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
    return char_span(doc, left, right)


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
    ent = entity_at(tok)
    name = strip_determiner(ent.text if ent is not None else phrase_text(ctx, tok))
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


def _pronoun_actor(ctx: Context, pron: Token, known: Actor | None) -> Actor | None:
    """The speaker a pronoun stands for, from the pronoun resolver (``actors/pronouns.py``): the
    actor layer's coreference when it named someone, else the nearest fitting mention before it
    (the paragraphs and quotations searched are ours)."""
    ante = resolve(pron, known, _scope(ctx, pron))
    if ante is not None and ante.strategy is Strategy.COREFERENCE:
        return ante.actor
    if ante is None:
        return _completed(known, None)
    mention = Actor(text=pron.text, span=tok_span(pron), how=Basis.ATTRIBUTION_UNRESOLVED.value,
                    basis=Basis.ATTRIBUTION_UNRESOLVED)
    span = ante.span
    if span is None:
        return _completed(known, mention)
    if span.root.pos_ == "NOUN":
        fuller = _earlier_mention(ctx, span.root)
        span = fuller if fuller is not None else span
    return _completed(known, _resolved_to(ctx, mention, span, basis=Basis.ATTRIBUTION_PRONOUN))


def _scope(ctx: Context, pron: Token) -> Scope:
    """Where a pronoun's antecedent may be: from the previous paragraph (at most four sentences
    back), outside quotations."""
    k = ctx.paragraph_of(pron.idx)
    start = max(ctx.paragraph_bounds(max(0, k - 1))[0], ctx.doc[sentences_back(pron, 4)].idx)
    return Scope(start, quoted=ctx.in_quote.__getitem__, speaks=lambda t: is_cue_verb(ctx, t), phrase=_phrase_span,
                 group_nouns=ctx.cues.group_nouns)


def quoted_as(cue: Token) -> Token | None:
    """In "Xinhua quoted the spokesman as saying", the spokesman (for the cue "saying")."""
    head = cue.head.head if cue.head.lower_ == "as" else cue.head
    if head.i == cue.i or head.lemma_.lower() not in ("quote", "cite"):
        return None
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    return None


def phrase_text(ctx: Context, tok: Token) -> str:
    start, end = _noun_phrase(tok)
    return ctx.text[start:end]


def strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("a", "an", "the", "its", "their", "his", "her") else text
