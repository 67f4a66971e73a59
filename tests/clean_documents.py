"""Test helper (``pythonpath = ["tests"]``): a Markdown document checked offline, with every entry read and
nothing wrong (no error or warning finding)."""
from __future__ import annotations

from pathlib import Path

from citecheck.config import Settings
from citecheck.pipeline import check


def checked_clean(folder: Path, monkeypatch, document: str, entries: int):
    """The result of checking ``document`` written to ``folder``/doc.md; the test fails unless it reads as
    ``entries`` references and no finding is an error or a warning."""
    monkeypatch.chdir(folder)
    (folder / "doc.md").write_text(document, encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert len(result.references) == entries
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []
    return result
