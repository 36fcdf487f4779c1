"""Score the event coder on the project's own sentence sets, PLOVER-benchmark style.

type recall    gold type (or an `alt`) among the predicted types
type precision predicted events whose type is the gold type (or an `alt`)
triple         type ok + some source country in gold source
               + (no gold target or some target country in gold target)
No-event sentences add their predicted events to the precision denominator.
Prints one summary line `type F1 ... triple F1 ...` per file; with --fails PATH it also writes
every miss and extra event there, with the rule that fired.

Run from the project root: .venv/bin/python bench/cases.py [CASES.yaml ...] [--fails PATH]
(default: tests/data/event_cases.yaml and tests/data/event_cases_heldout.yaml).
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path

import yaml

from dyadline.pipeline import Pipeline
from dyadline.records import Article

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
DEFAULT = [DATA / "event_cases.yaml", DATA / "event_cases_heldout.yaml"]


def codes(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def show(ev) -> str:
    src = ",".join(sorted(codes(ev.source))) or "-"
    tgt = ",".join(sorted(codes(ev.target))) or "-"
    how = ev.explanation.rule if ev.explanation else ""
    return f"{ev.type} {src}->{tgt} [{ev.modality}] «{ev.evidence.text}» {how}".rstrip()


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--fails", type=Path, help="write the misses and extra events here")
    args = ap.parse_args()
    pipeline = Pipeline()
    for path in args.files:
        score(pipeline, path, args.fails.with_suffix(f".{path.stem}.txt") if args.fails else None)


def score(pipeline: Pipeline, path: Path, fails_path: Path | None) -> None:
    """Print the summary line for one case file (and write its failures to ``fails_path``)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    arts = [Article(id=str(i), text=c["text"], published="2024-05-01") for i, c in enumerate(cases)]
    recs = [rec for _art, rec in pipeline.pipe(arts)]
    n_gold = type_hit = triple_hit = n_pred = pred_type_ok = pred_triple_ok = 0
    noev = noev_fp = 0
    per_type = collections.defaultdict(lambda: [0, 0, 0])  # gold, type hit, triple hit
    fails = []
    for case, rec in zip(cases, recs, strict=True):
        evs = list(rec.events)
        n_pred += len(evs)
        got = "; ".join(show(e) for e in evs) or "nothing"
        if not case["type"]:
            noev += 1
            noev_fp += bool(evs)
            if evs:
                fails.append(f"NOEVENT-FP\t{case['text']}\n    got: {got}")
            continue
        ok_types = {case["type"], *(case.get("alt") or [])}
        src, tgt = set(case["source"]), set(case.get("target") or [])
        typed = [e for e in evs if e.type in ok_types]
        triple = [e for e in typed if codes(e.source) & src and (not tgt or codes(e.target) & tgt)]
        n_gold += 1
        type_hit += bool(typed)
        triple_hit += bool(triple)
        pred_type_ok += len(typed)
        pred_triple_ok += len(triple)
        pt = per_type[case["type"]]
        pt[0] += 1
        pt[1] += bool(typed)
        pt[2] += bool(triple)
        extra = [e for e in evs if e.type not in ok_types]
        if not triple or extra:
            kind = "TYPE-MISS" if not typed else "ARG-MISS" if not triple else "EXTRA"
            want = f"{case['type']} {','.join(case['source'])}->{','.join(case.get('target') or []) or '-'}"
            fails.append(f"{kind}\t[{case.get('form')}] want {want}: {case['text']}\n    got: {got}")
    tR, tP = type_hit / n_gold, (pred_type_ok / n_pred if n_pred else 0.0)
    xR, xP = triple_hit / n_gold, (pred_triple_ok / n_pred if n_pred else 0.0)
    lines = ["per type (gold, type hit, triple hit):"]
    lines += [f"  {t:10s} {g} {h} {x}" for t, (g, h, x) in sorted(per_type.items())]
    lines.append(f"no-event sentences with events: {noev_fp}/{noev}")
    lines += ["", *fails]
    if fails_path is not None:
        fails_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: type F1 {f1(tP, tR):.3f} (P {tP:.3f} R {tR:.3f}) triple F1 {f1(xP, xR):.3f} "  # noqa: T201
          f"(P {xP:.3f} R {xR:.3f}) over {n_gold} gold events, {n_pred} predicted, "
          f"no-event false alarms {noev_fp}/{noev}")


if __name__ == "__main__":
    main()
