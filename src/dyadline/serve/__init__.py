"""Datasette on a dyadline store, with descriptions, facets, canned queries and evidence pages.

``make_datasette(path, write=False, allowed_hosts=...)`` builds the app (metadata from
``serve/metadata.yaml``, the plugin in ``serve/plugin.py``, the map from the pinned
``datasette-cluster-map`` with its bundled Leaflet); ``run(path, port)`` serves it on
127.0.0.1 only. Reviews can be written only with ``write=True``. Datasette is an optional
extra: without it these raise ConfigError naming ``pip install 'dyadline[serve]'``.
"""

from __future__ import annotations

import copy
import functools
import importlib
import logging
from pathlib import Path
from typing import Any

import yaml

from dyadline.errors import ConfigError, Errors, StoreError
from dyadline.yamlfile import load_yaml

HOST = "127.0.0.1"
METADATA = Path(__file__).resolve().parent / "metadata.yaml"
_PLACEHOLDER = "dyadline"

log = logging.getLogger(__name__)


@functools.cache
def _packaged_metadata() -> dict:
    try:
        return load_yaml(METADATA.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=METADATA, reason=e)) from e


def load_metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for a store served under the name ``database``."""
    meta = copy.deepcopy(_packaged_metadata())
    dbs = meta.get("databases", {})
    if _PLACEHOLDER in dbs and database != _PLACEHOLDER:
        dbs[database] = dbs.pop(_PLACEHOLDER)
    return meta


def _datasette_module():
    try:
        return importlib.import_module("datasette.app")
    except ImportError as e:
        raise ConfigError(Errors.E402) from e


# The plugins dyadline's pages rely on: (entry point name, module). Datasette does not load
# entry points under pytest, so they are loaded here by name (with their distribution, which
# names their static files' URLs).
PLUGINS = (("leaflet", "datasette_leaflet"), ("cluster_map", "datasette_cluster_map"))


def _quiet_rich() -> None:
    """Stop Datasette 0.65.5 printing errors with rich.

    For a path no route matches, Datasette calls ``rich``'s ``print_exception`` outside an
    ``except`` block; rich (any version) raises there, so the 404 becomes a 500. rich is
    installed for spaCy's CLI, so Datasette's handler is told it is absent.
    """
    handler = importlib.import_module("datasette.handle_exception")
    handler.rich = None


def _register_plugins() -> None:
    from datasette.plugins import pm

    from dyadline.serve import plugin

    _quiet_rich()
    for entry_point, module_name in PLUGINS:
        if not pm.is_registered(importlib.import_module(module_name)):
            pm.load_setuptools_entrypoints("datasette", name=entry_point)
    if not pm.is_registered(plugin) and pm.get_plugin("dyadline") is None:
        pm.register(plugin, name="dyadline")


def make_datasette(db_path: str | Path, *, write: bool = False, allowed_hosts: tuple[str, ...] | None = None,
                   **settings: Any):
    """A Datasette instance serving one store, with dyadline's metadata and plugins.

    ``write`` allows reviews (default read-only); ``allowed_hosts`` are the Host header names
    answered (default: the ``allowed_hosts`` setting, localhost and 127.0.0.1).
    """
    from dyadline.settings import Settings

    path = Path(db_path)
    if not path.is_file():
        raise StoreError(Errors.E201.format(path=path, reason="no such file"))
    app = _datasette_module()
    _register_plugins()
    if write:  # reviews need schema version 3; a read-only server leaves the file as it is
        from dyadline.store import Store

        Store(path).close()
    meta = load_metadata(path.stem)
    own = meta.setdefault("plugins", {}).setdefault("dyadline", {})
    own["write"] = bool(write)
    own["allowed_hosts"] = list(allowed_hosts or Settings.load().allowed_hosts)
    return app.Datasette(files=[str(path)], metadata=meta, settings=settings or None)


def make_server(db_path: str | Path, port: int = 8001, *, write: bool = False,
                allowed_hosts: tuple[str, ...] | None = None):
    """A uvicorn server for the store, bound to 127.0.0.1 (not started)."""
    import uvicorn

    ds = make_datasette(db_path, write=write, allowed_hosts=allowed_hosts)
    config = uvicorn.Config(ds.app(), host=HOST, port=int(port), log_level="warning", lifespan="off")
    return uvicorn.Server(config)


def run(db_path: str | Path, port: int = 8001, *, write: bool = False,
        allowed_hosts: tuple[str, ...] | None = None) -> None:
    """Serve the store with Datasette on http://127.0.0.1:PORT until interrupted."""
    log.info("serving %s on http://%s:%d", db_path, HOST, port)
    make_server(db_path, port, write=write, allowed_hosts=allowed_hosts).run()


__all__ = ["HOST", "load_metadata", "make_datasette", "make_server", "run"]
