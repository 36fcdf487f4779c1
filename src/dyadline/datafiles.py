"""Where the shipped word lists, tables and gazetteers live (package data, ``extract/data/``).

Every layer reads its YAML from here, so the folder can stay put while modules move.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "extract" / "data"


def data_path(name: str) -> Path:
    """Path of the shipped data file ``name`` (e.g. ``"cues.yaml"``)."""
    return DATA_DIR / name
