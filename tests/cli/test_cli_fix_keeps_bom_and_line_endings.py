"""`--fix` on a Windows-saved document (UTF-8 byte-order mark, CRLF): the fixed copy, and the file
itself with `--in-place`, differ from the input only in the fixed word, byte for byte."""
from __future__ import annotations

import codecs

from typer.testing import CliRunner

from citecheck.cli.app import app

LINES = ["# Essay", "", "As argued (Zuagg, 2019), the trade grew. Café (Lee, 2018).", "",
         "## References", "", "Zaugg, J. (2019). China’s bride trafficking problem. CNN.", "",
         "Lee, B. (2018). Café culture. Publisher.", ""]
WINDOWS = codecs.BOM_UTF8 + "\r\n".join(LINES).encode("utf-8")
EXPECTED = WINDOWS.replace(b"(Zuagg, 2019)", b"(Zaugg, 2019)")


def fix(*args: str):
    result = CliRunner().invoke(app, ["check", *args, "--offline", "--fix", "-q"])
    assert result.exit_code in (0, 1), result.output
    return result


def test_the_fixed_copy_keeps_the_mark_and_the_crlf_endings(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_bytes(WINDOWS)
    result = fix(str(essay))
    assert "wrote" in result.stderr and "(1 edit)" in result.stderr
    assert (tmp_path / "essay.fixed.md").read_bytes() == EXPECTED
    assert essay.read_bytes() == WINDOWS


def test_in_place_keeps_the_mark_and_the_crlf_endings(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_bytes(WINDOWS)
    fix(str(essay), "--in-place")
    assert essay.read_bytes() == EXPECTED
    assert (tmp_path / "essay.md.bak").read_bytes() == WINDOWS
