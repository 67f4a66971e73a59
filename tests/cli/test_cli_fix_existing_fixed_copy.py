"""A second `--fix` never loses what the user wrote into the fixed copy of the first: a copy that
differs is kept as a backup (NAME.fixed.EXT.bak, as `--in-place` keeps an input), and the message says
so; the same copy again is left as it is, with no backup."""
from __future__ import annotations

from typer.testing import CliRunner

from citecheck.cli.app import app

ESSAY = ("# Essay\n\nAs argued (Zuagg, 2019), the trade grew.\n\n## References\n\n"
         "Zaugg, J. (2019). China's bride trafficking problem. CNN.\n")


def fix(path) -> str:
    result = CliRunner().invoke(app, ["check", str(path), "--offline", "--fix", "-q"])
    assert result.exit_code in (0, 1), result.output
    return result.stderr


def test_a_hand_edited_fixed_copy_is_kept_as_a_backup(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    fix(essay)
    copy = tmp_path / "essay.fixed.md"
    edited = copy.read_text(encoding="utf-8") + "My own paragraph added to the fixed copy.\n"
    copy.write_text(edited, encoding="utf-8")

    message = fix(essay)

    assert (tmp_path / "essay.fixed.md.bak").read_text(encoding="utf-8") == edited
    assert copy.read_text(encoding="utf-8") == ESSAY.replace("Zuagg", "Zaugg")
    assert "essay.fixed.md.bak" in message and "differed" in message


def test_the_same_fixed_copy_again_makes_no_backup(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    fix(essay)
    message = fix(essay)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["essay.fixed.md", "essay.md"]
    assert "wrote" in message and ".bak" not in message


def test_backups_are_numbered_and_none_is_overwritten(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    copy = tmp_path / "essay.fixed.md"
    for n in range(2):
        copy.write_text(f"edit {n}\n", encoding="utf-8")
        fix(essay)
    assert (tmp_path / "essay.fixed.md.bak").read_text(encoding="utf-8") == "edit 0\n"
    assert (tmp_path / "essay.fixed.md.bak1").read_text(encoding="utf-8") == "edit 1\n"
