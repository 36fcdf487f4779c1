"""Channels and outlets: "said in a statement", "carried by Xinhua", "told Reuters"."""

from __future__ import annotations

from spacy.tokens import Token

from dyadline.extract.speech.context import Context
from dyadline.extract.speech.speakers import actor_for, phrase_text, quoted_as, strip_determiner
from dyadline.extract.syntax import agent_of
from dyadline.records import Actor


def channel_of(ctx: Context, verb: Token) -> str | None:
    """"said in a statement", "wrote on social media": the channel noun phrase."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "via", "through", "during"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and is_channel(ctx, obj):
                return channel_phrase(ctx, obj)
    return None


def is_channel(ctx: Context, obj: Token) -> bool:
    phrase = strip_determiner(phrase_text(ctx, obj)).lower()
    return obj.lemma_.lower() in ctx.cues.channel_nouns or obj.lower_ in ctx.cues.channel_nouns or \
        phrase in ctx.cues.channel_nouns


def channel_phrase(ctx: Context, obj: Token) -> str:
    """The channel named by ``obj`` without article: "letter", "social media"."""
    return strip_determiner(phrase_text(ctx, obj))


def via_of(ctx: Context, verb: Token, speaker: Actor | None) -> Actor | None:
    """The outlet a statement reached us through: "carried by Xinhua", "told Reuters", "Xinhua quoted"."""
    quoted = quoted_as(verb)
    if quoted is not None:
        subj = next((c for c in quoted.head.children if c.dep_ == "nsubj"), None) if quoted.dep_ != "nsubj" else None
        if subj is not None:
            return actor_for(ctx, subj)
    for child in verb.children:
        if child.dep_ == "prep":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            relay = next((c for c in obj.children if c.dep_ == "acl"), None) if obj is not None else None
            agent = agent_of(relay) if relay is not None else None
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
