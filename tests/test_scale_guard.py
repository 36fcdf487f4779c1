"""No worker outlives its parent; kill -9 on a distributed ingest, then the same command: nothing lost or doubled."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

psutil = pytest.importorskip("psutil")

CHILD = ("import sys, time; from dyadline.scale.guard import die_with_parent; "
         "die_with_parent(parent=int(sys.argv[1])); time.sleep(120)")
PARENT = ("import os, subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', %r, str(os.getpid())]); "
          "print(p.pid, flush=True); time.sleep(120)" % CHILD)


def _gone(pids: list[int], *, within: float) -> list[int]:
    """The pids still alive (zombies count as gone) after waiting up to ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def test_scale_guard_child_dies_with_root():
    """A worker forked by a server is tied to the server and to the process that started it (the root)."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    code = ("import os, time; from dyadline.scale.guard import die_with_parent; "
            f"die_with_parent(root={gone.pid}); time.sleep(60)")
    child = subprocess.run([sys.executable, "-c", code], timeout=30)
    assert child.returncode == 1


def test_scale_guard_child_dies_with_parent():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    time.sleep(0.3)  # killed before or after the child armed its guard: gone either way
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    assert _gone([child], within=5) == []


def _count(db, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def _write_docs(path, n: int) -> None:
    with open(path, "w") as f:
        for i in range(n):
            text = " ".join(f"Kenya signed agreement {i}.{k} with Tanzania in Nairobi on Monday, officials said."
                            for k in range(6))
            f.write(json.dumps({"id": f"n{i}", "text": text, "published": "2025-03-04"}) + "\n")


def _cmdline(proc) -> str:
    try:
        return " ".join(proc.cmdline())
    except psutil.Error:
        return ""


def _local_tree(pid: int) -> tuple[list[int], list[int], list[int]]:
    """The forkserver(s), the pool workers forked from them and every descendant of ``pid``."""
    try:
        tree = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return [], [], []
    servers = [c.pid for c in tree if "forkserver" in _cmdline(c) and c.pid in
               {k.pid for k in psutil.Process(pid).children()}]
    workers = [c.pid for c in tree if c.pid not in servers and _ppid(c) in servers]
    return servers, workers, [c.pid for c in tree]


def _ppid(proc) -> int:
    try:
        return proc.ppid()
    except psutil.Error:
        return 0


def _ingest_local(tmp_path, n: int) -> subprocess.Popen:
    docs = tmp_path / "docs.jsonl"
    _write_docs(docs, n)
    return subprocess.Popen([sys.executable, "-m", "dyadline", "ingest", str(docs), "--db", str(tmp_path / "s.db"),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_scale_guard_kill_9_local_pool_leaves_no_worker(tmp_path):
    run = _ingest_local(tmp_path, 96)
    deadline = time.monotonic() + 60
    servers, workers, tree = [], [], []
    while time.monotonic() < deadline and run.poll() is None and len(workers) < 2:
        servers, workers, tree = _local_tree(run.pid)
        time.sleep(0.1)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert len(servers) == 1 and len(workers) == 2
    assert _gone(tree, within=10) == []  # the forkserver, its workers and multiprocessing's resource tracker


def test_scale_guard_kill_9_while_the_forkserver_loads(tmp_path):
    run = _ingest_local(tmp_path, 96)
    deadline = time.monotonic() + 60
    servers, tree = [], []
    while time.monotonic() < deadline and run.poll() is None and not servers:
        servers, _, tree = _local_tree(run.pid)
        time.sleep(0.05)
    time.sleep(0.5)  # the server is importing spaCy or loading the model, no worker forked yet
    tree = list({*tree, *_local_tree(run.pid)[2]})
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert servers and _gone(tree, within=10) == []


def test_scale_guard_kill_9_distributed_ingest_then_resume(tmp_path):
    pytest.importorskip("distributed")
    docs = tmp_path / "docs.jsonl"
    _write_docs(docs, 96)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "dyadline", "ingest", str(docs), "--db", str(db), "--scheduler", "local:2"]
    run = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        if db.exists() and _count(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents'") \
                and _count(db, "SELECT COUNT(*) FROM documents") > 0:
            break
        time.sleep(0.2)
    workers = [c.pid for c in psutil.Process(run.pid).children(recursive=True)] if run.poll() is None else []
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert _gone(workers, within=10) == []
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _count(db, "SELECT COUNT(*) FROM documents") == 96
    assert _count(db, "SELECT COUNT(DISTINCT article_id) FROM documents") == 96
    assert _count(db, "SELECT COUNT(*) FROM events") == _count(db, "SELECT COUNT(DISTINCT id) FROM events")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(tmp_path.glob("s.db.shards/*.parquet"))
