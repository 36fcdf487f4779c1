"""The words of time expressions (months, weekdays, numbers, holidays), read once from YAML."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from dyadline.datafiles import data_path
from dyadline.errors import ConfigError, Errors
from dyadline.extract.time import calendar as cal
from dyadline.yamlfile import load_yaml

DEFAULT_PATH = data_path("timex.yaml")
SECTIONS = ("months", "weekdays", "seasons", "units", "numbers", "ordinals", "holidays")


@dataclass(frozen=True)
class Lexicon:
    """Lower-case word → meaning tables for the time-expression finder."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    units: dict[str, str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    holidays: dict[str, dict]

    def holiday(self, name: str, year_no: int) -> dt.date | None:
        """The date of the named day ``name`` in ``year_no`` (None for an impossible date)."""
        rule = self.holidays[name]
        if "date" in rule:
            m, d = rule["date"]
            return dt.date(year_no, m, d)
        if "nth" in rule:
            n, weekday, m = rule["nth"]
            return cal.nth_weekday(year_no, m, weekday, n)
        if "easter" in rule:
            return cal.easter(year_no) + dt.timedelta(days=rule["easter"])
        base, days = rule["after"]
        return self.holiday(base, year_no) + dt.timedelta(days=days)


def _invert(path: Path, table: dict, section: str) -> dict:
    if not isinstance(table, dict):
        raise ConfigError(Errors.E004.format(path=path, entry=section, reason="expected a mapping"))
    out = {}
    for key, words in table.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(Errors.E004.format(path=path, entry=key, reason="expected a list of words"))
        for w in words:
            out[w.lower()] = key
    return out


def _check_holidays(path: Path, table: dict) -> dict:
    for name, rule in table.items():
        if not isinstance(rule, dict) or len(rule) != 1 or next(iter(rule)) not in ("date", "nth", "easter", "after"):
            raise ConfigError(Errors.E004.format(path=path, entry=name,
                                                 reason="needs exactly one of date, nth, easter, after"))
    return {str(k).lower(): v for k, v in table.items()}


def parse_lexicon(data: dict, path: Path) -> Lexicon:
    """Build a Lexicon from the parsed YAML ``data`` of ``path`` (raises ConfigError on bad entries)."""
    if not isinstance(data, dict):
        raise ConfigError(Errors.E003.format(path=path, reason="the top level must be a mapping"))
    missing = [s for s in SECTIONS if s not in data]
    if missing:
        raise ConfigError(Errors.E003.format(path=path, reason=f"missing sections: {', '.join(missing)}"))
    for section in ("numbers", "ordinals"):
        bad = [k for k, v in data[section].items() if not isinstance(v, int)]
        if bad:
            raise ConfigError(Errors.E004.format(path=path, entry=bad[0], reason=f"{section} need integer values"))
    return Lexicon(
        months={w: int(k) for w, k in _invert(path, data["months"], "months").items()},
        weekdays={w: int(k) for w, k in _invert(path, data["weekdays"], "weekdays").items()},
        seasons=_invert(path, data["seasons"], "seasons"),
        units=_invert(path, data["units"], "units"),
        numbers={str(k).lower(): v for k, v in data["numbers"].items()},
        ordinals={str(k).lower(): v for k, v in data["ordinals"].items()},
        holidays=_check_holidays(path, data["holidays"]),
    )


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read (once per process) the time lexicon at ``path``, or the one shipped with dyadline."""
    path = Path(path) if path else DEFAULT_PATH
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(Errors.E003.format(path=path, reason=e)) from e
    return parse_lexicon(data, path)
