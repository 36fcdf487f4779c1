"""Throughput benchmark: dyadline against spaCy's parse alone, on the same texts, in one run.

The corpus is built deterministically from the bundled examples: each synthetic document
is a seeded, sentence-shuffled recombination of sentences drawn from every example
article (nothing from ../shared). Every phase runs as a fresh process and is timed whole,
model and knowledge-base loading included (the compiled cache is warmed first, as it is
after the first run on any machine):

  parse       spaCy's parse alone: ``nlp.pipe(texts, batch_size, n_process=W)``
  dyadline    parse + extraction on W worker processes (what ``ingest --workers W`` codes)
  dask:1/2    ``ingest --scheduler local:N`` into a fresh store; the speed-up is over the coding
              time once the cluster is up (start-up is printed apart)

Peak RSS is the largest resident set of the phase's main process and of any one worker; CPU
is the user+system time of the phase and its workers (the local pool's forkserver and the
workers forked from it count too: the server is waited for when the pool ends). On a machine
shared with other work, the CPU-time ratio is the steadier figure.
Run with ``make bench`` or ``python bench/bench.py [--docs 300] [--workers 2] [--no-dask]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def sentences() -> list[str]:
    """Every sentence of the example articles (paragraph breaks dropped)."""
    from dyadline.ingest import read
    from dyadline.records import Article

    out = []
    for art in read([EXAMPLES]):
        if isinstance(art, Article):
            out += [s.strip() for para in art.text.split("\n") for s in _SENTENCE.split(para) if s.strip()]
    return out


def corpus(n_docs: int, seed: int) -> list:
    """``n_docs`` articles of 12-24 shuffled sentences each, in paragraphs of 3, reproducible by ``seed``."""
    from dyadline.records import Article

    rng = random.Random(seed)
    pool = sentences()
    docs = []
    for i in range(n_docs):
        picked = rng.sample(pool, rng.randint(12, min(24, len(pool))))
        paras = [" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3)]
        docs.append(Article(id=f"bench-{i:04d}", text="\n".join(paras), published="2025-06-01"))
    return docs


def _mb(kb: int) -> float:
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def _peaks() -> dict:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"rss_main_mb": round(_mb(me.ru_maxrss)), "rss_worker_mb": round(_mb(kids.ru_maxrss)),
            "cpu_s": round(me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, 2)}


# --- phases (each runs in its own process) --------------------------------------------------------

def phase_parse(docs, args) -> dict:
    from dyadline.nlp import load_pipeline

    nlp = load_pipeline()
    n = sum(1 for _ in nlp.pipe((a.text for a in docs), batch_size=args.batch_size, n_process=args.workers))
    return {"docs": n}


def phase_dyadline(docs, args) -> dict:
    from dyadline.pipeline import Pipeline
    from dyadline.scale import pipe_parallel
    from dyadline.settings import Settings

    settings = Settings.load(batch_size=args.batch_size)
    pairs = pipe_parallel(docs, workers=args.workers, settings=settings) if args.workers > 1 \
        else Pipeline(settings).pipe(docs)
    events = sum(len(rec.events) for _, rec in pairs)
    return {"docs": len(docs), "events": events}


def phase_dask(docs, args) -> dict:
    from dyadline.scale import dask_engine
    from dyadline.settings import Settings
    from dyadline.store import Store

    settings = Settings.load(batch_size=args.batch_size)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        with dask_engine.connect(f"local:{args.workers}", settings=settings) as client:
            up = time.perf_counter()
            parts = dask_engine.partitions(docs, workers=args.workers)
            merged = dask_engine._run(client, parts, store, settings=settings, shard_dir=Path(tmp) / "shards",
                                      in_flight=2 * args.workers)
            done = time.perf_counter()
        return {"docs": merged.added, "startup_s": round(up - start, 2), "coding_s": round(done - up, 2)}


PHASES = {"parse": phase_parse, "dyadline": phase_dyadline, "dask": phase_dask}


def run_phase(name: str, args) -> dict:
    """Run one phase in a fresh process and time it whole."""
    cmd = [sys.executable, __file__, "--phase", name, "--docs", str(args.docs), "--seed", str(args.seed),
           "--batch-size", str(args.batch_size), "--workers", str(args.workers)]
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    secs = time.perf_counter() - start
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "secs": secs}


def line(label: str, r: dict, docs: int, words: int) -> str:
    return (f"{label:<24} {r['secs']:7.1f} s  {docs / r['secs']:6.1f} articles/s  {words / r['secs']:7.0f} words/s  "
            f"CPU {r['cpu_s']:6.1f} s  peak RSS main {r['rss_main_mb']:5d} MB, worker {r['rss_worker_mb']:5d} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--workers", type=int, default=None, help="processes for parse and dyadline (default: all cores)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask 1-vs-2-worker phases")
    ap.add_argument("--dask-only", action="store_true", help="only the Dask 1-vs-2-worker phases")
    ap.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        docs = corpus(args.docs, args.seed)
        result = PHASES[args.phase](docs, args)
        print(json.dumps({**result, **_peaks()}))
        return
    from dyadline.cache import load_extractors
    from dyadline.scale import default_workers
    from dyadline.settings import Settings

    args.workers = args.workers or default_workers()
    load_extractors(Settings.load())  # warm the compiled cache, as after any first run
    docs = corpus(args.docs, args.seed)
    words = sum(len(d.text.split()) for d in docs)
    print(f"corpus: {len(docs)} documents, {words} words (seed {args.seed}); {args.workers} workers; "
          f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}")
    if not args.dask_only:
        parse = run_phase("parse", args)
        print(line(f"spaCy parse alone (x{args.workers})", parse, len(docs), words))
        full = run_phase("dyadline", args)
        print(line(f"dyadline (x{args.workers})", full, len(docs), words))
        print(f"ratio dyadline/parse throughput: {parse['secs'] / full['secs']:.2f} wall clock, "
              f"{parse['cpu_s'] / full['cpu_s']:.2f} in CPU time (target >= 0.8)")
    if args.no_dask:
        return
    runs = {}
    for n in (1, 2):
        args.workers = n
        runs[n] = run_phase("dask", args)
        print(line(f"dask local:{n}", runs[n], len(docs), words)
              + f"  (start-up {runs[n]['startup_s']} s, coding {runs[n]['coding_s']} s)")
    print(f"speed-up 1 -> 2 Dask workers: {runs[1]['coding_s'] / runs[2]['coding_s']:.2f}x coding, "
          f"{runs[1]['secs'] / runs[2]['secs']:.2f}x whole run (target >= 1.7x)")


if __name__ == "__main__":
    main()
