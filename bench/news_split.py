"""Score the ``news`` suite whole and in two halves: every fifth sentence is held out.

The held-out fifth (sentences 4, 9, 14, ... of ``class.tsv``) is for reporting only: tune
nothing on it, and never print its misses. The dev half is the other four fifths.

    python bench/news_split.py [--show N]      # N misses of the dev half

It reads the scorer and the data from ``../shared`` and writes nothing into the project.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_scorer():
    spec = importlib.util.spec_from_file_location("dyadeval", SHARED / "eval" / "dyadeval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cached_runner(scorer):
    """Run the command once per distinct sentence, whatever the suite asks for."""
    run, cache = scorer.run_cmd, {}

    def run_cmd(cmd, verb, rows, keep):
        missing = [r for r in rows if r["text"] not in cache]
        if missing:
            asked = [dict(r, id=f"q{i}") for i, r in enumerate(missing)]
            for row, rec in zip(missing, run(cmd, verb, asked, keep), strict=True):
                cache[row["text"]] = rec
        return [dict(cache[r["text"]], id=r["id"]) for r in rows]

    return run_cmd


def write_half(folder: Path, lines: list[str], keep) -> Path:
    folder.mkdir()
    (folder / "class.tsv").write_text("\n".join(line for i, line in enumerate(lines) if keep(i)) + "\n",
                                      encoding="utf-8")
    shutil.copy(SHARED / "benchmarks" / "news" / "roles.txt", folder / "roles.txt")
    return folder


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show", type=int, default=0, help="misses of the dev half to print")
    args = ap.parse_args(argv)
    news = SHARED / "benchmarks" / "news"
    if not news.exists():
        print("../shared/benchmarks/news is not present")
        return 0
    scorer = load_scorer()
    scorer.run_cmd = cached_runner(scorer)
    lines = [line for line in (news / "class.tsv").read_text(encoding="utf-8").splitlines()
             if line.rpartition("\t")[0].strip() and line.rpartition("\t")[2].strip().isdigit()]
    with tempfile.TemporaryDirectory() as tmp:
        halves = [("whole", news, 0), ("dev (4/5)", write_half(Path(tmp) / "dev", lines, lambda i: i % 5 != 4), args.show),
                  ("held-out (1/5)", write_half(Path(tmp) / "held", lines, lambda i: i % 5 == 4), 0)]
        for name, path, show in halves:
            print(f"== {name}")
            scorer.main(["news", str(path), "--show", str(show)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
