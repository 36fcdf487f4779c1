"""No worker outlives its parent.

:func:`die_with_parent` is called first thing in every worker process dyadline starts
(the local process pool, and Dask workers of a ``local:N`` cluster through the
``dask_setup`` preload hook below). On Linux it asks the kernel to send SIGKILL when the
parent dies (``prctl(PR_SET_PDEATHSIG)``); everywhere it also starts a watchdog thread that
exits the process once its parent is gone (the parent pid changes), so ``kill -9`` on
``dyadline ingest`` never leaves a 350 MB worker behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0
PARENT_ENV = "DYADLINE_PARENT_PID"  # set by the process that starts workers, read by dask_setup


def die_with_parent(*, parent: int | None = None) -> None:
    """Make this process end when its parent (``parent``, default: the current one) ends."""
    parent = parent or os.getppid()
    if sys.platform.startswith("linux"):
        _pdeathsig()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="dyadline-parent-watch", daemon=True).start()


def _pdeathsig() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            log.debug("prctl(PR_SET_PDEATHSIG) failed: errno %d", ctypes.get_errno())
    except OSError as e:  # no libc to call: the watchdog alone does the job
        log.debug("no prctl (%s); relying on the watchdog", e)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def dask_setup(worker) -> None:
    """Dask preload hook (``--preload dyadline.scale.guard``): tie the worker to its parent.

    The parent is the pid in ``DYADLINE_PARENT_PID`` when set (so that a parent killed before
    the worker got here is noticed too), else the worker's current parent (``dask worker``'s nanny).
    """
    wanted = os.environ.get(PARENT_ENV, "")
    die_with_parent(parent=int(wanted) if wanted.isdigit() else None)
