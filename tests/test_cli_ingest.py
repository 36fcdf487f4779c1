"""dyadline ingest: bad inputs are named and skipped, good ones stored, re-ingest adds nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _store(db: Path):
    from dyadline.store import Store

    return Store(db)


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _messy_folder(tmp: Path) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Published: 2025-03-04\n\nKenya signed a trade agreement with Tanzania on Tuesday.\n")
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Le ministre a déclaré".encode("latin-1"))
    lines = [json.dumps({"id": "j1", "text": "Chile recalled its ambassador from Peru.", "published": "2025-01-02"}),
             '{"id": "j2", "text": ',
             json.dumps({"id": "j3", "text": "Brazil and Argentina agreed to lower tariffs."})]
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_cli_ingest_reports_bad_files_and_stores_the_rest(tmp_path):
    db = tmp_path / "t.db"
    result = _run("ingest", str(_messy_folder(tmp_path)), "--db", str(db))
    assert result.exit_code == 1
    err = result.stderr
    for needle in ("empty.txt: the file is empty", "image.txt: the file looks binary",
                   "latin1.txt: cannot decode as UTF-8", "docs.jsonl:2: not valid JSON"):
        assert needle in err
    assert "3 documents read: 3 added" in result.stdout and "4 failed" in result.stdout
    assert _store(db).summary().documents == 3


def test_cli_ingest_again_adds_no_rows(tmp_path):
    db = tmp_path / "t.db"
    first = _run("ingest", str(EXAMPLES), "--db", str(db))
    assert first.exit_code == 0, first.output
    before = _store(db).summary()
    again = _run("ingest", str(EXAMPLES), "--db", str(db))
    assert again.exit_code == 0 and "0 added" in again.stdout
    after = _store(db).summary()
    assert (after.documents, after.events, after.quotes) == (before.documents, before.events, before.quotes)
    assert after.documents >= 6


def test_cli_ingest_same_text_twice_in_one_run_is_stored_once(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Peru protested to Chile.")
    db = tmp_path / "t.db"
    result = _run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db))
    assert result.exit_code == 0 and "1 added, 1 already stored" in result.stdout


def test_cli_ingest_missing_path_fails_but_stores_others(tmp_path):
    shutil.copy(EXAMPLES / "01_japan_philippines_coast_guard.txt", tmp_path / "a.txt")
    db = tmp_path / "t.db"
    result = _run("ingest", str(tmp_path / "nope"), str(tmp_path / "a.txt"), "--db", str(db))
    assert result.exit_code == 1 and "nope: no such file or folder" in result.stderr
    assert _store(db).summary().documents == 1


def test_cli_ingest_published_option_dates_undated_documents(tmp_path):
    (tmp_path / "a.txt").write_text("Peru protested to Chile.")
    db = tmp_path / "t.db"
    assert _run("ingest", str(tmp_path), "--db", str(db), "--published", "2025-04-01").exit_code == 0
    [row] = _store(db).db.query("SELECT published FROM documents")
    assert row["published"] == "2025-04-01"


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday"])
def test_cli_ingest_rejects_bad_published_option(tmp_path, bad):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--published", bad])
    assert result.exit_code == 2 and "2025-03-04" in result.output


def test_cli_ingest_progress_bar_only_on_a_terminal(monkeypatch):
    from dyadline import cli as cli_module

    items = [1, 2]
    monkeypatch.setattr(cli_module.sys.stderr, "isatty", lambda: False, raising=False)
    assert cli_module._progress(items, total=2, desc="x") is items
    monkeypatch.setattr(cli_module.sys.stderr, "isatty", lambda: True, raising=False)
    bar = cli_module._progress(items, total=2, desc="x")
    assert type(bar).__name__ == "tqdm" and list(bar) == items
