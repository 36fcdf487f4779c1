"""All cores of one machine: parse and extraction in a pool of worker processes.

``ingest --workers N`` (default: every core) uses this; it needs nothing beyond the base
install. The workers are forked from a server that loaded the model and the compiled
knowledge base once (:mod:`dyadline.scale.warm`; spawned processes that load them each where
there is no forkserver); each codes chunks of ``batch_size`` articles and sends back
(article, record) pairs, which arrive in input order. Workers die with their parent
(:mod:`dyadline.scale.guard`).
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Iterable, Iterator

from dyadline.records import Article, Record
from dyadline.scale import warm
from dyadline.scale.guard import die_with_parent
from dyadline.settings import Settings

__all__ = ["default_workers", "effective_workers", "pipe_parallel"]

_PIPELINE = None  # this worker process's Pipeline, loaded once by _start


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def effective_workers(workers: int, n_docs: int, batch_size: int) -> int:
    """No more workers than there are chunks of ``batch_size`` documents (1 for a handful)."""
    return max(1, min(workers, math.ceil(n_docs / max(1, batch_size))))


def pipe_parallel(articles: Iterable[Article], *, workers: int, settings: Settings | None = None,
                  chunk_size: int | None = None) -> Iterator[tuple[Article, Record]]:
    """Code ``articles`` on ``workers`` processes, yielding (article, record) pairs in input order."""
    settings = settings or Settings.load()
    size = chunk_size or settings.batch_size
    ctx = warm.context()
    with warm.serving(ctx, settings), \
            ctx.Pool(workers, initializer=_start, initargs=(settings, os.getpid())) as pool:
        for pairs in pool.imap(_code_chunk, _chunks(articles, size)):
            yield from pairs


def _start(settings: Settings, root: int) -> None:
    """Worker start: die with the parent (``root``, or the forkserver between them), take the pipeline."""
    global _PIPELINE
    die_with_parent(parent=root if os.getppid() == root else os.getppid(), root=root)
    _PIPELINE = warm.pipeline_for(settings)
    _ = _PIPELINE.nlp, _PIPELINE.extractors


def _code_chunk(articles: list[Article]) -> list[tuple[Article, Record]]:
    return list(_PIPELINE.pipe(articles, n_process=1))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while block := list(itertools.islice(it, size)):
        yield block
