"""The event trigger lexicon: which words code which PLOVER type, mode and CAMEO code.

The lexicon is data (``data/lexicon.yaml``, format documented at its top); users extend or
override it with files of the same shape. ``Lexicon.match(token)`` finds the most specific
entry for a token of a parsed Doc, looking at phrasal particles, prepositions and objects.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Token

from dyadline.codebooks.plover import PLOVER_TYPES
from dyadline.errors import ConfigError, Errors
from dyadline.extract.events.words import EventWords, shipped_event_words
from dyadline.yamlfile import load_yaml

OBJ_DEPS = ("dobj", "nsubjpass", "attr", "oprd")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry, for one trigger word or phrase."""

    key: str                      # lemma, or "lemma particle" / "lemma prep" / "compound lemma"
    pos: str                      # "verb" or "noun"
    type: str
    mode: str | None = None
    cameo: str | None = None
    objects: frozenset[str] = frozenset()
    unless_objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    target: str = "object"
    negated_as: str | None = None

    @property
    def specificity(self) -> int:
        return len(self.key.replace("-", " ").split()) + 2 * bool(self.objects) + 2 * bool(self.subjects) + bool(self.preps)

    @property
    def rule(self) -> str:
        cond = " + object in lexicon list" if self.objects else ""
        return f"{self.pos} trigger '{self.key}'{cond} -> {self.type}" + (f"/{self.mode}" if self.mode else "")


@dataclass(frozen=True)
class TriggerMatch:
    trigger: Trigger
    tokens: tuple[int, ...]   # token indices that make up the trigger phrase

    @property
    def head(self) -> int:
        return self.tokens[0]


def _entries(path_label: str, data: dict) -> list[Trigger]:
    out = []
    if not isinstance(data, dict):
        raise ConfigError(Errors.E004.format(path=path_label, entry=str(data)[:60], reason="top level must map PLOVER types to lists"))
    for typ, entries in data.items():
        if typ not in PLOVER_TYPES:
            raise ConfigError(Errors.E004.format(path=path_label, entry=typ, reason=f"not a PLOVER type ({', '.join(PLOVER_TYPES)})"))
        for e in entries or ():
            if not isinstance(e, dict) or not (e.get("verb") or e.get("noun")):
                raise ConfigError(Errors.E004.format(path=path_label, entry=e, reason="an entry needs 'verb' or 'noun'"))
            common = dict(type=typ, mode=e.get("mode"), cameo=str(e["cameo"]) if e.get("cameo") else None,
                          objects=frozenset(e.get("object") or ()),
                          unless_objects=frozenset(e.get("unless_object") or ()), subjects=frozenset(e.get("subject") or ()),
                          preps=frozenset(e.get("prep") or ()), target=e.get("target", "object"),
                          negated_as=e.get("negated_as"))
            for pos in ("verb", "noun"):
                for key in e.get(pos) or ():
                    out.append(Trigger(key=str(key).lower(), pos=pos, **common))
    return out


def _read(path: Path | None) -> tuple[str, dict]:
    if path is None:
        text = resources.files("dyadline.extract").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
        return "lexicon.yaml", load_yaml(text)
    try:
        return str(path), load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from None


class Lexicon:
    """Trigger entries indexed by part of speech and key."""

    def __init__(self, triggers: list[Trigger], words: EventWords | None = None):
        self.index: dict[tuple[str, str], list[Trigger]] = {}
        for t in triggers:
            self.index.setdefault((t.pos, t.key), []).append(t)
        self.multi_first = {k.split()[0] for (_, k) in self.index if " " in k}
        self.words = words or shipped_event_words()

    @classmethod
    def load(cls, extra_paths=()) -> Lexicon:
        """The shipped lexicon plus users' files (later files add entries that win ties); a file's
        ``words:`` section adds to the event coder's word lists (``data/events_words.yaml``)."""
        triggers, words = [], shipped_event_words()
        for p in (None, *extra_paths):
            label, data = _read(Path(p) if p else None)
            if isinstance(data, dict) and "words" in data:
                data = dict(data)
                words = words.extended(label, data.pop("words"))
            triggers.extend(_entries(label, data or {}))
        return cls(triggers, words)

    def match(self, tok: Token) -> TriggerMatch | None:
        """The most specific trigger entry whose conditions hold for ``tok``."""
        if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            return self._best("verb", _verb_keys(tok), tok)
        if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.text.lower() == "offensive"):
            return self._best("noun", _noun_keys(tok), tok)
        return None

    def ranked(self, tok: Token) -> list[TriggerMatch]:
        """Every entry whose conditions hold for ``tok``, the most specific first (ties: file order)."""
        if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            return self._all("verb", _verb_keys(tok), tok)
        if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.text.lower() == "offensive"):
            return self._all("noun", _noun_keys(tok), tok)
        return []

    def _best(self, pos: str, keys: list[tuple[str, tuple[int, ...]]], tok: Token) -> TriggerMatch | None:
        return next(iter(self._all(pos, keys, tok)), None)

    def _all(self, pos: str, keys: list[tuple[str, tuple[int, ...]]], tok: Token) -> list[TriggerMatch]:
        found: list[TriggerMatch] = []
        objects: set[str] | None = None  # the token's object lemmas, read once and only if needed
        for key, toks in keys:
            for trig in self.index.get((pos, key), ()):
                if objects is None and (trig.objects or trig.unless_objects):
                    objects = object_lemmas(tok)
                if _conditions_hold(trig, tok, objects or set()):
                    found.append(TriggerMatch(trig, toks))
        order = {id(m): i for i, m in enumerate(found)}
        return sorted(found, key=lambda m: (-m.trigger.specificity, order[id(m)]))


