"""dyadline serve: Datasette answers on 127.0.0.1 (and only there)."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from dyadline.cli import cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, *, deadline: float) -> int:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                return resp.status
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture()
def tiny_db(tmp_path):
    path = tmp_path / "tiny.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT)")
    return path


def test_cli_serve_answers_on_localhost(tiny_db):
    pytest.importorskip("datasette")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dyadline", "serve", "--db", str(tiny_db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _get(f"http://127.0.0.1:{port}/-/versions.json", deadline=time.monotonic() + 25) == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_cli_serve_names_a_missing_store(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "missing.db: no such store" in result.output
