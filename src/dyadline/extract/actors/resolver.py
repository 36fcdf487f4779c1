"""Actors: find the mentions of political actors in a Doc and resolve them.

Resolution uses the knowledge base (people with dated roles, organisations; shipped as
``data/actors.yaml`` and extended by user files), the country table (names, demonyms,
capitals and seats of government) and the sector terms (``data/actors_sectors.yaml``).

    >>> resolver = ActorResolver()
    >>> resolver.resolve("President Biden", date=datetime.date(2023, 5, 1))
    Actor(text='President Biden', name='Joe Biden', country='USA', sector='GOV')

``find`` returns every mention of a Doc in text order, with coreference
(see :mod:`dyadline.extract.actors.coref`).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass

from spacy.tokens import Doc

from dyadline.extract.actors.coref import Coreference
from dyadline.extract.actors.groups import add_peoples, load_peoples
from dyadline.extract.actors.hits import match_doc
from dyadline.extract.actors.kb import Entry, KnowledgeBase, load_kb
from dyadline.extract.actors.lexicon import (
    Hit,
    Lexicon,
    Word,
    add_countries,
    add_kb,
    add_places,
    add_short_forms,
    add_terms,
    key_of,
    stance_modified,
    words_of,
)
from dyadline.extract.actors.mentions import MentionFinder
from dyadline.extract.actors.phrase import Coding, code_phrase
from dyadline.extract.actors.terms import Terms, load_terms
from dyadline.extract.actors.titles import TitleIndex
from dyadline.extract.actors.words import ActorWords, actor_words
from dyadline.extract.wordlists import grammar_words
from dyadline.records import Actor, Basis

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resources:
    """Everything resolution needs, built once per set of user files."""

    kb: KnowledgeBase
    terms: Terms
    lexicon: Lexicon
    titles: TitleIndex
    words: ActorWords


def load_resources(extra_paths: tuple[str, ...] = ()) -> Resources:
    """Load the knowledge base, sector terms and countries and index them (cached per set of files)."""
    return _load_resources(tuple(str(p) for p in extra_paths))


@functools.lru_cache(maxsize=4)
def _load_resources(extra_paths: tuple[str, ...]) -> Resources:
    from dyadline.codebooks.countries import load_countries

    kb, terms = load_kb(extra_paths), load_terms()
    lex = Lexicon()
    add_kb(lex, kb, shorts=False)
    add_countries(lex, load_countries())
    add_peoples(lex, load_peoples())
    add_short_forms(lex, kb)
    add_terms(lex, terms)
    add_places(lex)
    log.debug("actor lexicon: %d keys", len(lex.index))
    return Resources(kb, terms, lex, TitleIndex(kb, terms.parliamentary), actor_words(extra_paths))


def _gazetteer():
    try:
        from dyadline.extract.places.gazetteer import load_gazetteer
    except ImportError:  # pragma: no cover
        return None
    return load_gazetteer()


def _as_date(date) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None


class ActorResolver:
    """Resolves actor mentions with the shipped knowledge base plus ``extra_paths`` (YAML)."""

    def __init__(self, extra_paths=()):
        self.extra_paths = tuple(str(p) for p in extra_paths)

    @property
    def resources(self) -> Resources:
        """The loaded, indexed data (built on first use, shared between resolvers)."""
        return load_resources(self.extra_paths)

    def _coder(self, date: dt.date | None):
        res = self.resources

        def code(words, hits, lookup: bool = True) -> Coding | None:
            return code_phrase(words, hits, date, res.terms.former, res.titles.lookup if lookup else None)
        return code

    def resolve(self, text: str, context: str | None = None, date: dt.date | None = None) -> Actor:
        """Resolve one mention ("President Biden", "four Saudi men") to name, country and sector."""
        date = _as_date(date)
        clean = text.strip()
        if clean.lower() in grammar_words().pronouns:
            return Actor(text=text, sector="UNK", how=Basis.PRONOUN.value, basis=Basis.PRONOUN)
        words = words_of(clean)
        hits = self.resources.lexicon.match(words, cased=clean != clean.lower())
        if not any(h.first("person", "org", "country", "demonym", "short") for h in hits):
            hits = self._fuzzy(words, hits)
        coding = self._coder(date)(words, hits)
        if coding is None:
            return Actor(text=text)
        country = coding.country or (self._context_country(context) if context else None)
        return Actor(text=text, name=coding.name, country=country, sector=coding.sector, how=coding.basis.value,
                     basis=coding.basis)

    def _fuzzy(self, words: list[Word], hits: list[Hit]) -> list[Hit]:
        """Add a near match for the capitalised run of the mention ("Kazahks", other spellings)."""
        run = [k for k, w in enumerate(words) if w.text[:1].isupper() and not any(h.start <= k < h.end for h in hits)]
        if not run or run != list(range(run[0], run[-1] + 1)) or stance_modified(words, run[0], run[-1] + 1):
            return hits
        key = " ".join(words[k].key for k in run)
        senses = self.resources.lexicon.fuzzy(key)
        if not senses:
            return hits
        return sorted([*hits, Hit(run[0], run[-1] + 1, tuple(senses))], key=lambda h: h.start)

    def _context_country(self, context: str) -> str | None:
        words = words_of(context)
        for h in self.resources.lexicon.match(words, cased=context != context.lower()):
            s = h.first("country", "demonym", "capital", "org", "person")
            if s is not None:
                if s.entry is not None:
                    role = s.entry.role_at(None)
                    return (role.country if role else None) or s.entry.country
                return s.country
        return None

    def search(self, name: str) -> list[dict]:
        """Knowledge-base entries whose names contain ``name``: name, kind, country, sector, aliases, roles."""
        want = key_of(name)
        if not want:
            return []
        found = [e for e in self.resources.kb.entries
                 if any(want in key_of(f) for f in (*e.forms(), *(e.short or ())))]
        exact = [e for e in found if any(key_of(f) == want for f in e.forms())]
        return [entry_dict(e) for e in exact + [e for e in found if e not in exact]]

    def find(self, doc: Doc, published: dt.date | None = None) -> list[Actor]:
        """Every actor mention of ``doc`` in text order, resolved, with coreference."""
        published = _as_date(published)
        res = self.resources
        hits = match_doc(doc, res.lexicon)
        mentions = MentionFinder(doc, hits, self._coder(published), published, places=_gazetteer(),
                                 words=res.words).run()
        actors = Coreference(doc, res.titles, published).run(mentions)
        return sorted(actors, key=lambda a: (a.span[0], -a.span[1]))


def entry_dict(e: Entry) -> dict:
    """A KB entry as a plain dict (for ``dyadline actors search``)."""
    latest = e.role_at(None)
    return {"name": e.name, "kind": e.kind,
            "country": (latest.country if latest else None) or e.country,
            "sector": (latest.sector if latest else None) or e.sector,
            "aliases": list(e.aliases), "short": list(e.short or ()),
            "roles": [{"country": r.country, "sector": r.sector, "title": r.title,
                       "start": r.start.isoformat() if r.start else None,
                       "end": r.end.isoformat() if r.end else None} for r in e.roles]}
