"""Every command has --help and is documented in docs/cli.md, whose reference is the live --help.

Regenerate the reference after changing a command: ``make docs``
(runs ``python tests/test_docs_cli.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dyadline.cli import cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
MARKER = "<!-- reference: generated from --help by `make docs`; do not edit below -->"


def commands(cmd: click.Command = cli, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path, the group itself included: (), ("actors",), ("actors", "search"), ..."""
    out = [path]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            out += commands(cmd.commands[name], (*path, name))
    return out


def help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="dyadline", terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output.rstrip()


def render_reference() -> str:
    """The reference part of docs/cli.md: one section per command with its --help."""
    parts = [MARKER, "", "## Reference", ""]
    for path in commands():
        parts += [f"### {' '.join(('dyadline', *path))}", "", "```", help_text(path), "```", ""]
    return "\n".join(parts)


@pytest.mark.parametrize("path", commands(), ids=lambda p: " ".join(p) or "dyadline")
def test_docs_cli_command_has_help_and_section(path):
    text = help_text(path)
    assert text.startswith("Usage: dyadline") and len(text.splitlines()) > 3
    assert f"### {' '.join(('dyadline', *path))}\n" in DOC.read_text(encoding="utf-8")


def test_docs_cli_reference_matches_live_help():
    doc = DOC.read_text(encoding="utf-8")
    assert MARKER in doc, "docs/cli.md lost its reference marker"
    assert doc[doc.index(MARKER):].rstrip() == render_reference().rstrip(), "docs/cli.md is stale: run `make docs`"


def test_docs_cli_every_command_has_a_usage_example():
    doc = DOC.read_text(encoding="utf-8").split(MARKER)[0]
    for path in commands()[1:]:
        if not isinstance(cli.commands.get(path[0]), click.Group) or len(path) > 1:
            assert f"dyadline {' '.join(path)}" in doc, f"no example of `dyadline {' '.join(path)}` in docs/cli.md"


if __name__ == "__main__":
    head = DOC.read_text(encoding="utf-8").split(MARKER)[0] if DOC.exists() else "# Command line\n\n"
    DOC.write_text(head + render_reference().rstrip() + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
