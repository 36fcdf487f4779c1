"""The country table: ISO 3166 alpha-3 codes with the names news uses for each country.

Every country and territory has a canonical ``name`` plus ``aliases`` (official, short
and former names: "DPRK", "Burma"), ``demonyms`` ("North Korean", "Britons") and
``metonyms`` (seats of government standing for it: "the Kremlin", "Downing Street"),
a capital, a representative centre point and its GeoNames id.

The shipped table is ``data/countries.yaml``; user files in the same format extend it
(new iso3 codes) or override it (scalar fields replace, list fields are appended)::

    table = load_countries()
    table.lookup("the U.S.")        # CountryMatch(country=Country(iso3="USA", ...), form="alias")
    table.by_code("XKX").name       # "Kosovo"

Lookups are exact on the whole string after :func:`normalize_name`. When two countries
share a form, the stronger kind wins (name > alias > demonym > metonym); on a tie the
later entry wins, so user files can re-assign a form.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dyadline.datafiles import data_path
from dyadline.errors import ConfigError, Errors
from dyadline.yamlfile import load_yaml

__all__ = ["Country", "CountryMatch", "CountryTable", "load_countries", "normalize_name"]

logger = logging.getLogger(__name__)

DATA_FILE = data_path("countries.yaml")
FORMS = ("name", "alias", "demonym", "metonym")  # strongest first
_LIST_FIELDS = ("aliases", "demonyms", "metonyms")
_SCALAR_FIELDS = ("name", "capital", "lat", "lon", "geonameid")
_KNOWN_FIELDS = frozenset(("iso3",) + _LIST_FIELDS + _SCALAR_FIELDS)
_ISO3 = re.compile(r"^[A-Z]{3}$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-]+")


@dataclass(frozen=True)
class Country:
    """One country or territory and the surface forms that refer to it."""

    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[str, ...] = ()
    lat: float = 0.0
    lon: float = 0.0
    geonameid: int | None = None


@dataclass(frozen=True)
class CountryMatch:
    """A surface form resolved to a country; ``form`` is "name", "alias", "demonym" or "metonym"."""

    country: Country
    form: str


def normalize_name(text: str) -> str:
    """Normalise a country mention for lookup: accents, apostrophes, periods, dashes, case, leading "the"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).replace(".", "").replace("&", " and ")
    text = _DASHES.sub(" ", text)
    text = " ".join(text.casefold().split())
    if text.startswith("the "):
        text = text[4:]
    return text


class CountryTable:
    """All known countries, indexed by code and by normalised surface form."""

    def __init__(self, countries: Iterable[Country]):
        self._by_code: dict[str, Country] = {c.iso3: c for c in countries}
        self._forms: dict[str, CountryMatch] = _index_forms(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Country]:
        return iter(self._by_code.values())

    def by_code(self, iso3: str) -> Country | None:
        """The country with this ISO 3166 alpha-3 code (case-insensitive), or None."""
        return self._by_code.get(iso3.strip().upper())

    def lookup(self, text: str) -> CountryMatch | None:
        """The country a whole mention names ("U.S.", "Britons", "the Kremlin"), or None."""
        return self._forms.get(normalize_name(text))

    def surface_forms(self) -> dict[str, CountryMatch]:
        """Every normalised surface form and what it resolves to (a copy, for phrase matchers)."""
        return dict(self._forms)


def _entry_forms(country: Country) -> Iterator[tuple[str, str]]:
    yield country.name, "name"
    for alias in country.aliases:
        yield alias, "alias"
    for demonym in country.demonyms:
        yield demonym, "demonym"
    for metonym in country.metonyms:
        yield metonym, "metonym"


def _index_forms(countries: Iterable[Country]) -> dict[str, CountryMatch]:
    rank = {form: i for i, form in enumerate(FORMS)}
    index: dict[str, CountryMatch] = {}
    for country in countries:
        for text, form in _entry_forms(country):
            key = normalize_name(text)
            old = index.get(key)
            if not key or _keeps(old, country, rank[form], rank):
                continue
            if old is not None and old.country.iso3 != country.iso3:
                logger.debug("country form %r: %s replaces %s", key, country.iso3, old.country.iso3)
            index[key] = CountryMatch(country, form)
    return index


