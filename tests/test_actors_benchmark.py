"""Quality floors on the shared actor-resolution cases (skips without ../shared)."""

from __future__ import annotations

import json
import re

from dyadline.extract.actors import ActorResolver

ALIASES = {"UK": "GBR", "DRC": "COD", "KOS": "XKX", "PAL": "PSE"}


def _cases(shared_dir):
    path = shared_dir / "benchmarks" / "actors" / "actor_resolution_cases.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        if c.get("method") != "agent_to_code" or c.get("marks") or not c.get("args"):
            continue
        exp = {e["field"]: e["value"] for e in c.get("expect", []) if e.get("op") in ("Eq", "In")}
        args = c["args"]
        date = args[2] if len(args) > 2 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(args[2])) else None
        yield args[0], (args[1] if len(args) > 1 and args[1] else None), date, exp


def _score(shared_dir):
    r = ActorResolver()
    nc = okc = ns = oks = 0
    for text, context, date, exp in _cases(shared_dir):
        a = r.resolve(text, context=context, date=date)
        if "country" in exp:
            nc += 1
            want = exp["country"]
            okc += bool(want) and ALIASES.get(want, want) == a.country
        if "code_1" in exp:
            ns += 1
            want = exp["code_1"] if isinstance(exp["code_1"], list) else [exp["code_1"]]
            oks += (a.sector in want) if any(want) else a.sector is None
    return okc / nc, oks / ns


def test_actors_benchmark_floors(shared_dir):
    country, sector = _score(shared_dir)
    assert country >= 0.75
    assert sector >= 0.65
