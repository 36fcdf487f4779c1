"""docs/formats.md names every exported column and field; docs/components.md the component's parts."""

from __future__ import annotations

from pathlib import Path

from dyadline import export
from dyadline.nlp.component import REQUIRES, SPAN_GROUPS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_docs_formats_every_column_and_field():
    text = (DOCS / "formats.md").read_text(encoding="utf-8")
    for field in (*export.PLOVER_FIELDS, *export.PLOVER_EXTENSIONS, *export.CAMEO_FIELDS):
        assert field in text, field
    for column in export.GDELT_FIELDS:  # Actor2 columns and actor geography are documented by their pattern
        documented = column.replace("Actor1Geo_", "ActionGeo_").replace("Actor2Geo_", "ActionGeo_")
        assert documented.replace("Actor2", "Actor1") in text, column
    for name in export.EXPORTERS:
        assert f"## {name}" in text or f", {name}" in text, name

def test_docs_components_names_groups_and_requirements():
    text = (DOCS / "components.md").read_text(encoding="utf-8")
    assert 'add_pipe("dyadline")' in text and "dyadline.extractors.v1" in text
    assert all(group in text for group in SPAN_GROUPS.values())
    assert all(req in text for req in REQUIRES)
