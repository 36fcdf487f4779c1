"""Dask scale-out: same records as the serial pipeline, in order; a clear hint when Dask is missing."""

from __future__ import annotations

import sys

import pytest

from dyadline.errors import ConfigError
from dyadline.records import Article
from dyadline.settings import Settings

TEXTS = ["Kenya signed an agreement with Tanzania.", "Chile protested to Peru on Monday.",
         "France sent aid to Ukraine last week.", "Brazil criticised Argentina.", "Japan hosted talks with India."]


def _articles() -> list[Article]:
    return [Article(id=f"d{i}", text=t, published="2025-03-04") for i, t in enumerate(TEXTS)]


def test_scale_pipe_parallel_matches_serial_in_order(pipeline):
    pytest.importorskip("dask")
    from dyadline.scale import pipe_parallel

    serial = [rec for _, rec in pipeline.pipe(_articles())]
    pairs = list(pipe_parallel(_articles(), workers=2, settings=pipeline.settings, chunk_size=2,
                               scheduler="synchronous"))
    assert [a.id for a, _ in pairs] == [a.id for a in _articles()]
    assert [rec for _, rec in pairs] == serial


def test_scale_missing_dask_says_how_to_install(monkeypatch):
    from dyadline import scale

    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ConfigError, match=r"pip install 'dyadline\[dask\]'"):
        list(scale.pipe_parallel(_articles(), workers=2, settings=Settings()))


def test_scale_cli_workers_uses_dask_and_stores_everything(tmp_path, monkeypatch):
    pytest.importorskip("dask")
    from click.testing import CliRunner

    from dyadline import scale
    from dyadline.cli import cli

    calls = []
    real = scale.pipe_parallel

    def synchronous(articles, **kw):
        calls.append(kw["workers"])
        return real(articles, **{**kw, "scheduler": "synchronous"})

    monkeypatch.setattr(scale, "pipe_parallel", synchronous)
    for i, text in enumerate(TEXTS):
        (tmp_path / f"{i}.txt").write_text(text)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--workers", "3"],
                                catch_exceptions=False)
    assert result.exit_code == 0 and calls == [3] and "5 added" in result.stdout