def _verb_keys(tok: Token) -> list[tuple[str, tuple[int, ...]]]:
    lemma = tok.lemma_.lower()
    keys = [(lemma, (tok.i,))]
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "dobj", "advmod", "compound:prt"):
            keys.append((f"{lemma} {c.lemma_.lower()}", (tok.i, c.i)))
            if c.dep_ == "prt":
                for cc in c.children:
                    if cc.dep_ == "prep":
                        keys.append((f"{lemma} {c.lemma_.lower()} {cc.lemma_.lower()}", (tok.i, c.i, cc.i)))
                for cc in tok.children:
                    if cc.dep_ == "prep":
                        keys.append((f"{lemma} {c.lemma_.lower()} {cc.lemma_.lower()}", (tok.i, c.i, cc.i)))
    return keys


def _noun_keys(tok: Token) -> list[tuple[str, tuple[int, ...]]]:
    lemma = tok.lemma_.lower()
    keys = [(lemma, (tok.i,)), (tok.text.lower(), (tok.i,))]
    doc = tok.doc
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i < tok.i:
            keys.append((f"{c.text.lower()} {lemma}", (c.i, tok.i)))
            keys.append((f"{c.text.lower()} {tok.text.lower()}", (c.i, tok.i)))
    # hyphenated compounds split by the tokenizer: counter - offensive
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        keys.append((f"{doc[tok.i - 2].text.lower()}-{lemma}", (tok.i - 2, tok.i)))
    return keys


def _forms(x: Token) -> set[str]:
    """A noun's lemma and text, and its lemma with each compound or adjective ("war game")."""
    lemma = x.lemma_.lower()
    return {lemma, x.text.lower()} | {f"{m.text.lower()} {lemma}" for m in x.children if m.dep_ in ("compound", "amod")}


def of_objects(x: Token) -> list[Token]:
    """"an additional 30,000 troops", "ten days of war games", "hundreds of students": what is counted."""
    return [g for p in x.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas of the object of a verb (or the of-object of a noun), with their compounds."""
    out = set()
    for c in tok.children:
        if c.dep_ in OBJ_DEPS or (tok.pos_ in ("NOUN", "PROPN") and c.dep_ == "prep" and c.lower_ == "of"):
            heads = [c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"]
            for h in heads:
                for x in (h, *h.conjuncts):
                    out |= _forms(x)
                    for g in of_objects(x):
                        out |= _forms(g)
        if c.dep_ == "prep" and c.lower_ in ("with", "to", "by", "over", "on", "into") and tok.pos_ == "VERB":
            out.update(g.lemma_.lower() + "@" + c.lower_ for g in c.children if g.dep_ == "pobj")
    return out


def _subject_lemmas(tok: Token) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for x in (c, *c.conjuncts):
                out |= _forms(x)
                for g in of_objects(x):  # "hundreds of students", "the first deployment of peacekeeping troops"
                    out |= _forms(g)
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.add(tok.head.lemma_.lower())
    return out


def _conditions_hold(trig: Trigger, tok: Token, objects: set[str]) -> bool:
    if trig.objects and not (trig.objects & objects):
        return False
    if trig.unless_objects and trig.unless_objects & objects:
        return False
    if trig.subjects and not (trig.subjects & _subject_lemmas(tok)):
        return False
    if trig.preps and not any(c.dep_ == "prep" and c.lower_ in trig.preps for c in tok.children):
        return False
    return True


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_paths: tuple[str, ...] = ()) -> Lexicon:
    """Cached :meth:`Lexicon.load`."""
    return Lexicon.load(extra_paths)
