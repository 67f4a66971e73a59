"""The history stage is pure: no network, no files, no database, no clock (``now`` is passed in)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

HISTORY = Path(__file__).resolve().parents[2] / "src" / "citecheck" / "history"
FORBIDDEN = {"requests", "socket", "sqlite3", "urllib", "http", "time", "os", "pathlib", "random"}
CLOCK_CALLS = {"now", "utcnow", "today", "time", "monotonic"}


@pytest.mark.parametrize("path", sorted(HISTORY.glob("*.py")), ids=lambda p: p.name)
def test_history_modules_are_pure(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 2:
            assert node.module == "model", f"{path.name} imports ..{node.module}: only the model is allowed"
    assert not imported & FORBIDDEN, f"{path.name} imports {imported & FORBIDDEN}"
    calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
    assert not calls & CLOCK_CALLS, f"{path.name} reads the clock: {calls & CLOCK_CALLS}"
