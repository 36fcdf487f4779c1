"""Fit the confidence model: a logistic regression from how an event was found to whether it is right.

The labels come from the project's own sentence sets (``tests/data/event_cases.yaml`` and
``tests/data/event_cases_heldout.yaml``, written for dyadline): an event is right when its
type is one the case allows and its source and target countries overlap the case's. Nothing
from ../shared is used to fit; ``bench/confidence.py`` measures calibration there.

    python bench/fit_confidence.py            # rewrites src/dyadline/extract/data/confidence.yaml
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np
import yaml

from dyadline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CASES = [ROOT / "tests" / "data" / "event_cases.yaml", ROOT / "tests" / "data" / "event_cases_heldout.yaml"]
OUT = ROOT / "src" / "dyadline" / "extract" / "data" / "confidence.yaml"
INTENT = {"SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "CONSULT"}
FORCE = {"ASSAULT", "COERCE", "SANCTION"}


def acceptable(case: dict) -> set[str]:
    types = {case["type"], *(case.get("alt") or [])}
    if case.get("modality") == "future":
        types |= {"AGREE"} if case["type"] in INTENT else {"THREATEN"} if case["type"] in FORCE else set()
    if case.get("modality") == "negated":
        types.add("REJECT")
    return types


def right(event, case: dict) -> bool:
    if case["type"] is None or event.type not in acceptable(case):
        return False
    src, tgt = set(case["source"]), set(case.get("target") or [])
    countries = lambda actors: {a.country for a in actors}  # noqa: E731
    return bool(countries(event.source) & src) and (not tgt or bool(countries(event.target) & tgt))


def samples(pipe: Pipeline) -> tuple[list[dict], list[int]]:
    xs, ys = [], []
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            for e in pipe.extract(case["text"], published="2024-05-01").events:
                xs.append(dict(e.explanation.features))
                ys.append(int(right(e, case)))
    return xs, ys


def fit(xs: list[dict], ys: list[int], *, l2: float = 1.0, steps: int = 4000) -> tuple[float, dict[str, float]]:
    names = sorted({k for x in xs for k in x})
    X = np.array([[x.get(k, 0.0) for k in names] for x in xs])
    y = np.array(ys, dtype=float)
    w, b = np.zeros(len(names)), 0.0
    for _ in range(steps):  # plain gradient descent on the L2-regularised log loss
        p = 1 / (1 + np.exp(-(X @ w + b)))
        w -= 0.5 * (X.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= 0.5 * float(np.mean(p - y))
    return b, {k: round(float(v), 4) for k, v in zip(names, w, strict=True)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    xs, ys = samples(Pipeline())
    bias, weights = fit(xs, ys)
    header = ("# The confidence model: P(event right) = 1 / (1 + exp(-(bias + sum(weight * feature)))).\n"
              f"# Fitted by bench/fit_confidence.py on the project's own sentence sets: {len(ys)} events, "
              f"{sum(ys)} right.\n# Features are 0/1 (events.confidence_features).\n")
    body = yaml.safe_dump({"bias": round(bias, 4), "weights": weights}, sort_keys=True)
    args.output.write_text(header + body, encoding="utf-8")
    loss = -sum(math.log(max(1e-9, p if y else 1 - p)) for p, y in
                ((1 / (1 + math.exp(-(bias + sum(weights[k] * v for k, v in x.items())))), y) for x, y in zip(xs, ys, strict=True))) / len(ys)
    print(f"{len(ys)} events ({sum(ys)} right); log loss {loss:.3f}; wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
