"""The local pool's forkserver: the model and the knowledge base loaded once, before any worker forks.

:func:`dyadline.scale.local.pipe_parallel` starts its workers from a forkserver (where the
platform has one) whose preload is this module. :func:`start` launches that server with the
caller's Settings in ``DYADLINE_WARM_SETTINGS``; importing this module in the server then
ties the server to the caller (:mod:`dyadline.scale.guard`) and builds the Pipeline for those
Settings, coding one sentence so that the lazy parts are loaded too. Each worker is a fork of
the loaded server: it starts at once and shares the model's memory copy-on-write, instead of
importing spaCy, loading the model and reading the compiled cache itself (about 2 s of CPU).
The server, and so every worker, runs numpy's BLAS on one thread (:data:`ONE_THREAD`).

Importing this module anywhere else does nothing: the variable is only set for the server.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import multiprocessing
import multiprocessing.forkserver
import os
from collections.abc import Iterator
from contextlib import contextmanager

from dyadline.scale.guard import PARENT_ENV, die_with_parent
from dyadline.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["SETTINGS_ENV", "context", "pipeline_for", "serving"]

SETTINGS_ENV = "DYADLINE_WARM_SETTINGS"
# One worker per core: BLAS threads in each would only spin against the other workers (Dask's
# nannies set the same variables); about half the CPU time of a worker on 2 cores.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
WARM_TEXT = "Kenya signed an agreement with Tanzania in Nairobi on Monday, officials said."

_PIPELINE = None  # the server's Pipeline (and so every worker's, forked from it)


def encode(settings: Settings) -> str:
    return json.dumps(dataclasses.asdict(settings))


def decode(text: str) -> Settings:
    return Settings(**{k: tuple(v) if isinstance(v, list) else v for k, v in json.loads(text).items()})


def pipeline_for(settings: Settings):
    """The server's loaded Pipeline when it was built for ``settings``, else a new (unloaded) one."""
    if _PIPELINE is not None and _PIPELINE.settings == settings:
        return _PIPELINE
    from dyadline.pipeline import Pipeline

    return Pipeline(settings)


def context() -> multiprocessing.context.BaseContext:
    """The forkserver context where the platform has one, else spawn."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


@contextmanager
def serving(ctx: multiprocessing.context.BaseContext, settings: Settings) -> Iterator[None]:
    """Run a forkserver warmed for ``settings`` while the block runs, then stop it (freeing the model).

    Workers get one BLAS thread each (:data:`ONE_THREAD`, unless the environment says otherwise).
    With spawn, the variables are set for the whole block (the pool starts its workers in it).
    A forkserver already running in this process (started by other code) is used as it is;
    its workers then load the pipeline themselves."""
    if ctx.get_start_method() != "forkserver":
        with _environ(_one_thread()):
            yield
        return
    if multiprocessing.forkserver._forkserver._forkserver_pid:
        yield
        return
    ctx.set_forkserver_preload([__name__])
    with _environ({SETTINGS_ENV: encode(settings), PARENT_ENV: str(os.getpid()), **_one_thread()}):
        multiprocessing.forkserver.ensure_running()
    try:
        yield
    finally:
        _stop()


def _one_thread() -> dict[str, str]:
    return {k: v for k, v in ONE_THREAD.items() if k not in os.environ}


@contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the block (so that processes started in it inherit them)."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                del os.environ[k]
            else:
                os.environ[k] = v


def _stop() -> None:
    """Stop this process's forkserver (it exits once every worker forked from it has ended)."""
    stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)
    if stop is not None:
        stop()


def _warm(settings: Settings) -> None:
    global _PIPELINE
    from dyadline.pipeline import Pipeline

    pipe = Pipeline(settings)
    pipe.extract(WARM_TEXT)
    gc.freeze()  # keep the collector off the model's objects, so forks share their pages
    _PIPELINE = pipe


def _serve() -> None:
    """In the forkserver: die with the process that started it, then load the pipeline."""
    text, parent = os.environ.pop(SETTINGS_ENV, None), os.environ.pop(PARENT_ENV, "")
    if text is None:
        return
    die_with_parent(parent=int(parent) if parent.isdigit() else None, watch=False)  # no thread: it forks
    try:
        _warm(decode(text))
    except Exception as e:  # noqa: BLE001  each worker then loads the pipeline and reports the error
        log.warning("forkserver: pipeline not preloaded (%s)", e)


_serve()
