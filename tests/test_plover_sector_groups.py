"""Sector groups are defined once, in ``codebooks/plover.py``, and every rule reads that definition."""

from __future__ import annotations

import ast
from pathlib import Path

from dyadline.codebooks import plover

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dyadline"
GROUPS = ("STATE_SECTORS", "DOMESTIC_SECTORS", "HOME_SECTORS", "TITLED_SECTORS", "GROUP_SECTORS", "ARMED_STATE",
          "ARMED_GROUPS", "ARMED_NOUNS", "ARMED_ORGS", "ARMED_PEOPLES", "PERSON_SECTORS")


def test_plover_sector_groups_hold_plover_sectors():
    for name in GROUPS:
        group = getattr(plover, name)
        assert isinstance(group, frozenset), name
        assert group <= set(plover.SECTORS), name


def test_plover_sector_groups_defined_once():
    """No module outside the codebook assigns a set of sector codes to a name."""
    codes = set(plover.SECTORS)
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "plover.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Set, ast.Call)):
                strings = {n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant)
                           and isinstance(n.value, str)}
                if len(strings) >= 2 and strings <= codes:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, f"sector sets defined outside codebooks/plover.py: {found}"
