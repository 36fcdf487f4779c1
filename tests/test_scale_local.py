"""Every core of one machine: the process pool gives the serial records in input order; few documents stay in-process."""

from __future__ import annotations

from dyadline.records import Article
from dyadline.scale import effective_workers, pipe_parallel

TEXTS = ["Kenya signed an agreement with Tanzania.", "Chile protested to Peru on Monday.",
         "France sent aid to Ukraine last week.", "Brazil criticised Argentina.", "Japan hosted talks with India."]


def _articles() -> list[Article]:
    return [Article(id=f"d{i}", text=t, published="2025-03-04") for i, t in enumerate(TEXTS)]


def test_scale_local_effective_workers_match_the_work():
    assert effective_workers(8, 5, 32) == 1
    assert effective_workers(2, 100, 32) == 2
    assert effective_workers(4, 70, 32) == 3
    assert effective_workers(3, 0, 32) == 1


def test_scale_local_pipe_parallel_matches_serial_in_order(pipeline):
    serial = [rec for _, rec in pipeline.pipe(_articles())]
    pairs = list(pipe_parallel(_articles(), workers=2, settings=pipeline.settings, chunk_size=2))
    assert [a.id for a, _ in pairs] == [a.id for a in _articles()]
    assert [rec for _, rec in pairs] == serial


def test_scale_local_cli_workers_stores_everything(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from dyadline import scale
    from dyadline.cli import cli

    calls = []
    real = scale.pipe_parallel
    monkeypatch.setattr(scale, "effective_workers", lambda workers, n, size: workers)
    monkeypatch.setattr(scale, "pipe_parallel", lambda arts, **kw: calls.append(kw["workers"]) or real(arts, **kw))
    for i, text in enumerate(TEXTS):
        (tmp_path / f"{i}.txt").write_text(text)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--workers", "2"],
                                catch_exceptions=False)
    assert result.exit_code == 0 and calls == [2] and "5 added" in result.stdout
