"""CAMEO codes: names, Goldstein scores and quad classes (STUB, being written)."""
from __future__ import annotations


def goldstein(code: str | None) -> float | None:
    return None


def quad_class(code: str | None) -> int | None:
    return None
