"""Scale: every core of one machine, or a Dask cluster of many.

* :mod:`dyadline.scale.local`: ``pipe_parallel`` codes articles in a pool of worker
  processes (``ingest --workers N``, default every core); base install only.
* :mod:`dyadline.scale.dask_engine`: ``ingest_distributed`` codes partitions on Dask
  distributed workers (``ingest --scheduler tcp://HOST:PORT`` or ``local:N``) and merges their
  Parquet shards into the store; needs ``pip install 'dyadline[dask]'``.
* :mod:`dyadline.scale.shards`: the shard format and ``merge_shards`` (``dyadline merge``).
* :mod:`dyadline.scale.guard`: no worker outlives its parent.
"""

from __future__ import annotations

from dyadline.scale.local import default_workers, effective_workers, pipe_parallel

__all__ = ["default_workers", "effective_workers", "ingest_distributed", "merge_shards", "pipe_parallel"]


def ingest_distributed(*args, **kwargs):
    """See :func:`dyadline.scale.dask_engine.ingest_distributed` (imported on first use)."""
    from dyadline.scale.dask_engine import ingest_distributed as run

    return run(*args, **kwargs)


def merge_shards(*args, **kwargs):
    """See :func:`dyadline.scale.shards.merge_shards` (imported on first use)."""
    from dyadline.scale.shards import merge_shards as merge

    return merge(*args, **kwargs)
