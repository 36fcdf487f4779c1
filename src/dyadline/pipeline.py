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
from spacy.tokens import Doc

from dyadline.extract.collect import Extractors
from dyadline.nlp import coding_pipeline, extractor_options
from dyadline.records import Actor, Article, Record
from dyadline.settings import Settings


class Pipeline:
    """Everything needed to code articles: the spaCy pipeline ending in the ``dyadline`` component.

    The component is the same one a spaCy user adds with ``nlp.add_pipe("dyadline")``; the
    Pipeline only hands it each Article (``doc._.dyadline_article``) and reads ``doc._.dyadline``.
    Loading is lazy and happens once; a Pipeline is cheap to keep and reuse.
    """

    def __init__(self, settings: Settings | None = None, **overrides):
        self.settings = settings or Settings.load(**overrides)

    @functools.cached_property
    def nlp(self) -> Language:
        nlp = coding_pipeline(self.settings)
        nlp.max_length = max(nlp.max_length, self.settings.max_chars)  # readers refuse longer texts (E113)
        return nlp

    @functools.cached_property
    def extractors(self) -> Extractors:
        """The component's loaded resources (knowledge base, gazetteer, lexicon), without loading spaCy:
        ``dyadline.extractors.v1`` loads them once per process, for the component and for this."""
        from dyadline.nlp.factories import make_extractors

        return make_extractors(**extractor_options(self.settings))

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.dyadline_article = article
        return doc

    def pipe(self, articles: Iterable[Article], *, batch_size: int | None = None,
             n_process: int | None = None) -> Iterator[tuple[Article, Record]]:
        """Yield (article, record) pairs in input order; spaCy runs once per article, batched.

        With ``n_process`` > 1 the parsing runs in worker processes and the ``dyadline`` component
        in this one (a Record is a Python object, which spaCy cannot ship back from a worker).
        """
        batch_size, n_process = batch_size or self.settings.batch_size, n_process or self.settings.n_process
        if n_process > 1:
            yield from self._pipe_parsed_elsewhere(articles, batch_size, n_process)
            return
        docs = ((self._doc(a), a) for a in articles)
        for doc, article in self.nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
            yield article, doc._.dyadline

    def _pipe_parsed_elsewhere(self, articles: Iterable[Article], batch_size: int,
                               n_process: int) -> Iterator[tuple[Article, Record]]:
        component = self.nlp.get_pipe("dyadline")
        with self.nlp.select_pipes(disable=["dyadline"]):
            texts = ((a.text, a) for a in articles)
            for doc, article in self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process):
                doc._.dyadline_article = article
                yield article, component(doc)._.dyadline

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
