"""The store verbs (summary, events, quotes, export) and the lookup verbs (actors search, explain)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from dyadline import cli as cli_module
from dyadline.cli import cli
from dyadline.cli_options import format_table
from dyadline.records import Actor, Article, Event, Evidence, Explanation, Quote, Record, Time

TEXT = 'Russia attacked Ukraine on Monday. "We will respond," Zelensky said. France sent aid to Ukraine.'


def _record() -> tuple[Article, Record]:
    rus, ukr = Actor("Russia", (0, 6), "Russia", "RUS", None), Actor("Ukraine", (16, 23), "Ukraine", "UKR", None)
    fra = Actor("France", (70, 76), "France", "FRA", None)
    monday = Time("on Monday", (24, 33), "2025-03-03", "2025-03-03", "2025-03-03")
    events = (Event("ASSAULT", Evidence(TEXT[:33], (0, 33)), source=(rus,), target=(ukr,), date=monday, confidence=0.8),
              Event("AID", Evidence(TEXT[70:], (70, len(TEXT))), source=(fra,), target=(ukr,), confidence=0.7))
    speaker = Actor("Zelensky", (54, 62), "Volodymyr Zelensky", "UKR", "GOV")
    quotes = (Quote('"We will respond,"', (35, 53), speaker=speaker, cue="said"),)
    return Article("doc1", TEXT, published="2025-03-05", title="Test"), Record("doc1", events, quotes, (monday,))


@pytest.fixture()
def db(tmp_path):
    from dyadline.store import Store

    path = tmp_path / "q.db"
    with Store(path) as store:
        store.add_many([_record()])
    return str(path)


def _run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_summary_counts_types_and_dyads(db):
    out = _run("summary", "--db", db)
    assert "documents: 1" in out and "events: 2" in out and "ASSAULT 1" in out and "RUS -> UKR" in out


def test_cli_events_filters_and_formats(db):
    table = _run("events", "--db", db, "--actor", "RUS")
    assert "ASSAULT" in table and "AID" not in table
    rows = [json.loads(x) for x in _run("events", "--db", db, "--type", "aid", "--format", "jsonl").splitlines()]
    assert [r["type"] for r in rows] == ["AID"]
    rows = list(csv.DictReader(io.StringIO(_run("events", "--db", db, "--since", "2025-03-04", "--format", "csv"))))
    assert {r["type"] for r in rows} == {"AID"}


def test_cli_quotes_lists_speakers(db):
    assert "Volodymyr Zelensky" in _run("quotes", "--db", db, "--speaker", "zelensky")
    assert _run("quotes", "--db", db, "--speaker", "nobody").strip() == "(no rows)"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "plover", "gdelt", "cameo"])
def test_cli_export_writes_every_event(db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", fmt, "--output", str(out)],
                                catch_exceptions=False)
    unit = "rows (source-target pairs)" if fmt in ("gdelt", "cameo") else "events"
    assert result.exit_code == 0 and f"2 {unit} written" in result.stderr
    assert "UKR" in out.read_text()


def test_cli_export_gdelt_header_option(db, tmp_path):
    from dyadline.export import GDELT_FIELDS

    out = tmp_path / "events.gdelt.tsv"
    _run("export", "--db", db, "--format", "gdelt", "--output", str(out))
    first = out.read_text().splitlines()[0].split("\t")
    assert len(first) == 61 and first[0].isdigit()
    _run("export", "--db", db, "--format", "gdelt", "--output", str(out), "--header")
    assert tuple(out.read_text().splitlines()[0].split("\t")) == GDELT_FIELDS
    lines = _run("export", "--db", db, "--format", "plover", "--output", "-").splitlines()
    assert [json.loads(x)["event"] for x in lines] == [["ASSAULT"], ["AID"]]


def test_cli_store_verbs_name_a_missing_store(tmp_path):
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "none.db: no such store" in result.output


def test_cli_format_table_cuts_long_cells():
    table = format_table([{"type": "AID", "evidence": "x" * 100}], columns=("type", "evidence"), width=10)
    assert table.splitlines()[1].endswith("x" * 9 + "…")


class FakePipeline:
    """Stands in for Pipeline in the lookup verbs (no model, fixed answers)."""

    def __init__(self, *_, **__):
        pass

    def search_actors(self, name: str) -> list[dict]:
        return [{"name": "Emmanuel Macron", "kind": "person", "country": "FRA", "sector": "GOV",
                 "aliases": ["Macron"], "roles": [{"role": "President", "start": "2017-05-14", "end": None}]}]

    def explain(self, text: str, *, published=None) -> list[Event]:
        _, rec = _record()
        why = Explanation("verb:attack", "attacked", (("source", "nsubj of trigger"), ("target", "dobj of trigger")))
        return [Event(**{**rec.events[0].__dict__, "explanation": why}), rec.events[1]]


def test_cli_actors_search_prints_codes_and_roles(monkeypatch):
    monkeypatch.setattr(cli_module, "Pipeline", FakePipeline)
    out = _run("actors", "search", "macron")
    assert "Emmanuel Macron  [FRA/GOV]  (person)" in out and "role=President" in out and "aliases: Macron" in out


def test_cli_explain_prints_rule_trigger_and_arguments(monkeypatch):
    monkeypatch.setattr(cli_module, "Pipeline", FakePipeline)
    out = _run("explain", "Russia attacked Ukraine.", "--published", "2025-03-05")
    assert "1. ASSAULT" in out and "rule: verb:attack" in out and "trigger: 'attacked'" in out
    assert "source: nsubj of trigger" in out and "(no explanation recorded)" in out


def test_cli_queries_closed_pipe_is_no_failure():
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "dyadline", "--help"]
    proc = subprocess.run(f"{' '.join(cmd)} | head -c 10", shell=True, capture_output=True, text=True)
    assert "run failed" not in proc.stderr
