"""Migration 4: a store written before event clusters gets the cluster tables, and its events are grouped."""

from __future__ import annotations

from sqlite_utils import Database

from dyadline.store import SCHEMA_VERSION, Store
from dyadline.store.schema import MIGRATIONS


def test_store_migration_clusters_from_version_2(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    db["schema_version"].create({"version": int, "name": str, "applied_at": str}, pk="version")
    for m in MIGRATIONS:
        if m.version <= 2:
            m.apply(db)
            db["schema_version"].insert({"version": m.version, "name": m.name, "applied_at": "2025-01-01"})
    db.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.db["event_clusters"].exists() and store.db["event_cluster_members"].exists()
        assert {r[0] for r in store.db.execute("SELECT version FROM schema_version")} == {m.version for m in MIGRATIONS}
