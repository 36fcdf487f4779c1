"""dyadline extract: the JSON Lines contract (one record per line, same id) and the one-file view."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dyadline.cli import cli
from dyadline.records import MODALITIES, NON_STATE_CODES, PLOVER_TYPES, SECTORS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RECORD_KEYS = {"id", "events", "quotes", "times", "places", "actors"}
ACTOR_KEYS = {"text", "span", "name", "country", "sector"}


def _span(value, text: str) -> None:
    assert isinstance(value, list) and len(value) == 2 and 0 <= value[0] <= value[1] <= len(text)


def _actor(a: dict, text: str) -> None:
    assert set(a) == ACTOR_KEYS
    if a["span"] is not None:
        _span(a["span"], text)
    assert a["country"] is None or a["country"] in NON_STATE_CODES or (len(a["country"]) == 3 and a["country"].isupper())
    assert a["sector"] is None or a["sector"] in SECTORS


def _time(t: dict) -> None:
    assert set(t) == {"text", "span", "value", "start", "end"} and isinstance(t["value"], str)


def _place(p: dict, text: str) -> None:
    assert set(p) == {"text", "span", "name", "country", "lat", "lon", "geonameid"}
    _span(p["span"], text)
    assert isinstance(p["lat"], float) and isinstance(p["lon"], float)


def _event(e: dict, text: str) -> None:
    assert set(e) == {"type", "mode", "cameo", "source", "target", "date", "location", "modality",
                      "attributed_to", "evidence", "confidence"}
    assert e["type"] in PLOVER_TYPES and e["modality"] in MODALITIES and isinstance(e["confidence"], float)
    for a in e["source"] + e["target"] + ([e["attributed_to"]] if e["attributed_to"] else []):
        _actor(a, text)
    start, end = e["evidence"]["span"]
    assert text[start:end] == e["evidence"]["text"]


def validate_record(rec: dict, text: str) -> None:
    """Assert that ``rec`` follows the extraction contract of ../shared/README.md for ``text``."""
    assert set(rec) == RECORD_KEYS and isinstance(rec["id"], str)
    for e in rec["events"]:
        _event(e, text)
    for q in rec["quotes"]:
        assert set(q) == {"text", "span", "speaker", "cue", "attributed_to"}
        _span(q["span"], text)
    for t in rec["times"]:
        _time(t)
    for p in rec["places"]:
        _place(p, text)
    for a in rec["actors"]:
        _actor(a, text)


def _extract(tmp: Path, lines: list[str]):
    src, out = tmp / "in.jsonl", tmp / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--input", str(src), "--output", str(out)], catch_exceptions=False)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return result, rows


def test_cli_extract_seed_follows_the_contract(shared_dir, tmp_path):
    seed = next((shared_dir / "seed").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    doc = {"id": seed.stem, "text": text, "published": "2025-08-15"}
    result, [rec] = _extract(tmp_path, [json.dumps(doc)])
    assert result.exit_code == 0 and rec["id"] == seed.stem
    validate_record(rec, text)


def test_cli_extract_examples_follow_the_contract(tmp_path):
    from dyadline.ingest import read
    from dyadline.records import Article

    docs = [a.to_dict() for a in read([EXAMPLES]) if isinstance(a, Article)]
    result, recs = _extract(tmp_path, [json.dumps(d) for d in docs])
    assert result.exit_code == 0 and [r["id"] for r in recs] == [d["id"] for d in docs]
    for rec, doc in zip(recs, docs, strict=True):
        validate_record(rec, doc["text"])


def test_cli_extract_bad_fields_give_empty_record_and_exit_1(tmp_path):
    lines = [json.dumps({"id": "a", "text": "Chile protested.", "published": None}),
             json.dumps({"id": "b", "text": None}),
             json.dumps({"id": 3, "text": "Peru replied.", "published": "next week"}),
             "",
             json.dumps({"id": "d", "text": "Bolivia agreed.", "published": "2025-02-03T12:00:00Z"})]
    result, recs = _extract(tmp_path, lines)
    assert result.exit_code == 1
    assert [r["id"] for r in recs] == ["a", "b", "3", "d"]
    assert recs[1] == {"id": "b", "events": [], "quotes": [], "times": [], "places": [], "actors": []}
    assert "error: " + str(tmp_path / "in.jsonl") + ":2:" in result.stderr
    assert "warning: " + str(tmp_path / "in.jsonl") + ":3: cannot read the publication date 'next week'" in result.stderr


def test_cli_extract_line_without_id_still_gets_its_record(tmp_path):
    lines = [json.dumps({"id": "a", "text": "Chile protested."}), '{"id": "b", "text": "cut', json.dumps({"text": "x"}),
             '{"broken', json.dumps({"id": "c", "text": "Peru replied."})]
    result, recs = _extract(tmp_path, lines)
    assert result.exit_code == 1
    assert [r["id"] for r in recs] == ["a", "b", "in-3", "in-4", "c"]
    assert "in.jsonl:2: not valid JSON" in result.stderr and "in.jsonl:3: no usable 'id'" in result.stderr


def test_cli_extract_empty_input_gives_empty_output(tmp_path):
    result, recs = _extract(tmp_path, [])
    assert result.exit_code == 0 and recs == []


def test_cli_extract_file_prints_indented_record(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Kenya signed an agreement with Tanzania last week.")
    result = CliRunner().invoke(cli, ["extract", str(path), "--published", "2025-03-04"], catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout.startswith("{\n  ")
    rec = json.loads(result.stdout)
    validate_record(rec, path.read_text())
    assert rec["id"] == "one"


def test_cli_extract_needs_file_or_input_and_output(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("")
    assert CliRunner().invoke(cli, ["extract"]).exit_code == 2
    assert CliRunner().invoke(cli, ["extract", "--input", str(path)]).exit_code == 2
