"""Two processes ingesting into one new store at once both finish, and everything is stored.

Each process runs the store half of ``dyadline ingest`` (``Store(path).add_many`` over a
stream of coded documents, in small batches so that the writers interleave), with
overlapping documents. Before write transactions took the lock up front (``BEGIN
IMMEDIATE``), this failed at once with "database is locked".
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

N = 400
OVERLAP = 50

WRITER = textwrap.dedent("""
    import sys
    from dyadline.records import Article, Record
    from dyadline.store import Store

    db, start, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    pairs = ((Article(id=f"d{i}", text=f"Kenya signed deal number {i} with Tanzania."), Record(id=f"d{i}"))
             for i in range(start, start + n))
    with Store(db) as store:
        result = store.add_many(pairs, batch_size=5)
    print(result.added, result.skipped)
""")


def test_store_concurrent_ingest_both_finish_and_store_everything(tmp_path: Path):
    db = tmp_path / "shared.db"
    starts = (0, N - OVERLAP)  # the last OVERLAP documents of the first writer are also the second's
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(start), str(N)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for start in starts]
    outputs = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    added = sum(int(out.split()[0]) for out, _ in outputs)
    from dyadline.store import Store

    with Store(db) as store:
        ids = {row["article_id"] for row in store.db.query("SELECT article_id FROM documents")}
    assert ids == {f"d{i}" for i in range(2 * N - OVERLAP)} and added == len(ids)
