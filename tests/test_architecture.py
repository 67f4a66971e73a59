"""The pipeline's shape, enforced: pure stages never import the network or print."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "citecheck"
PURE = ["model", "parse", "reconcile", "fix", "emit", "report"]
NETWORK = {"requests", "waybackpy", "socket", "urllib.request", "http.client", "urllib3", "aiohttp", "httpx"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def pure_files():
    return [p for folder in PURE for p in sorted((SRC / folder).rglob("*.py"))]


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_pure_stages_do_not_touch_the_network(path):
    bad = {m for m in imported_modules(path) if m in NETWORK or m.split(".")[0] in {"requests", "waybackpy", "socket"}}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", sorted((SRC / "model").rglob("*.py")), ids=lambda p: p.name)
def test_model_uses_the_standard_library_only(path):
    third_party = {m.split(".")[0] for m in imported_modules(path)} - set(sys.stdlib_module_names) - {"__future__"}
    assert not third_party, f"{path} imports {third_party}"


@pytest.mark.parametrize("path", [p for p in SRC.rglob("*.py") if "cli" not in p.parts], ids=lambda p: str(p.relative_to(SRC)))
def test_library_code_never_prints(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "print"]
    assert not calls, f"{path} calls print(); log instead, or render through report/"


def test_an_offline_check_imports_neither_requests_nor_rich(tmp_path):
    # cold start: an offline check in a pipe needs no HTTP client and no terminal renderer, the two
    # slowest imports of the command (requests only when links are checked, rich only on a terminal)
    import subprocess

    code = ("import sys\nfrom citecheck.cli.app import main\nsys.argv = ['citecheck', 'check', sys.argv[1], '--offline',"
            " '--no-cache', '--format', 'json']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('requests', 'rich', 'urllib3') if m in sys.modules), file=sys.stderr)\n")
    essay = SRC.parents[1] / "examples" / "eir" / "essay.md"
    done = subprocess.run([sys.executable, "-c", code, str(essay)], capture_output=True, text=True, cwd=tmp_path,
                          env={**__import__("os").environ, "PYTHONPATH": str(SRC.parent)}, timeout=120)
    assert '"references"' in done.stdout  # the report was written
    assert done.stderr.strip().splitlines()[-1] == "[]"
