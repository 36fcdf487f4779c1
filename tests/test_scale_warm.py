"""The local pool's forkserver: Settings passed through its environment, workers forked from a loaded pipeline."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from dyadline.scale import warm
from dyadline.settings import Settings


def test_scale_warm_settings_round_trip():
    s = Settings(model="blank:en", batch_size=8, actor_files=("a.yaml", "b.yaml"), cache_dir="off")
    assert warm.decode(warm.encode(s)) == s


def test_scale_warm_pipeline_only_for_the_same_settings(monkeypatch):
    class Loaded:
        settings = Settings(batch_size=8)

    monkeypatch.setattr(warm, "_PIPELINE", Loaded())
    assert warm.pipeline_for(Settings(batch_size=8)) is warm._PIPELINE
    other = warm.pipeline_for(Settings(batch_size=16))
    assert other is not warm._PIPELINE and other.settings == Settings(batch_size=16)


def test_scale_warm_one_blas_thread_only_while_serving(monkeypatch):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # the user's choice wins
    with warm.serving(multiprocessing.get_context("spawn"), Settings()):
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1" and os.environ["OMP_NUM_THREADS"] == "3"
    assert "OPENBLAS_NUM_THREADS" not in os.environ and os.environ["OMP_NUM_THREADS"] == "3"


def _warmed(settings: Settings) -> tuple[bool, str | None]:
    return warm._PIPELINE is not None and warm._PIPELINE.settings == settings, os.environ.get(warm.SETTINGS_ENV)


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here")
def test_scale_warm_workers_fork_from_a_loaded_server(pipeline):
    ctx = warm.context()
    with warm.serving(ctx, pipeline.settings), ctx.Pool(1) as pool:
        loaded, leaked = pool.apply(_warmed, (pipeline.settings,))
    assert loaded and leaked is None
    assert warm.SETTINGS_ENV not in os.environ
    assert not multiprocessing.forkserver._forkserver._forkserver_pid  # stopped: the model's memory is freed
