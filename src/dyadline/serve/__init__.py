"""Datasette on a dyadline store, with descriptions, facets, canned queries and evidence pages.

``make_datasette(path)`` builds the app (metadata from ``serve/metadata.yaml``, the plugin in
``serve/plugin.py``); ``run(path, port)`` serves it on 127.0.0.1 only. Datasette is an
optional extra: without it these raise ConfigError naming ``pip install 'dyadline[serve]'``.
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


def _register_plugin() -> None:
    from datasette.plugins import pm

    from dyadline.serve import plugin

    if not pm.is_registered(plugin) and pm.get_plugin("dyadline") is None:
        pm.register(plugin, name="dyadline")


def make_datasette(db_path: str | Path, **settings: Any):
    """A Datasette instance serving one store, with dyadline's metadata and plugin."""
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(Errors.E201.format(path=path, reason="no such file"))
    app = _datasette_module()
    _register_plugin()
    return app.Datasette(files=[str(path)], metadata=load_metadata(path.stem), settings=settings or None)


def make_server(db_path: str | Path, port: int = 8001):
    """A uvicorn server for the store, bound to 127.0.0.1 (not started)."""
    import uvicorn

    ds = make_datasette(db_path)
    config = uvicorn.Config(ds.app(), host=HOST, port=int(port), log_level="warning", lifespan="off")
    return uvicorn.Server(config)


def run(db_path: str | Path, port: int = 8001) -> None:
    """Serve the store with Datasette on http://127.0.0.1:PORT until interrupted."""
    log.info("serving %s on http://%s:%d", db_path, HOST, port)
    make_server(db_path, port).run()


__all__ = ["HOST", "load_metadata", "make_datasette", "make_server", "run"]
