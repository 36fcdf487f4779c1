"""CAMEO codes: names, Goldstein scores, quad classes and the PLOVER 2.0 crosswalk.

The table ships as package data (``data/cameo.yaml``) and is read once. Lookups fall
back from a 4-digit sub-code to its 3-digit base code and then to its 2-digit root,
so an unlisted sub-code still gets the score and class of its family::

    goldstein("0874")   # 10.0  withdraw or surrender militarily
    quad_class("1952")  # 4     material conflict
    plover_of("173")    # PloverClass(type='COERCE', mode='arrest')
    cameo_for("ASSAULT", "drone")  # '1952'
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from dyadline.codebooks.plover import PLOVER_TYPES
from dyadline.datafiles import data_path
from dyadline.errors import ConfigError, Errors
from dyadline.yamlfile import load_yaml

logger = logging.getLogger(__name__)

DEFAULT_PATH = data_path("cameo.yaml")

# Quad classes, from the two-digit root code.
VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT = 1, 2, 3, 4
_QUAD_BY_ROOT = {f"{root:02d}": quad for quad, roots in (
    (VERBAL_COOPERATION, range(1, 6)), (MATERIAL_COOPERATION, range(6, 9)),
    (VERBAL_CONFLICT, range(9, 15)), (MATERIAL_CONFLICT, range(15, 21))) for root in roots}


@dataclass(frozen=True)
class PloverClass:
    """A PLOVER 2.0 event type and, when known, its mode."""

    type: str
    mode: str | None = None


@dataclass(frozen=True)
class CameoCode:
    """One row of the CAMEO table."""

    code: str
    name: str
    goldstein: float
    plover: PloverClass | None

    @property
    def quad(self) -> int:
        """The quad class (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict)."""
        return _QUAD_BY_ROOT[self.code[:2]]

    @property
    def root(self) -> str:
        """The two-digit root code."""
        return self.code[:2]


@dataclass(frozen=True)
class PloverEntry:
    """The CAMEO codes standing for one PLOVER type: a default and one per mode."""

    type: str
    default: str
    modes: Mapping[str, str]


@dataclass(frozen=True)
class CameoTable:
    """The loaded table: codes by code string, and the representative code of each PLOVER type."""

    codes: Mapping[str, CameoCode]
    plover: Mapping[str, PloverEntry]

    def lookup(self, code: str | None) -> CameoCode | None:
        """The entry for ``code``, falling back from 4 to 3 to 2 digits; None if unknown."""
        if code is None:
            return None
        code = str(code).strip()
        if not code.isdigit() or not 2 <= len(code) <= 4:
            return None
        for width in range(len(code), 1, -1):
            entry = self.codes.get(code[:width])
            if entry is not None:
                return entry
        return None

    def code_for(self, plover_type: str, mode: str | None = None) -> str:
        """The most representative CAMEO code for a PLOVER type and (optional) mode."""
        entry = self.plover.get(plover_type)
        if entry is None:
            raise ValueError(f"Unknown PLOVER type {plover_type!r}; expected one of {', '.join(self.plover)}")
        if mode is None:
            return entry.default
        if mode not in entry.modes:
            logger.debug("PLOVER %s has no mode %r; using the type's default code", plover_type, mode)
            return entry.default
        return entry.modes[mode]


# ------------------------------------------------------------------ loading


def load_table(path: Path | str) -> CameoTable:
    """Read and check a CAMEO table YAML file (raises ConfigError naming the file)."""
    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from e
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a mapping with a 'codes' list"))
    codes: dict[str, CameoCode] = {}
    for raw in data["codes"]:
        row = _parse_code(raw, path)
        if row.code in codes:
            raise ConfigError(Errors.E004.format(path=path, entry=raw, reason="duplicate code"))
        codes[row.code] = row
    plover = {name: _parse_plover(name, raw, path, codes)
              for name, raw in (data.get("plover_types") or {}).items()}
    missing = [t for t in PLOVER_TYPES if t not in plover]
    if missing:
        raise ConfigError(Errors.E003.format(path=path, reason=f"plover_types lacks {', '.join(missing)}"))
    return CameoTable(codes=MappingProxyType(codes), plover=MappingProxyType(plover))


def _parse_code(raw: object, path: Path) -> CameoCode:
    def bad(reason: str) -> ConfigError:
        return ConfigError(Errors.E004.format(path=path, entry=raw, reason=reason))

    if not isinstance(raw, dict):
        raise bad("expected a mapping with code, name, goldstein, plover, plover_mode")
    code, name, score = raw.get("code"), raw.get("name"), raw.get("goldstein")
    if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4 or code[:2] not in _QUAD_BY_ROOT:
        raise bad("'code' must be a quoted string of 2-4 digits with a root from 01 to 20")
    if not isinstance(name, str) or not name:
        raise bad("'name' must be a non-empty string")
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not -10 <= score <= 10:
        raise bad("'goldstein' must be a number from -10 to 10")
    ptype, mode = raw.get("plover"), raw.get("plover_mode")
    if ptype is not None and ptype not in PLOVER_TYPES:
        raise bad(f"'plover' must be null or one of {', '.join(PLOVER_TYPES)}")
    if ptype is None and mode is not None:
        raise bad("'plover_mode' needs a 'plover' type")
    plover = PloverClass(ptype, mode) if ptype else None
    return CameoCode(code=code, name=name, goldstein=float(score), plover=plover)


def _parse_plover(name: str, raw: object, path: Path, codes: Mapping[str, CameoCode]) -> PloverEntry:
    def bad(reason: str) -> ConfigError:
        return ConfigError(Errors.E004.format(path=path, entry={name: raw}, reason=reason))

    if name not in PLOVER_TYPES:
        raise bad("not a PLOVER type")
    if not isinstance(raw, dict) or not isinstance(raw.get("modes") or {}, dict):
        raise bad("expected a mapping with 'default' and 'modes'")
    modes = dict(raw.get("modes") or {})
    for code in [raw.get("default"), *modes.values()]:
        row = codes.get(code) if isinstance(code, str) else None
        if row is None or row.plover is None or row.plover.type != name:
            raise bad(f"code {code!r} is not a listed CAMEO code of type {name}")
    return PloverEntry(type=name, default=raw["default"], modes=MappingProxyType(modes))


@functools.lru_cache(maxsize=1)
def default_table() -> CameoTable:
    """The table shipped with dyadline (loaded once)."""
    return load_table(DEFAULT_PATH)


# ------------------------------------------------------------------ lookups


def cameo_entry(code: str | None) -> CameoCode | None:
    """The table row for a CAMEO code (4 → 3 → 2 digit fallback), or None."""
    return default_table().lookup(code)


def goldstein(code: str | None) -> float | None:
    """The Goldstein score of a CAMEO code, or None for None/unknown codes."""
    entry = cameo_entry(code)
    return None if entry is None else entry.goldstein


def quad_class(code: str | None) -> int | None:
    """The quad class (1-4) of a CAMEO code, or None for None/unknown codes."""
    entry = cameo_entry(code)
    return None if entry is None else entry.quad


def cameo_name(code: str | None) -> str | None:
    """The short label of a CAMEO code, or None for None/unknown codes."""
    entry = cameo_entry(code)
    return None if entry is None else entry.name


def plover_of(code: str | None) -> PloverClass | None:
    """The PLOVER type and mode of a CAMEO code; None when unknown or PLOVER has no counterpart."""
    entry = cameo_entry(code)
    return None if entry is None else entry.plover


def cameo_for(plover_type: str, mode: str | None = None) -> str:
    """The most representative CAMEO code for a PLOVER type and mode (unknown modes use the type's code)."""
    return default_table().code_for(plover_type, mode)


def plover_modes(plover_type: str) -> tuple[str, ...]:
    """The PLOVER 2.0 modes of a type known to the table (empty for unknown types)."""
    entry = default_table().plover.get(plover_type)
    return () if entry is None else tuple(entry.modes)
