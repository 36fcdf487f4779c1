"""Kill -9 a distributed ingest at random moments, again and again, then let it finish.

Each round starts ``dyadline ingest DOCS --db DB --scheduler local:2`` and sends SIGKILL after
a random delay; after the last round the same command runs to the end. The store must then
hold every document once, with every event of each document once, pass
``PRAGMA integrity_check``, and no worker process may be left. Run with
``python bench/resume.py [--kills 8] [--docs 96] [--seed 7]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def write_docs(path: Path, n: int) -> None:
    with open(path, "w") as f:
        for i in range(n):
            text = " ".join(f"Kenya signed agreement {i}.{k} with Tanzania in Nairobi on Monday, officials said."
                            for k in range(6))
            f.write(json.dumps({"id": f"n{i}", "text": text, "published": "2025-03-04"}) + "\n")


def count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute(sql).fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=8)
    ap.add_argument("--docs", type=int, default=96)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-delay", type=float, default=12.0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        docs, db = Path(tmp) / "docs.jsonl", Path(tmp) / "s.db"
        write_docs(docs, args.docs)
        cmd = [sys.executable, "-m", "dyadline", "ingest", str(docs), "--db", str(db), "--scheduler", "local:2"]
        left = 0
        for k in range(args.kills):
            run = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = rng.uniform(0.5, args.max_delay)
            time.sleep(delay)
            kids = [c.pid for c in psutil.Process(run.pid).children(recursive=True)] if run.poll() is None else []
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
            time.sleep(3)
            alive = [p for p in kids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
            left += len(alive)
            print(f"kill {k + 1} after {delay:4.1f} s: {count(db, 'SELECT COUNT(*) FROM documents'):3d} documents "
                  f"stored, {len(kids)} child processes, {len(alive)} left alive")
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        docs_n = count(db, "SELECT COUNT(*) FROM documents")
        events = count(db, "SELECT COUNT(*) FROM events")
        with sqlite3.connect(db) as conn:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        per_doc = {r[0] for r in sqlite3.connect(db).execute("SELECT COUNT(*) FROM events GROUP BY document_id")}
        print(f"after {args.kills} kills and a final run: {docs_n}/{args.docs} documents, {events} events "
              f"(events per document: {sorted(per_doc)}), integrity_check {check}, {left} workers outlived a parent")


if __name__ == "__main__":
    main()
