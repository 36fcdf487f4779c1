"""Does ``confidence`` rank correct events above wrong ones? Precision at thresholds.

Reads gold articles in the seed format (``*.gold.json`` beside their text) from the folders
given (default: ../shared/seed and ../shared/docs when present), codes them, matches events
with the scorer's rule (type allowed by gold, source and target countries overlap) and prints
precision and count at each confidence threshold. ``make bench`` runs it when ../shared exists.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dyadline.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def matches(event, gold: dict) -> bool:
    """The scorer's event match: an allowed type and overlapping source/target countries."""
    if event.type not in gold["type"]:
        return False
    ps, pt = _countries(event.source), _countries(event.target)
    gs, gt = set(gold.get("source") or []), set(gold.get("target") or [])
    if gold.get("reciprocal"):
        return len((ps | pt) & (gs | gt)) >= 2 or bool(ps & gs and pt & gt)
    return bool(ps & gs) and (not gt or bool(pt & gt))


def golds(folders: list[Path]) -> list[tuple[dict, str]]:
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            g = json.loads(path.read_text(encoding="utf-8"))
            if "events" in g and "text_file" in g:
                out.append((g, (folder / g["text_file"]).read_text(encoding="utf-8")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--thresholds", default="0,0.3,0.5,0.6,0.7,0.8")
    args = ap.parse_args()
    folders = args.folders or [p for p in (SHARED / "seed", SHARED / "docs") if p.exists()]
    data = golds(folders)
    if not data:
        print("no gold articles found; pass folders with *.gold.json")
        return
    pipe = Pipeline()
    scored = []
    for g, text in data:
        for e in pipe.extract(text, published=g.get("published")).events:
            scored.append((e.confidence, any(matches(e, ge) for ge in g["events"])))
    print(f"{len(data)} articles, {len(scored)} events")
    print("  calibration (confidence bin: mean confidence, observed precision, events):")
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        inbin = [(c, ok) for c, ok in scored if lo <= c < lo + 0.2 or (lo == 0.8 and c == 1.0)]
        if inbin:
            print(f"    [{lo:.1f}, {lo + 0.2:.1f}): {sum(c for c, _ in inbin) / len(inbin):.3f}, "
                  f"{sum(ok for _, ok in inbin) / len(inbin):.3f}, {len(inbin)}")
    for th in (float(x) for x in args.thresholds.split(",")):
        kept = [ok for c, ok in scored if c >= th]
        prec = sum(kept) / len(kept) if kept else 0.0
        print(f"  confidence >= {th:.1f}: precision {prec:.3f} over {len(kept)} events")


if __name__ == "__main__":
    main()
