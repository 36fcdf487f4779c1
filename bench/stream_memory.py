"""Streaming benchmark: peak memory of ``dyadline ingest`` on a ~200 MB JSON Lines file.

Builds, in a temporary folder, a JSON Lines file of distinct documents (seeded,
sentence-shuffled recombinations of the bundled examples; ``--mb`` sets its size), runs
``dyadline ingest`` on it in a child process, and samples the child's peak resident set
size (``VmHWM``) and the store's document count. It reports how long the first stored
document took and how far the reader had got in the file. Coding 200 MB with the full
model takes hours on a small machine, so by default the run is stopped after
``--seconds`` (Ctrl+C, as a user would); ``--seconds 0`` runs to the end (use a light
pipeline, e.g. ``--model PATH`` to a saved ``spacy.blank("en")`` with a sentencizer).

    python bench/stream_memory.py [--mb 200] [--seconds 120] [--model NAME]

Linux only (reads /proc). Not a test: nothing here is timed against a threshold.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import sentences  # noqa: E402 - the bundled examples' sentences, shared with bench.py


def write_corpus(path: Path, megabytes: int, seed: int = 13) -> int:
    """A JSON Lines file of about ``megabytes`` MB of distinct documents; returns how many."""
    rng = random.Random(seed)
    pool = sentences()
    target, size, n = megabytes * 1024 * 1024, 0, 0
    with path.open("w", encoding="utf-8") as f:
        while size < target:
            picked = rng.sample(pool, rng.randint(12, min(24, len(pool))))
            text = f"Report {n}. " + " ".join(picked)
            line = json.dumps({"id": f"s{n}", "text": text, "published": "Sat, 17 Dec 2016 10:00:00 GMT"}) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def status(pid: int, key: str) -> int:
    """A ``/proc/PID/status`` field in kB (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def input_offset(pid: int, path: Path) -> int:
    """How far the child has read ``path`` (its file offset), in bytes."""
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                return int(Path(f"/proc/{pid}/fdinfo/{fd}").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def run(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "big.jsonl", Path(tmp) / "bench.db"
        n_docs = write_corpus(src, args.mb)
        size = src.stat().st_size
        print(f"input: {size / 1e6:.0f} MB, {n_docs:,} documents")
        cmd = [sys.executable, "-m", "dyadline", *(["--model", args.model] if args.model else []),
               "ingest", str(src), "--db", str(db)]
        start = time.monotonic()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = first = 0.0
        offset_at_first = 0
        while child.poll() is None:
            peak = max(peak, status(child.pid, "VmHWM") / 1024)
            if not first and stored(db):
                first = time.monotonic() - start
                offset_at_first = input_offset(child.pid, src)
            if args.seconds and time.monotonic() - start > args.seconds:
                offset = input_offset(child.pid, src)
                child.send_signal(signal.SIGINT)
                print(f"stopped after {args.seconds} s, the reader at {offset / 1e6:.1f} MB of the input")
                break
            time.sleep(0.2)
        child.communicate(timeout=120)
        elapsed = time.monotonic() - start
        print(f"first document stored after {first:.1f} s (the reader then at {offset_at_first / 1e6:.1f} MB)")
        print(f"documents stored: {stored(db):,} in {elapsed:.0f} s")
        print(f"peak RSS of dyadline ingest: {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=200, help="input size in MB")
    parser.add_argument("--seconds", type=float, default=120, help="stop the run after this long (0: run to the end)")
    parser.add_argument("--model", help="spaCy pipeline for the run (default: the usual one)")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
