"""Control characters from the inputs (an escape sequence or a bell pasted into a title) are written out
as ``\\x1b``, ``\\x07`` in the human reports, never sent to the terminal, where they could recolour, clear
or rewrite the report; the terminal report's own colours still work."""
from __future__ import annotations

import pytest

from citecheck.pipeline import check
from citecheck.report import RenderOptions, render

DOC = ("A claim (Roe, 2021).\n\nReferences\n\n"
       "Doe, K. (2020). Evil \x1b[2J\x1b[31mred\x1b[0m title\x07 here\x08\x08\x08\x7f. Press.\n")


@pytest.fixture
def result(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(DOC, encoding="utf-8")
    return check(["essay.md"])


@pytest.mark.parametrize("name, options", [
    ("text", RenderOptions(verbose=True)),
    ("terminal", RenderOptions(verbose=True, color=False)),
    ("markdown", RenderOptions()),
    ("github", RenderOptions()),
])
def test_control_characters_are_written_out(result, name, options):
    out = render(name, result, options)
    assert not set(out) & {"\x1b", "\x07", "\x08", "\x7f"}
    assert "\\x1b" in out and "red" in out and "\\x07" in out


def test_the_terminal_report_keeps_its_own_colours(result):
    out = render("terminal", result, RenderOptions(verbose=True, color=True))
    assert "\x1b[" in out  # rich's colour codes
    assert "\x1b[2J" not in out and "\x07" not in out and "\\x1b[2J" in out
