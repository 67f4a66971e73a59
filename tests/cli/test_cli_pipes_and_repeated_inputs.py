"""Inputs read once: a pipe (``citecheck check <(cmd) --format sarif``) is not read a second time for the
report or the fixes (where it would be found empty), and a file given twice is counted once."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app

DOC = "Sleep matters (Walker, 2017).\n\nReferences\n\nWalker, M. (2017). Why we sleep. Scribner.\n"


def run(*args, input=None):
    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def pipe():
    """A path to a pipe holding DOC, as the shell's ``<(cat essay.md)`` gives (/dev/fd/N)."""
    if not os.path.isdir("/dev/fd"):
        pytest.skip("no /dev/fd")
    read_end, write_end = os.pipe()
    os.write(write_end, DOC.encode())
    os.close(write_end)
    yield f"/dev/fd/{read_end}"
    os.close(read_end)


def test_a_pipe_gives_a_sarif_report(pipe):
    result = run("check", pipe, "--offline", "--format", "sarif")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["version"] == "2.1.0"


def test_a_pipe_is_not_fixed_but_said_so(pipe):
    result = run("check", pipe, "--offline", "--fix")
    assert result.exit_code == 0, result.stderr
    assert "1 reference" in result.stdout
    assert "cannot be fixed" in result.stderr


def test_a_file_given_twice_is_counted_once(tmp_path, monkeypatch, caplog):
    (tmp_path / "essay.md").write_text(DOC, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "essay.md", "./essay.md", "--offline", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["references"]) == 1
    assert "./essay.md: the same file as essay.md, given before; read once" in caplog.text


def test_standard_input_given_twice_is_read_once():
    result = run("check", "-", "-", "--offline", "--format", "json", input=DOC)
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["references"]) == 1
