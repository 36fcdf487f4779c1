"""One index over every actor surface form: KB names, country forms, cities and sector terms.

Texts are compared as sequences of normalised words (lower case, no accents, no dots,
hyphens dropped), so "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" share one key.
Short all-capital aliases ("UN", "WHO", "US") only match in capitals.
:func:`Lexicon.match` finds the longest forms left to right in linear time.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import spacy

from dyadline.extract.actors.kb import Entry, KnowledgeBase
from dyadline.extract.actors.terms import Term, Terms
from dyadline.extract.actors.words import shipped_actor_words

MAX_WORDS = 9
_NAMED = ("person", "org", "country", "demonym")
_SKIP = {"-", "–", ".", "‐"}
_HYPHENS = frozenset({"-", "–", "‐"})
# Lower-case particles that open a proper name ("al-Qaeda", "bin Laden", "van der Bellen").
PARTICLES = shipped_actor_words().name_particles
# "anti-Syria", "pro-Russian": a stance towards the name, which gives the actor no country.
STANCE_PREFIXES = shipped_actor_words().stance_prefixes
# "Iran-backed militias": the sponsor named before the hyphen is not the actor's country.
SPONSORED = shipped_actor_words().sponsor_words
# "the Israeli-occupied West Bank", "Serb-held Krajina": the controlling state is not the place's.
CONTROLLED = shipped_actor_words().control_words
_PARTICLE_KINDS = ("person", "short", "org")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@dataclass(frozen=True)
class Sense:
    """One thing a surface form can mean."""

    kind: str  # person | short | org | country | capital | demonym | city | term
    form: str  # the form as written in the data
    entry: Entry | None = None
    country: str | None = None  # ISO3 for country/capital/demonym/city senses
    term: Term | None = None
    exact: str | None = None  # required spelling (dots removed) for short acronyms
    auto: bool = False  # a short form made from the last word of the name, not listed in the data

    @property
    def proper(self) -> bool:
        """Proper names are only matched when capitalised in running text."""
        return self.kind != "term"


@dataclass(frozen=True)
class Word:
    """A word of a text: its normalised key, its text as written and its index in the source."""

    key: str
    text: str
    i: int
    hyphen: bool = False  # joined to the previous word by a hyphen ("anti-Syria", "Iran-backed")


@dataclass(frozen=True)
class Hit:
    """A longest match: words ``start``..``end`` (exclusive) of a word list and their senses."""

    start: int
    end: int
    senses: tuple[Sense, ...]

    def first(self, *kinds: str) -> Sense | None:
        """The first sense of one of ``kinds``."""
        return next((s for s in self.senses if s.kind in kinds), None)


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Normalise one token: no accents, lower case, straight apostrophes, no dots.

    Pure, and called for every token of every document: cached (news reuses its words)."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().replace(".", "").strip()


@functools.lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en").tokenizer


def words_of(text: str) -> list[Word]:
    """Tokenise and normalise a short text (a mention, an alias)."""
    return words_from_tokens([(t.text, t.i) for t in _tokenizer()(text)])


def words_from_tokens(tokens: Sequence[tuple[str, int]]) -> list[Word]:
    """Words from (text, index) pairs, dropping hyphens and stray dots."""
    out: list[Word] = []
    after_hyphen = False
    for text, i in tokens:
        if not text.strip():
            out.append(Word("\n", text, i))  # whitespace tokens break matches
        elif text not in _SKIP:
            out.append(Word(norm(text), text, i, hyphen=after_hyphen and bool(out)))
        after_hyphen = text in _HYPHENS
    return out


def key_of(text: str) -> str:
    """The lookup key of a form."""
    parts = text.split()
    if all(p.isalpha() for p in parts):  # fast path: plain words split only on spaces
        return " ".join(norm(p) for p in parts)
    return " ".join(w.key for w in words_of(text) if w.key != "\n")


def _exact(form: str) -> str | None:
    bare = form.replace(".", "").replace(" ", "")
    return bare if bare.isupper() and len(bare) <= 3 else None


@dataclass
class Lexicon:
    """The index from keys to senses."""

    index: dict[str, list[Sense]] = field(default_factory=dict)

    def add(self, form: str, sense: Sense) -> None:
        """Index ``sense`` under ``form``."""
        key = key_of(form)
        if key and len(key.split()) <= MAX_WORDS:
            bucket = self.index.setdefault(key, [])
            if sense not in bucket:
                bucket.append(sense)
            self.__dict__.pop("_spans", None)  # the first-word index is rebuilt on next use

    def first_words(self) -> dict[str, int]:
        """Each first word of a key -> the most words a key starting with it has (built once).

        Words are counted as ``key.split(" ")`` parts, which is how :meth:`_longest` joins
        word keys, so a key can only match a span no longer than this many words."""
        spans = self.__dict__.get("_spans")
        if spans is None:
            spans = {}
            for key in self.index:
                parts = key.split(" ")
                if len(parts) > spans.get(parts[0], 0):
                    spans[parts[0]] = len(parts)
            self._spans = spans
        return spans

    def fuzzy(self, key: str, cutoff: float = 0.85) -> list[Sense]:
        """The proper-name senses of the closest known key (typos, transliterations), or []."""
        import difflib

        if len(key) < 5:
            return []
        pool = self._names().get(key[:1], [])
        best = difflib.get_close_matches(key, pool, n=1, cutoff=cutoff)
        return [s for s in self.index[best[0]] if s.kind in _NAMED] if best else []

    def _names(self) -> dict[str, list[str]]:
        if not hasattr(self, "_by_letter"):
            groups: dict[str, list[str]] = {}
            for k, senses in self.index.items():
                if len(k) >= 5 and any(s.kind in _NAMED and s.exact is None for s in senses):
                    groups.setdefault(k[:1], []).append(k)
            self._by_letter = groups
        return self._by_letter

    def senses(self, key: str) -> list[Sense]:
        """The senses of an exact key."""
        return self.index.get(key, [])

    def match(self, words: Sequence[Word], *, cased: bool) -> list[Hit]:
        """Longest matches left to right; ``cased``: proper senses need a capital letter."""
        hits, i, n = [], 0, len(words)
        while i < n:
            hit = self._longest(words, i, cased)
            if hit is None:
                i += 1
                continue
            hit = _drop_stance(words, hit)
            if hit.senses:
                hits.append(hit)
            i = hit.end
        return hits

    def _longest(self, words: Sequence[Word], i: int, cased: bool) -> Hit | None:
        first = words[i].key
        if " " not in first:  # (a key with a space, from an odd token, takes the plain path)
            # Only spans whose first word opens some key can match, and no longer than that key.
            most = self.first_words().get(first)
            if most is None:
                return None
            return self._longest_upto(words, i, cased, min(len(words), i + MAX_WORDS, i + most))
        return self._longest_upto(words, i, cased, min(len(words), i + MAX_WORDS))

    def _longest_upto(self, words: Sequence[Word], i: int, cased: bool, stop: int) -> Hit | None:
        """The longest match of words ``i``..``j`` for ``j`` from ``stop`` down to ``i + 1``."""
        for j in range(stop, i, -1):
            if words[j - 1].key == "\n":
                continue
            senses = self.index.get(" ".join(w.key for w in words[i:j]))
            if not senses:
                continue
            ok = tuple(s for s in senses if _fits(s, words[i:j], cased))
            if ok:
                return Hit(i, j, ok)
        return None


def _fits(sense: Sense, words: Sequence[Word], cased: bool) -> bool:
    if sense.exact is not None:
        return "".join(w.text for w in words).replace(".", "") == sense.exact
    if cased and sense.proper:
        first = words[0].text
        return first[:1].isupper() or first[:1].isdigit() or _particle_name(sense, words)
    return True


def _particle_name(sense: Sense, words: Sequence[Word]) -> bool:
    """A name opened by a lower-case particle and capitalised after it ("al-Qaeda", "bin Laden")."""
    if sense.kind not in _PARTICLE_KINDS or len(words) < 2 or words[0].key not in PARTICLES:
        return False
    return words[0].text.islower() and words[1].text[:1].isupper()


def stance_modified(words: Sequence[Word], start: int, end: int) -> bool:
    """True when words ``start``..``end`` are hyphened to a stance or sponsor word ("anti-Syria",
    "pro-Russian", "Iran-backed", "Israeli-occupied"): they say whom the actor favours or who
    holds the place, not what it is."""
    before = words[start - 1] if start > 0 else None
    if before is not None and words[start].hyphen and before.key in STANCE_PREFIXES:
        return True
    after = words[end] if end < len(words) else None
    return after is not None and after.hyphen and after.text.islower() and after.key in SPONSORED | CONTROLLED


def _drop_stance(words: Sequence[Word], hit: Hit) -> Hit:
    """The hit without its proper-name senses when a stance or sponsor word modifies it."""
    if not stance_modified(words, hit.start, hit.end):
        return hit
    return Hit(hit.start, hit.end, tuple(s for s in hit.senses if not s.proper))


_NOT_SHORT = ("person", "org", "country", "demonym", "capital")


def add_kb(lex: Lexicon, kb: KnowledgeBase, *, shorts: bool = True) -> None:
    """Index every KB entry under its full forms (and its short forms unless ``shorts`` is False)."""
    for e in kb.entries:
        for form in e.forms():
            lex.add(form, Sense(e.kind, form, entry=e, exact=_exact(form)))
    if shorts:
        add_short_forms(lex, kb)


def add_short_forms(lex: Lexicon, kb: KnowledgeBase) -> None:
    """Index short forms (surnames) that are not already full names or country forms ("Montenegro")."""
    for e in kb.entries:
        for form in e.short if e.short is not None else (_auto_short(e),):
            if form and not any(s.kind in _NOT_SHORT for s in lex.senses(key_of(form))):
                lex.add(form, Sense("short", form, entry=e, exact=_exact(form), auto=e.short is None))


def _auto_short(e: Entry) -> str | None:
    if e.kind != "person":
        return None
    last = e.name.split()[-1]
    return last if len(last) > 2 and last[0].isupper() else None


def add_terms(lex: Lexicon, terms: Terms) -> None:
    """Index the sector terms."""
    for form, term in terms.forms.items():
        lex.add(form, Sense("term", form, term=term))


def add_countries(lex: Lexicon, table) -> None:
    """Index country names, aliases, demonyms and metonyms (capitals, seats) from the country table."""
    for c in table:
        for kind, forms in (("country", (c.name, *c.aliases)), ("demonym", c.demonyms),
                            ("capital", c.metonyms)):
            for form in forms:
                won = table.lookup(form)
                if won is not None and won.country.iso3 == c.iso3:
                    lex.add(form, Sense(kind, form, country=c.iso3, exact=_exact(form)))


def add_places(lex: Lexicon, min_population: int = 50_000, alias_population: int = 1_000_000) -> None:
    """Index regions and cities of the gazetteer as country evidence ("Kyiv police", "Rakhine rebels")."""
    try:
        from dyadline.extract.places.gazetteer import load_gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with dyadline
        return
    for place in sorted(load_gazetteer().entries, key=lambda p: -p.population):
        if not place.country:
            continue
        if place.kind in ("region", "disputed", "island"):
            forms = (place.name, *place.aliases)
        elif place.kind == "city" and place.population >= min_population:
            forms = (place.name, *(place.aliases if place.population >= alias_population else ()))
        else:
            continue
        kind = "city" if place.kind == "city" else "region"
        for form in forms:
            key = key_of(form)
            if len(key) >= 4 and key not in lex.index and form[:1].isupper():
                lex.add(form, Sense(kind, form, country=place.country))
