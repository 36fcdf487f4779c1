"""The schema is documented (docs/schema.md) and described to Datasette (serve/metadata.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from dyadline.export import EXPORTERS
from dyadline.store.schema import EVENT_ROW_FIELDS, TABLES

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "schema.md"
METADATA = ROOT / "src" / "dyadline" / "serve" / "metadata.yaml"


def _doc_tables() -> dict[str, set[str]]:
    """Column names listed in each '### table' section of docs/schema.md."""
    tables, current = {}, None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            current = tables.setdefault(line[4:].strip(), set())
        elif current is not None and (m := re.match(r"^\| (\w+) \|", line)) and m[1] != "column":
            current.add(m[1])
    return tables


def test_store_schema_every_column_documented():
    documented = _doc_tables()
    for table, columns in TABLES.items():
        assert set(columns) == documented.get(table), table


def test_store_schema_flat_row_and_exporters_documented():
    text = DOC.read_text(encoding="utf-8")
    assert all(name in text for name in EVENT_ROW_FIELDS)
    assert all(f"| {name} |" in text for name in EXPORTERS)


def test_store_schema_metadata_names_real_columns():
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["dyadline"]["tables"]
    for table, info in meta.items():
        known = set(TABLES.get(table, ()))
        for column in info.get("columns", {}):
            assert column in known, f"{table}.{column}"
        for facet in info.get("facets", []):
            name = facet if isinstance(facet, str) else next(iter(facet.values()))
            assert name in known, f"{table} facet {name}"
    assert set(meta["events"]["columns"]) == set(TABLES["events"])
