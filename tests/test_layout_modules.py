"""The package layout: stages in sub-packages, short modules, and no code reading explanation prose."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dyadline"
MAX_LINES = 500


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_layout_modules_short():
    long = {str(p.relative_to(PACKAGE)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_layout_modules_stages_are_subpackages():
    extract = PACKAGE / "extract"
    for stage in ("actors", "places", "time", "speech", "events"):
        assert (extract / stage / "__init__.py").is_file()
    flat = sorted(p.name for p in extract.glob("*.py"))
    assert flat == ["__init__.py", "collect.py", "syntax.py", "wordlists.py"]
    assert (PACKAGE / "codebooks" / "__init__.py").is_file()


def _reads_how(node: ast.AST) -> bool:
    """``x.how == ...``, ``x.how in ...``, ``x.how.startswith(...)``, ``(x.how or "").endswith(...)``."""
    def is_how(n: ast.AST) -> bool:
        if isinstance(n, ast.BoolOp):
            return any(is_how(v) for v in n.values)
        return isinstance(n, ast.Attribute) and n.attr == "how"
    if isinstance(node, ast.Compare):
        return is_how(node.left) or any(is_how(c) for c in node.comparators)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("startswith", "endswith") and is_how(node.func.value)
    return False


def test_layout_modules_no_code_reads_how():
    found = [f"{p.relative_to(PACKAGE)}:{n.lineno}" for p in _modules()
             for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))) if _reads_how(n)]
    assert not found, f"code compares the explanation prose (.how); read the typed tag instead: {found}"


def test_layout_modules_detects_a_how_comparison():
    tree = ast.parse('a.how.startswith("x")\n(b.how or "") == "kb:org"\nc.basis is X')
    assert [_reads_how(n.value) for n in tree.body if isinstance(n, ast.Expr)] == [True, True, False]
