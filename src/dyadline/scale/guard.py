"""No worker outlives its parent.

:func:`die_with_parent` is called first thing in every worker process dyadline starts
(the local process pool, and Dask workers of a ``local:N`` cluster through the
``dask_setup`` preload hook below). On Linux it asks the kernel to send SIGKILL when the
parent dies (``prctl(PR_SET_PDEATHSIG)``); everywhere it also starts a watchdog thread that
exits the process once its parent is gone (the parent pid changes), so ``kill -9`` on
``dyadline ingest`` never leaves a 350 MB worker behind.

The local pool's workers are forked by a forkserver (:mod:`dyadline.scale.warm`), so they are
grandchildren of ``dyadline ingest``: the forkserver dies with ``ingest`` (it arms the signal
without a thread, as it forks), each worker dies with the forkserver, and a worker's watchdog
also checks that ``ingest`` itself (the ``root``) is still there.
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


def die_with_parent(*, parent: int | None = None, root: int | None = None, watch: bool = True) -> None:
    """Make this process end when its parent (``parent``, default: the current one) ends, and when
    ``root`` (a further ancestor, if given) ends. ``watch=False``: no watchdog thread (for a
    process that forks), only the kernel's signal on Linux."""
    parent = parent or os.getppid()
    if sys.platform.startswith("linux"):
        _pdeathsig()
    if os.getppid() != parent or not _alive(root):  # gone before the signal was armed
        os._exit(1)
    if watch:
        threading.Thread(target=_watch, args=(parent, root), name="dyadline-parent-watch", daemon=True).start()


def _pdeathsig() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            log.debug("prctl(PR_SET_PDEATHSIG) failed: errno %d", ctypes.get_errno())
    except OSError as e:  # no libc to call: the watchdog alone does the job
        log.debug("no prctl (%s); relying on the watchdog", e)


def _alive(pid: int | None) -> bool:
    """Whether process ``pid`` exists (True for None: nothing to watch)."""
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, as another user's process
        return True
    return True


def _watch(parent: int, root: int | None) -> None:
    while os.getppid() == parent and _alive(root):
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def dask_setup(worker) -> None:
    """Dask preload hook (``--preload dyadline.scale.guard``): tie the worker to its parent.

    The parent is the pid in ``DYADLINE_PARENT_PID`` when set (so that a parent killed before
    the worker got here is noticed too), else the worker's current parent (``dask worker``'s nanny).
    """
    wanted = os.environ.get(PARENT_ENV, "")
    die_with_parent(parent=int(wanted) if wanted.isdigit() else None)
