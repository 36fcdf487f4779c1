"""Two processes ingesting into one new store at once both finish, and everything is stored.

Each process runs the store half of ``dyadline ingest`` (``Store(path).add_many`` over a
stream of coded documents, in small batches so that the writers interleave), with
overlapping documents. Before write transactions took the lock up front (``BEGIN
IMMEDIATE``), this failed at once with "database is locked".
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from dyadline.records import Article, Record
from dyadline.store import Store

N = 400
OVERLAP = 50


def _writer(db: str, start: int, results) -> None:
    pairs = ((Article(id=f"d{i}", text=f"Kenya signed deal number {i} with Tanzania."), Record(id=f"d{i}"))
             for i in range(start, start + N))
    with Store(db) as store:
        results.put(store.add_many(pairs, batch_size=5).added)


def test_store_concurrent_ingest_both_finish_and_store_everything(tmp_path: Path):
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    db = str(tmp_path / "shared.db")
    starts = (0, N - OVERLAP)  # the last OVERLAP documents of the first writer are also the second's
    procs = [ctx.Process(target=_writer, args=(db, start, results)) for start in starts]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]
    added = results.get(timeout=5) + results.get(timeout=5)
    with Store(db) as store:
        ids = {row["article_id"] for row in store.db.query("SELECT article_id FROM documents")}
    assert ids == {f"d{i}" for i in range(2 * N - OVERLAP)} and added == len(ids)
