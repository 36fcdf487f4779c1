"""Regression over the seed article's gold (read from ../shared; skipped without it)."""

from __future__ import annotations

import json


def _matches(pred, gold):
    if pred.type not in gold["type"]:
        return False
    ps, pt = {a.country for a in pred.source}, {a.country for a in pred.target}
    gs, gt = set(gold["source"]), set(gold.get("target") or [])
    if gold.get("reciprocal"):
        return len((ps | pt) & (gs | gt)) >= 2 or bool(ps & gs and pt & gt)
    return bool(ps & gs) and (not gt or bool(pt & gt))


def test_events_seed_gold(pipeline, shared_dir):
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "seed" / gold["text_file"]).read_text(encoding="utf-8")
    events = list(pipeline.extract(text, published=gold["published"]).events)
    required = [g for g in gold["events"] if not g.get("optional")]
    found = sum(any(_matches(e, g) for e in events) for g in required)
    assert found / len(required) >= 0.85
    wrong = [e for e in events if not any(_matches(e, g) for g in gold["events"])]
    assert len(wrong) <= 3, [(e.type, e.evidence.text) for e in wrong]
    hedged = [e for e in events if "may send" in e.evidence.text]
    assert hedged and all(e.modality == "hedged" and e.attributed_to.country == "KOR" for e in hedged)
    pact = [e for e in events if "signing" in e.evidence.text]
    assert pact and pact[0].date.start == "2024-01-01"
