"""The library face: parse documents once with spaCy (batched) and code them into Records.

    >>> from dyadline import Pipeline
    >>> pipe = Pipeline()
    >>> record = pipe.extract("Russia attacked Ukraine.", published="2025-01-02")
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator

from spacy.language import Language

from dyadline.extract.collect import Extractors, records_from_doc
from dyadline.nlp import load_pipeline
from dyadline.records import Actor, Article, Record
from dyadline.settings import Settings


class Pipeline:
    """Everything needed to code articles: the spaCy pipeline plus dyadline's extractors.

    Loading is lazy and happens once; a Pipeline is cheap to keep and reuse.
    """

    def __init__(self, settings: Settings | None = None, **overrides):
        self.settings = settings or Settings.load(**overrides)

    @functools.cached_property
    def nlp(self) -> Language:
        return load_pipeline(self.settings.model)

    @functools.cached_property
    def extractors(self) -> Extractors:
        from dyadline.cache import load_extractors

        return load_extractors(self.settings)[0]

    def pipe(self, articles: Iterable[Article], *, batch_size: int | None = None,
             n_process: int | None = None) -> Iterator[tuple[Article, Record]]:
        """Yield (article, record) pairs in input order; spaCy runs once per article, batched."""
        ex = self.extractors
        texts = ((a.text, a) for a in articles)
        docs = self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size or self.settings.batch_size,
                             n_process=n_process or self.settings.n_process)
        for doc, article in docs:
            yield article, records_from_doc(doc, article, ex)

    def extract(self, text: str, *, published: str | dt.date | None = None, title: str | None = None,
                id: str = "doc") -> Record:
        """Code one text. ``published`` anchors relative dates ("last year")."""
        if isinstance(published, dt.date):
            published = published.isoformat()
        article = Article(id=id, text=text, published=published, title=title)
        return next(self.pipe([article]))[1]

    def resolve(self, text: str, *, context: str | None = None, date: str | dt.date | None = None) -> Actor:
        """Resolve an actor mention (no span) to name, country and sector."""
        if isinstance(date, str):
            date = dt.date.fromisoformat(date[:10])
        return self.extractors.actors.resolve(text, context=context, date=date)

    def search_actors(self, name: str) -> list[dict]:
        """Knowledge-base entries matching ``name``: name, kind, country, sector, aliases, roles."""
        return self.extractors.actors.search(name)

    def explain(self, text: str, *, published: str | dt.date | None = None) -> list:
        """The events of ``text``, each with its ``explanation`` (rule, trigger, how arguments were found)."""
        return list(self.extract(text, published=published).events)


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, *, published: str | dt.date | None = None, title: str | None = None) -> Record:
    """Code one text with the default pipeline (see :class:`Pipeline`)."""
    return default_pipeline().extract(text, published=published, title=title)
