"""Dask distributed: a LocalCluster of 2 workers codes what the serial pipeline codes, resumes from shards,
skips stored documents before parsing, and says how to install Dask when it is missing."""

from __future__ import annotations

import sys

import pytest

from dyadline.errors import ConfigError
from dyadline.records import Article
from dyadline.settings import Settings
from dyadline.store import Store

TEXTS = ["Kenya signed an agreement with Tanzania.", "Chile protested to Peru on Monday.",
         "France sent aid to Ukraine last week.", "Brazil criticised Argentina.", "Japan hosted talks with India."]


def _articles() -> list[Article]:
    return [Article(id=f"d{i}", text=t, published="2025-03-04") for i, t in enumerate(TEXTS)]


def _rows(store: Store) -> list:
    """Event rows by id (shards are merged as they complete, so ingest order may differ)."""
    return sorted(({k: v for k, v in r.items() if k != "ingested_at"} for r in store.events()), key=lambda r: r["id"])


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 worker processes, reached by its tcp:// address."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  preload=["dyadline.scale.guard"]) as lc:
        yield lc.scheduler_address


def test_scale_dask_parse_scheduler():
    from dyadline.scale.dask_engine import parse_scheduler

    assert parse_scheduler("local:2") == ("local", 2)
    assert parse_scheduler("tcp://10.0.0.5:8786") == ("tcp", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:x", "10.0.0.5:8786", "tcp://nohost"):
        with pytest.raises(ConfigError, match="tcp://HOST:PORT"):
            parse_scheduler(bad)


def test_scale_dask_matches_serial_and_resumes(cluster, pipeline, tmp_path, monkeypatch):
    from dyadline.scale import dask_engine
    from dyadline.scale.shards import shard_bytes, write_shard

    serial = Store(":memory:")
    serial.add_many(pipeline.pipe(_articles()))
    # an interrupted run left one whole shard (the first two articles) and a partial temporary file
    write_shard(shard_bytes(pipeline.pipe(_articles()[:2])), tmp_path / "shards" / "part-left.parquet")
    (tmp_path / "shards" / "part-x.parquet.tmp").write_bytes(b"half")
    calls = []
    real = dask_engine.unseen
    monkeypatch.setattr(dask_engine, "unseen", lambda arts, store: calls.append(real(arts, store)) or calls[-1])
    store = Store(tmp_path / "s.db")
    result = dask_engine.ingest_distributed(_articles(), store, scheduler=cluster, settings=pipeline.settings,
                                            shard_dir=tmp_path / "shards", partition_size=1)
    assert result.resumed.added == 2 and result.merged.added == 3 and result.partitions == 3
    assert [a.id for a in calls[0]] == ["d2", "d3", "d4"]  # stored documents never reach a worker
    assert _rows(store) == _rows(serial)
    assert not list((tmp_path / "shards").glob("*.parquet"))
    again = dask_engine.ingest_distributed(_articles(), store, scheduler=cluster, settings=pipeline.settings,
                                           shard_dir=tmp_path / "shards")
    assert again.coded == 0 and store.summary().documents == 5


def test_scale_dask_missing_says_how_to_install(monkeypatch, tmp_path):
    from dyadline.scale import dask_engine

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConfigError, match=r"pip install 'dyadline\[dask\]'"):
        dask_engine.ingest_distributed(_articles(), Store(":memory:"), scheduler="local:2", settings=Settings(),
                                       shard_dir=tmp_path)
