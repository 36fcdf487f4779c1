"""Throughput benchmark: dyadline extraction vs spaCy's parse alone, on the same texts.

The corpus is built deterministically from the bundled examples: each synthetic document
is a seeded, sentence-shuffled recombination of sentences drawn from every example
article (nothing from ../shared). Run with ``make bench`` or
``python bench/bench.py [--docs 300] [--batch-size 32] [--seed 13]``.
Peak memory is the process's maximum resident set size after each phase.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import resource
import sys
import time
from pathlib import Path

from dyadline.ingest import read
from dyadline.pipeline import Pipeline
from dyadline.records import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def sentences() -> list[str]:
    """Every sentence of the example articles (paragraph breaks dropped)."""
    out = []
    for art in read([EXAMPLES]):
        if isinstance(art, Article):
            out += [s.strip() for para in art.text.split("\n") for s in _SENTENCE.split(para) if s.strip()]
    return out


def corpus(n_docs: int, seed: int) -> list[Article]:
    """``n_docs`` articles of 12-24 shuffled sentences each, in paragraphs of 3, reproducible by ``seed``."""
    rng = random.Random(seed)
    pool = sentences()
    docs = []
    for i in range(n_docs):
        picked = rng.sample(pool, rng.randint(12, min(24, len(pool))))
        paras = [" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3)]
        docs.append(Article(id=f"bench-{i:04d}", text="\n".join(paras), published="2025-06-01"))
    return docs


def peak_mb() -> float:
    """Maximum resident set size of this process so far, in MB."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def timed(label: str, fn, docs: list[Article], words: int) -> float:
    start = time.perf_counter()
    fn(docs)
    secs = time.perf_counter() - start
    print(f"{label:<22} {secs:8.2f} s  {len(docs) / secs:8.1f} docs/s  {words / secs:10.0f} words/s  "
          f"peak RSS {peak_mb():7.0f} MB")
    return secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    docs = corpus(args.docs, args.seed)
    words = sum(len(d.text.split()) for d in docs)
    pipe = Pipeline(batch_size=args.batch_size)
    pipe.extract("Warm-up: France sent aid to Chad last week.", published="2025-06-01")
    print(f"corpus: {len(docs)} documents, {words} words (seed {args.seed}); model {pipe.nlp.meta['name']}; "
          f"python {platform.python_version()} on {platform.machine()}")
    parse = timed("spaCy parse alone", lambda d: list(pipe.nlp.pipe((a.text for a in d), batch_size=args.batch_size)),
                  docs, words)
    full = timed("dyadline extraction", lambda d: list(pipe.pipe(d)), docs, words)
    print(f"ratio extraction/parse: {full / parse:.2f}x")


if __name__ == "__main__":
    main()
