"""The command line's shared pieces: parameter types, shared options, error handling and output
formatting. The commands themselves live in ``cli.py``."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
import re
import sys

import click

from dyadline.errors import ConfigError, DyadlineError, StoreError

EXIT_BAD_INPUT = 1
EXIT_FAILED = 3
STDIN_FORMATS = ("jsonl", "txt", "html", "rss", "atom")


class IsoDate(click.ParamType):
    """A YYYY-MM-DD date, passed on as the same string."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date like 2025-03-04", param, ctx)


DATE = IsoDate()


class PartialDate(click.ParamType):
    """A YYYY-MM-DD, YYYY-MM or YYYY date (a bound: the store takes the first or last day)."""

    name = "DATE"
    _FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

    def convert(self, value, param, ctx):
        m = self._FORM.match(str(value).strip())
        try:
            if m:
                dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
                return str(value).strip()
        except ValueError:
            pass
        self.fail(f"{value!r} is not a date like 2025-03-04, 2025-03 or 2025", param, ctx)


BOUND = PartialDate()


class RunFailed(click.ClickException):
    """The run itself failed (exit 3): a crash, or a store or settings that cannot be used."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str):
        super().__init__(_printable(message))


class _Group(click.Group):
    """The command group: an unforeseen exception ends the run with one line and exit 3, not a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # "dyadline events | head": the reader has had enough
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None
        except Exception as e:
            if os.environ.get("DYADLINE_DEBUG"):
                raise
            raise RunFailed(f"the run failed: {type(e).__name__}: {e} (set DYADLINE_DEBUG=1 for the traceback)") from None


def _printable(message: str) -> str:
    """``message`` safe for any terminal encoding (lone surrogates from odd file names escaped)."""
    return message.encode("utf-8", "backslashreplace").decode("utf-8")


def user_errors(func):
    """Turn library errors into one-line click errors."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (StoreError, ConfigError) as e:
            raise RunFailed(str(e)) from None
        except DyadlineError as e:
            raise click.ClickException(_printable(str(e))) from None

    return wrapper


def db_option(func):
    """The shared ``--db FILE`` option (default: the ``db`` setting, ``dyadline.db``)."""
    return click.option("--db", type=click.Path(dir_okay=False), default=None,
                        help="SQLite store to use  [default: dyadline.db, or the db setting]")(func)


def published_option(func):
    """The shared ``--published DATE`` option."""
    return click.option("--published", type=DATE, default=None,
                        help="Publication date for documents that carry none (anchors 'last month', 'on Tuesday').")(func)


def reviewed_option(func):
    """The shared ``--reviewed`` flag."""
    return click.option("--reviewed", is_flag=True, default=False,
                        help="Only events an analyst marked right or corrected (corrections applied).")(func)


def min_confidence_option(func):
    """The shared ``--min-confidence P`` option."""
    return click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                        help="Only events whose confidence (the estimated probability that the event is right) "
                             "is at least this.")(func)


def format_option(choices: tuple[str, ...]):
    """The ``--format`` option of the listing commands."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                        help="Output format.")


def stdin_format_option(func):
    """The shared ``--format`` option: what standard input (``-``) holds."""
    return click.option("--format", "stdin_format", type=click.Choice(STDIN_FORMATS), default="jsonl",
                        show_default=True, help="Format of standard input when PATH is '-'.")(func)


def _write_rows(rows: list[dict], fmt: str, columns: tuple[str, ...]) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    else:
        click.echo(format_table(rows, columns=columns))


def format_table(rows: list[dict], *, columns: tuple[str, ...] = (), width: int = 60) -> str:
    """Rows as an aligned text table (the most telling columns; long cells cut to ``width``)."""
    if not rows:
        return "(no rows)"
    cols = [c for c in columns if c in rows[0]] or list(rows[0])
    cells = [[_cell(r.get(c), width) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def _cell(value, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- serve, actors, explain
