"""Reading and streaming on the command line: stdin ('-'), --output -, exit codes, --config, partial --since."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyadline import cli as cli_module
from dyadline.cli import cli
from dyadline.cli_options import EXIT_FAILED

DOC = json.dumps({"id": "s1", "text": "Kenya signed a trade deal with Tanzania.", "published": "4 March 2025"})


def _invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_cli_input_ingest_reads_stdin(tmp_path):
    db = tmp_path / "t.db"
    result = _invoke("ingest", "-", "--db", str(db), input=DOC + "\n{broken\n")
    assert result.exit_code == 1 and "<stdin>:2: not valid JSON" in result.stderr
    assert "1 documents read: 1 added" in result.stdout
    text = _invoke("ingest", "-", "--format", "txt", "--db", str(db), input="Published: 2025-03-05\n\nPeru protested.\n")
    assert text.exit_code == 0 and "1 added" in text.stdout
    from dyadline.store import Store

    with Store(db) as store:
        rows = {r["article_id"]: r["published"] for r in store.db.query("SELECT article_id, published FROM documents")}
    assert rows == {"s1": "2025-03-04", "stdin": "2025-03-05"}


def test_cli_input_extract_stdin_to_stdout():
    result = _invoke("extract", "--input", "-", "--output", "-", input=DOC + "\n\n" + '{"id": "b"}\n')
    lines = result.stdout.splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["s1", "b"]
    assert result.exit_code == 1 and "<stdin>:3: a document needs a non-empty string 'text'" in result.stderr


def test_cli_input_crash_is_one_line_and_exit_3(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli_module, "read_inputs", boom)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == EXIT_FAILED == 3
    assert "the run failed: RuntimeError: disk on fire" in result.stderr and "Traceback" not in result.output


def test_cli_input_unusable_store_is_exit_3(tmp_path):
    db = tmp_path / "t.db"
    db.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(cli, ["summary", "--db", str(db)])
    assert result.exit_code == 3 and "Cannot open the store" in result.stderr


@pytest.fixture()
def configured(tmp_path, monkeypatch):
    """A store named only by a settings file given with --config."""
    from dyadline.records import Article, Event, Evidence, Record
    from dyadline.store import Store

    db = tmp_path / "cfg.db"
    text = "Peru protested to Chile."
    event = Event("PROTEST", Evidence(text, (0, len(text))), confidence=0.5)
    with Store(db) as store:
        store.add_many([(Article("a", text, published="2025-02-10"), Record("a", (event,)))])
    config = tmp_path / "dyadline.toml"
    config.write_text(f'[dyadline]\ndb = "{db}"\n')
    monkeypatch.chdir(tmp_path / "..")
    return str(config)


@pytest.mark.parametrize("args", [["summary"], ["events"], ["quotes"], ["export", "--format", "jsonl", "--output", "-"]])
def test_cli_input_config_applies_to_every_command(configured, args):
    result = _invoke("--config", configured, *args)
    assert result.exit_code == 0, result.output
    assert "no such store" not in result.output


def test_cli_input_config_applies_to_serve(configured, monkeypatch):
    import dyadline.serve

    served = []
    monkeypatch.setattr(dyadline.serve, "run", lambda path, port, **options: served.append(path))
    assert _invoke("--config", configured, "serve").exit_code == 0
    assert served and served[0].endswith("cfg.db")


@pytest.mark.parametrize(("since", "until", "n"), [("2025", None, 1), ("2025-02", None, 1), ("2025-03", None, 0),
                                                   (None, "2025-01", 0), (None, "2025", 1)])
def test_cli_input_since_takes_month_or_year(configured, since, until, n):
    args = ["--config", configured, "events", "--format", "jsonl"]
    args += ["--since", since] if since else []
    args += ["--until", until] if until else []
    result = _invoke(*args)
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == n


@pytest.mark.parametrize("bad", ["2025-13", "25", "2025-02-30", "March"])
def test_cli_input_since_rejects_bad_bounds(bad):
    result = CliRunner().invoke(cli, ["events", "--since", bad])
    assert result.exit_code == 2 and "2025-03" in result.output


def test_cli_input_bad_size_setting_is_exit_3(tmp_path):
    config = tmp_path / "d.toml"
    config.write_text("[dyadline]\nmax_chars = 0\n")
    result = CliRunner().invoke(cli, ["--config", str(config), "ingest", str(tmp_path), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 3 and "'max_chars' must be a whole number of 1 or more" in result.stderr
