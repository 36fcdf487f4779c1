"""Code tables the standard exports need: FIPS 10-4 and ISO alpha-2 by ISO alpha-3, PLOVER quad
codes, CAMEO actor types, and GDELT's location types (package data ``export/data/codes.yaml``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from dyadline.errors import ConfigError, Errors
from dyadline.yamlfile import load_yaml

CODES = Path(__file__).resolve().parent / "data" / "codes.yaml"

# GDELT's *Geo_Type values.
GEO_NONE, GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = range(6)


@dataclass(frozen=True)
class Country:
    """One country's codes: ISO 3166-1 alpha-3 and alpha-2, FIPS 10-4 (None when it has none)."""

    iso3: str
    iso2: str
    fips: str | None
    name: str


@functools.cache
def _codes() -> dict:
    try:
        return load_yaml(CODES.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=CODES, reason=e)) from e


@functools.cache
def countries() -> dict[str, Country]:
    """Every country of the table, by ISO alpha-3."""
    return {iso3: Country(iso3, c["iso2"], c["fips"], c["name"]) for iso3, c in _codes()["countries"].items()}


def country(iso3: str | None) -> Country | None:
    """The codes of ``iso3`` (None for IGO/NGO/IMG/MNC, unknown codes and None)."""
    return countries().get(iso3) if iso3 else None


def fips(iso3: str | None) -> str | None:
    """The FIPS 10-4 code GDELT uses for the country ``iso3`` ("RUS" -> "RS")."""
    c = country(iso3)
    return c.fips if c else None


def plover_quad(event_type: str | None) -> int | None:
    """The PLOVER quad category (1-4) of an event type."""
    return _codes()["plover_quad"].get(event_type) if event_type else None


def is_type_country(code: str | None) -> bool:
    """Whether an actor "country" is a CAMEO actor type (IGO, NGO, IMG, MNC), not a country."""
    return code in _codes()["cameo_type_countries"]


def cameo_type(sector: str | None) -> str | None:
    """The CAMEO actor-type code written for a PLOVER sector (most are the same code)."""
    if not sector:
        return None
    return _codes()["cameo_types"].get(sector, sector)
