"""The actor knowledge base: people with dated roles and organisations, read from YAML.

The shipped file is ``data/actors.yaml``; users pass more files of the same format
(``Settings.actor_files``). A user entry whose name equals a shipped entry's name
replaces it; other entries are added. Format::

    version: 1
    people:
      - name: Vladimir Putin
        aliases: [Wladimir Putin]      # other full forms
        short: [Putin]                 # forms used once the person is known (surnames)
        gender: m                      # optional: m / f, used by pronoun coreference
        roles:                         # [country, sector, title, start, end]; end null = current
          - [RUS, GOV, president, 2012-05-07, null]
    organisations:
      - name: Hamas
        aliases: [Islamic Resistance Movement]
        country: PSE                   # ISO3, or IGO / NGO / IMG / MNC
        sector: REB                    # PLOVER sector or null
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from dyadline.codebooks.plover import NON_STATE_CODES, SECTORS
from dyadline.errors import ConfigError, Errors
from dyadline.yamlfile import load_yaml

log = logging.getLogger(__name__)

SHIPPED = ("actors.yaml",)


@dataclass(frozen=True)
class Role:
    """A position held between two dates (inclusive; None = open)."""

    country: str | None
    sector: str | None
    title: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, date: dt.date) -> bool:
        """True when the role is held on ``date``."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Entry:
    """A person or organisation of the knowledge base."""

    name: str
    kind: str  # "person" | "org"
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] | None = None  # None: the last word of a person's name
    roles: tuple[Role, ...] = ()
    gender: str | None = None

    def role_at(self, date: dt.date | None) -> Role | None:
        """The role held on ``date`` (latest-starting if several); a former role gives ELI; no date: latest."""
        if not self.roles:
            return None
        latest = max(self.roles, key=_role_order)
        if date is None:
            return latest
        held = [r for r in self.roles if r.holds(date)]
        if held:
            return max(held, key=_role_order)
        past = [r for r in self.roles if r.end is not None and r.end < date]
        if past:
            last = max(past, key=lambda r: r.end)
            return Role(last.country, "ELI", f"former {last.title}", last.start, last.end)
        return min(self.roles, key=_role_order)  # before any known role: the first one

    def forms(self) -> tuple[str, ...]:
        """The full forms the entry is matched by."""
        return (self.name, *self.aliases)


def _role_order(r: Role) -> tuple:
    return (r.start or dt.date.min, r.end or dt.date.max)


@dataclass(frozen=True)
class KnowledgeBase:
    """All entries, in file order, with later files overriding earlier ones by name."""

    entries: tuple[Entry, ...]
    version: str = "unknown"  # the shipped file's ``version``

    def by_kind(self, kind: str) -> tuple[Entry, ...]:
        """The entries of one kind ("person" or "org")."""
        return tuple(e for e in self.entries if e.kind == kind)


def parse_date(value, path: str, entry: str) -> dt.date | None:
    """A YAML date (date, YYYY, YYYY-MM or YYYY-MM-DD) as a date; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(Errors.E004.format(path=path, entry=entry, reason=f"bad date {value!r}")) from None


def _check_codes(country, sector, path: str, entry: str) -> None:
    if country is not None and not (isinstance(country, str) and (len(country) == 3 and country.isupper())):
        raise ConfigError(Errors.E004.format(path=path, entry=entry, reason=f"country must be ISO3 or one of "
                                             f"{', '.join(NON_STATE_CODES)}, got {country!r}"))
    if sector is not None and sector not in SECTORS:
        raise ConfigError(Errors.E004.format(path=path, entry=entry, reason=f"unknown sector {sector!r}"))


def _role(raw, path: str, name: str) -> Role:
    if isinstance(raw, dict):
        raw = [raw.get("country"), raw.get("sector"), raw.get("title", ""), raw.get("start"), raw.get("end")]
    if not isinstance(raw, list) or not 3 <= len(raw) <= 5:
        raise ConfigError(Errors.E004.format(path=path, entry=name,
                                             reason="a role is [country, sector, title, start, end]"))
    country, sector, title, *dates = raw + [None] * (5 - len(raw))
    _check_codes(country, sector, path, name)
    return Role(country, sector, str(title or ""), parse_date(dates[0], path, name), parse_date(dates[1], path, name))


def _strings(value, path: str, name: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise ConfigError(Errors.E004.format(path=path, entry=name, reason=f"'{key}' must be a list of strings"))
    return tuple(str(v) for v in value)


def _entry(raw, kind: str, path: str) -> Entry:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise ConfigError(Errors.E004.format(path=path, entry=raw, reason="an entry needs a non-empty 'name'"))
    name = raw["name"].strip()
    roles = tuple(_role(r, path, name) for r in raw.get("roles") or ())
    country, sector = raw.get("country"), raw.get("sector")
    _check_codes(country, sector, path, name)
    return Entry(name=name, kind=kind, country=country, sector=sector,
                 aliases=_strings(raw.get("aliases"), path, name, "aliases"),
                 short=None if raw.get("short") is None else _strings(raw["short"], path, name, "short"), roles=roles, gender=raw.get("gender"))


def read_file(path: str | Path, text: str | None = None) -> tuple[Entry, ...]:
    """Parse one knowledge-base YAML file (``text`` given: parse that instead of reading)."""
    try:
        data = load_yaml(text if text is not None else Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from None
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=path, reason="expected a mapping with 'people' and/or "
                                                               "'organisations'"))
    people = [_entry(r, "person", str(path)) for r in data.get("people") or ()]
    orgs = [_entry(r, "org", str(path)) for r in (data.get("organisations") or data.get("organizations") or ())]
    return tuple(people + orgs)


def _shipped_text(name: str) -> str:
    return resources.files("dyadline.extract").joinpath("data", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def load_kb(extra_paths: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base extended and overridden (by entry name) by ``extra_paths``."""
    merged: dict[str, Entry] = {}
    version = "unknown"
    for name in SHIPPED:
        text = _shipped_text(name)
        version = str((load_yaml(text) or {}).get("version", version))
        for e in read_file(f"<dyadline>/{name}", text):
            merged[e.name.casefold()] = e
    for path in extra_paths:
        for e in read_file(path):
            merged[e.name.casefold()] = e
    log.debug("actor knowledge base: %d entries", len(merged))
    return KnowledgeBase(entries=tuple(merged.values()), version=version)
