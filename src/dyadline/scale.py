"""Scale-out with Dask: articles → partitions → spaCy + extractors in worker processes → records.

Imported only when asked (``dyadline ingest --workers N``). Dask is an optional extra;
without it :func:`pipe_parallel` raises ConfigError with the install hint.

Each worker process loads its Pipeline once (the settings are passed, not the model),
so the cost of loading spaCy is paid once per worker, not once per partition.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext

from dyadline.errors import ConfigError, Errors
from dyadline.pipeline import Pipeline
from dyadline.records import Article, Record
from dyadline.settings import Settings

__all__ = ["pipe_parallel", "require_dask"]


def require_dask():
    """Import and return ``dask.bag``, or raise ConfigError telling how to install it."""
    try:
        import dask.bag
    except ImportError:
        raise ConfigError(Errors.E401) from None
    return dask.bag


def pipe_parallel(articles: Iterable[Article], *, workers: int, settings: Settings | None = None,
                  chunk_size: int | None = None, scheduler: str = "processes") -> Iterator[tuple[Article, Record]]:
    """Code ``articles`` on ``workers`` processes, yielding (article, record) pairs in input order.

    Articles are taken ``chunk_size`` at a time (default: 4 batches per worker), so memory
    stays bounded however long the input. ``scheduler="synchronous"`` runs in-process (tests).
    """
    bag = require_dask()
    settings = settings or Settings.load()
    size = chunk_size or max(1, workers) * settings.batch_size * 4
    with _pool(workers, scheduler) as pool:
        for block in _chunks(articles, size):
            parts = bag.from_sequence(block, npartitions=max(1, min(workers, len(block))))
            coded = parts.map_partitions(code_partition, settings)
            yield from coded.compute(scheduler=scheduler, num_workers=workers, **({"pool": pool} if pool else {}))


def code_partition(articles: Iterable[Article], settings: Settings) -> list[tuple[Article, Record]]:
    """Code one partition with this process's Pipeline (loaded once per process)."""
    return list(_worker_pipeline(settings).pipe(list(articles)))


@functools.lru_cache(maxsize=2)
def _worker_pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def _pool(workers: int, scheduler: str):
    if scheduler != "processes":
        return nullcontext(None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while block := list(itertools.islice(it, size)):
        yield block