def _keeps(old: CountryMatch | None, country: Country, new_rank: int, rank: dict[str, int]) -> bool:
    """True when an indexed form should stay: it is stronger, or as strong and the same country."""
    if old is None:
        return False
    return rank[old.form] < new_rank or (rank[old.form] == new_rank and old.country.iso3 == country.iso3)


def load_countries(extra_paths: Iterable[str | Path] = ()) -> CountryTable:
    """The shipped country table, extended or overridden by user YAML files in the same format."""
    if isinstance(extra_paths, (str, Path)):
        extra_paths = (extra_paths,)
    return _load_table(tuple((str(p), _file_stamp(Path(p))) for p in extra_paths))


def _file_stamp(path: Path) -> tuple[int, int] | None:
    """Modification time and size, so an edited user file is read again (None: unreadable)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@functools.cache
def _load_table(extra_files: tuple[tuple[str, tuple[int, int] | None], ...]) -> CountryTable:
    merged: dict[str, Country] = {c.iso3: c for c in _shipped_countries()}
    for path, _stamp in extra_files:
        for entry in _read_entries(Path(path)):
            _merge_entry(merged, entry, path)
    return CountryTable(merged.values())


@functools.cache
def _shipped_countries() -> tuple[Country, ...]:
    merged: dict[str, Country] = {}
    for entry in _read_entries(DATA_FILE):
        _merge_entry(merged, entry, str(DATA_FILE))
    return tuple(merged.values())


def _read_entries(path: Path) -> list[dict[str, Any]]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from e
    if data is None:
        return []
    if not isinstance(data, list):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a list of country entries"))
    return data


def _merge_entry(merged: dict[str, Country], entry: Any, path: str) -> None:
    _check_entry(entry, path)
    iso3 = entry["iso3"]
    old = merged.pop(iso3, None)  # re-inserted last, so its forms win ties with earlier entries
    if old is None and not entry.get("name"):
        raise ConfigError(Errors.E004.format(path=path, entry=iso3, reason="a new country needs a 'name'"))
    fields: dict[str, Any] = {} if old is None else dict(old.__dict__)
    fields["iso3"] = iso3
    for key in _SCALAR_FIELDS:
        if key in entry:
            fields[key] = _scalar(entry, key, path)
    for key in _LIST_FIELDS:
        if key in entry:
            fields[key] = _dedupe(tuple(fields.get(key, ())) + _string_list(entry, key, path))
    merged[iso3] = Country(**fields)


def _check_entry(entry: Any, path: str) -> None:
    if not isinstance(entry, dict):
        raise ConfigError(Errors.E004.format(path=path, entry=entry, reason="an entry must be a mapping"))
    iso3 = entry.get("iso3")
    if not isinstance(iso3, str) or not _ISO3.match(iso3):
        raise ConfigError(Errors.E004.format(
            path=path, entry=entry.get("name", entry), reason=f"'iso3' must be three capital letters, got {iso3!r}"))
    unknown = sorted(set(entry) - _KNOWN_FIELDS)
    if unknown:
        raise ConfigError(Errors.E004.format(
            path=path, entry=iso3, reason=f"unknown field(s) {unknown}; known: {sorted(_KNOWN_FIELDS)}"))


def _scalar(entry: dict[str, Any], key: str, path: str) -> Any:
    value = entry[key]
    try:
        if key in ("lat", "lon"):
            return _coordinate(value, 90.0 if key == "lat" else 180.0)
        if key == "geonameid":
            return None if value is None else _integer(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(Errors.E004.format(path=path, entry=entry["iso3"], reason=f"'{key}': {e}")) from e
    if value is None and key == "capital":
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(Errors.E004.format(
            path=path, entry=entry["iso3"], reason=f"'{key}' must be a non-empty string, got {value!r}"))
    return value.strip()


def _coordinate(value: Any, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a number, got {value!r}")
    if not -limit <= float(value) <= limit:
        raise ValueError(f"{value!r} is outside [-{limit:g}, {limit:g}]")
    return float(value)


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {value!r}")
    return value


def _string_list(entry: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
    value = entry[key]
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(Errors.E004.format(
            path=path, entry=entry["iso3"], reason=f"'{key}' must be a list of non-empty strings, got {value!r}"))
    return tuple(v.strip() for v in value)


def _dedupe(items: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)
