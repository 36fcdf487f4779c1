"""Scale-out on Dask distributed: partitions coded on workers, Parquet shards merged into the store.

``ingest --scheduler tcp://HOST:PORT`` uses a running Dask cluster (started with Dask's own
``dask scheduler`` and ``dask worker`` commands, see docs/scale.md); ``--scheduler local:N``
starts a LocalCluster of N worker processes on this machine. In both cases:

1. shards left by an earlier, interrupted run (in ``shard_dir``) are merged first;
2. documents whose content hash is already in the store are dropped before any parsing;
3. the rest is cut into partitions; each is coded on a worker (which loaded the model and
   the knowledge base once, through the :class:`LoadPipeline` plugin) and comes back as the
   bytes of a Parquet shard, so workers need no shared file system;
4. each shard is written atomically to ``shard_dir``, merged into the SQLite store in one
   transaction per batch, then deleted.

``kill -9`` at any moment loses nothing that was merged; rerunning the same command merges
what was left and codes only what is missing. At most ``2 * workers`` partitions are in
flight, so memory stays bounded however long the input.
"""

from __future__ import annotations

import functools
import logging
import math
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dyadline.errors import ConfigError, Errors
from dyadline.records import Article
from dyadline.scale.guard import PARENT_ENV
from dyadline.scale.shards import MergeResult, merge_shards, shard_bytes, shard_name, write_shard
from dyadline.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["DistributedResult", "LoadPipeline", "code_partition", "connect", "ingest_distributed",
           "parse_scheduler", "require_distributed"]


@dataclass(frozen=True)
class DistributedResult:
    """What a distributed ingest did: documents coded now, merged from earlier shards, added, skipped."""

    coded: int = 0
    partitions: int = 0
    resumed: MergeResult = MergeResult()
    merged: MergeResult = MergeResult()

    @property
    def added(self) -> int:
        return self.resumed.added + self.merged.added

    @property
    def rejected(self) -> tuple:
        return self.resumed.rejected + self.merged.rejected


def require_distributed():
    """Import and return ``distributed``, or raise ConfigError with the install hint."""
    try:
        import distributed
        import pyarrow  # noqa: F401  (shards are Parquet)
    except ImportError:
        raise ConfigError(Errors.E401) from None
    return distributed


def parse_scheduler(spec: str) -> tuple[str, str | int]:
    """``("local", N)`` for ``local:N``, ``("tcp", address)`` for ``tcp://HOST:PORT``."""
    spec = spec.strip()
    if spec.startswith("local:") and spec[6:].isdigit() and int(spec[6:]) >= 1:
        return "local", int(spec[6:])
    host, _, port = spec.removeprefix("tcp://").rpartition(":")
    if spec.startswith("tcp://") and host and port.isdigit():
        return "tcp", spec
    raise ConfigError(Errors.E404.format(spec=spec))


class LoadPipeline:
    """Dask worker plugin: load the model and the compiled knowledge base once per worker."""

    name = "dyadline-pipeline"

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker) -> None:
        pipe = worker_pipeline(self.settings)
        _ = pipe.nlp, pipe.extractors

    def teardown(self, worker) -> None:
        return None


@functools.lru_cache(maxsize=2)
def worker_pipeline(settings: Settings):
    """This process's Pipeline for ``settings`` (loaded once, then reused by every task)."""
    from dyadline.pipeline import Pipeline

    return Pipeline(settings)


def code_partition(articles: list[Article], settings: Settings) -> bytes:
    """Worker task: code one partition and return it as the bytes of a Parquet shard."""
    return shard_bytes(worker_pipeline(settings).pipe(articles, n_process=1))


@contextmanager
def connect(spec: str, *, settings: Settings) -> Iterator:
    """A Dask Client on ``spec`` (starting a LocalCluster for ``local:N``), with the pipeline plugin."""
    distributed = require_distributed()
    kind, where = parse_scheduler(spec)
    cluster = None
    try:
        if kind == "local":
            cluster = distributed.LocalCluster(n_workers=where, threads_per_worker=1, processes=True,
                                               dashboard_address=None, preload=["dyadline.scale.guard"],
                                               env={PARENT_ENV: str(os.getpid())},
                                               silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(where, timeout="20s")
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise ConfigError(Errors.E405.format(spec=spec, reason=e)) from None
    try:
        _register(client, LoadPipeline(settings))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _register(client, plugin: LoadPipeline) -> None:
    from distributed.diagnostics.plugin import WorkerPlugin

    class _Plugin(WorkerPlugin):  # subclassed here so that this module imports without distributed
        name = plugin.name

        def setup(self, worker):
            plugin.setup(worker)

    client.register_plugin(_Plugin())


def partitions(articles: list[Article], *, workers: int, size: int | None = None) -> list[list[Article]]:
    """Cut ``articles`` into partitions: ``size`` each, default 4 per worker, 8 to 64 documents."""
    size = size or min(64, max(8, math.ceil(len(articles) / (4 * max(1, workers)))))
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def unseen(articles: Iterable[Article], store) -> list[Article]:
    """Articles whose text the store does not hold (content hash, checked before any parsing)."""
    seen: set[str] = set()
    out = []
    for a in articles:
        key = store.doc_hash(a.text)
        if key not in seen and not store.has_document(key):
            out.append(a)
        seen.add(key)
    return out


def leftover_shards(shard_dir: str | Path) -> list[Path]:
    """Whole shards an interrupted run left in ``shard_dir`` (temporary files are ignored)."""
    return sorted(Path(shard_dir).glob("part-*.parquet"))


def ingest_distributed(articles: Iterable[Article], store, *, scheduler: str, settings: Settings,
                       shard_dir: str | Path, partition_size: int | None = None) -> DistributedResult:
    """Code ``articles`` on the Dask cluster ``scheduler`` and merge the results into ``store``."""
    require_distributed()
    shard_dir = Path(shard_dir)
    resumed = merge_shards(leftover_shards(shard_dir), store, remove=True)
    todo = unseen(articles, store)
    if not todo:
        return DistributedResult(resumed=resumed)
    with connect(scheduler, settings=settings) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = partitions(todo, workers=workers, size=partition_size)
        merged = _run(client, parts, store, settings=settings, shard_dir=shard_dir, in_flight=2 * workers)
    return DistributedResult(coded=len(todo), partitions=len(parts), resumed=resumed, merged=merged)


def _run(client, parts: list[list[Article]], store, *, settings: Settings, shard_dir: Path,
         in_flight: int) -> MergeResult:
    from distributed import as_completed

    pending = iter(parts)
    names: dict[str, str] = {}

    def submit(part):
        name = shard_name(part)
        future = client.submit(code_partition, part, settings, key=f"dyadline-{name[:-8]}", pure=False)
        names[future.key] = name
        return future

    done = as_completed([submit(p) for p in _take(pending, in_flight)])
    total = MergeResult()
    for future in done:
        path = write_shard(future.result(), shard_dir / names.pop(future.key))
        future.release()
        r = merge_shards([path], store, remove=True)
        total = MergeResult(total.shards + r.shards, total.added + r.added, total.skipped + r.skipped,
                            total.rejected + r.rejected)
        for part in _take(pending, 1):
            done.add(submit(part))
    return total


def _take(it: Iterator, n: int) -> list:
    out = []
    for item in it:
        out.append(item)
        if len(out) == n:
            break
    return out
