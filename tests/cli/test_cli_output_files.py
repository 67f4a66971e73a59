"""The files the user names for output (`--bib-out`, `--csl-out`, `convert -o`): a file already there
that differs is kept as NAME.bak, never lost; a folder, a missing or unwritable folder and '-' for the
report's own standard output are one-line usage errors (exit 2), never a traceback; a new file gets
the usual permissions."""
from __future__ import annotations

import os
import stat
import shutil
import tempfile

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app

DOC = "Sleep matters (Walker, 2017).\n\nReferences\n\nWalker, M. (2017). Why we sleep. Scribner.\n"
HAND = "% my own notes, written by hand\n@misc{mine, title = {Mine}}\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Run where the default cache folder is the test's own (the record of the outputs written lives there)."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "essay.md"
    path.write_text(DOC, encoding="utf-8")
    return path


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


def test_bib_out_over_a_hand_written_file_keeps_it_as_a_backup(doc, tmp_path):
    out = tmp_path / "refs.bib"
    out.write_text(HAND, encoding="utf-8")
    result = run("check", doc, "--bib-out", out)
    assert result.exit_code == 0
    assert "@book{walkerSleep2017" in out.read_text(encoding="utf-8")
    assert (tmp_path / "refs.bib.bak").read_text(encoding="utf-8") == HAND
    assert "refs.bib.bak" in result.stderr and "differed" in result.stderr
    again = run("check", doc, "--bib-out", out)  # the same output again: nothing of the user's to keep
    assert again.exit_code == 0 and ".bak" not in again.stderr
    assert not (tmp_path / "refs.bib.bak1").exists()


def test_csl_out_and_convert_output_keep_a_different_file_too(doc, tmp_path):
    csl = tmp_path / "refs.json"
    csl.write_text("[]\n", encoding="utf-8")
    assert run("check", doc, "--csl-out", csl).exit_code == 0
    assert (tmp_path / "refs.json.bak").read_text(encoding="utf-8") == "[]\n"
    ris = tmp_path / "refs.ris"
    ris.write_text("TY  - GEN\nTI  - mine\nER  - \n", encoding="utf-8")
    result = run("convert", doc, "-o", ris)
    assert result.exit_code == 0 and "refs.ris.bak" in result.stderr
    assert "TI  - mine" in (tmp_path / "refs.ris.bak").read_text(encoding="utf-8")


def test_a_folder_as_output_is_a_usage_error(doc, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    for args in (("check", doc, "--bib-out", folder), ("convert", doc, "-o", folder)):
        result = run(*args)
        assert result.exit_code == 2, result.stderr
        assert "is a folder" in result.stderr and "internal error" not in result.stderr


def test_a_missing_folder_is_refused_before_the_report(doc, tmp_path):
    result = run("check", doc, "--bib-out", tmp_path / "nowhere" / "refs.bib")
    assert result.exit_code == 2
    assert "nowhere does not exist" in result.stderr
    assert result.stdout == ""  # refused before any work, not after printing the report


def test_an_output_that_cannot_be_written_is_one_line(doc, tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)  # a read-only folder (root could write anyway)
    result = run("convert", doc, "-o", tmp_path / "refs.bib")
    assert result.exit_code == 2
    assert "refs.bib: cannot be written (Permission denied)" in result.stderr
    assert "internal error" not in result.stderr


def test_a_new_output_file_gets_the_usual_permissions(doc, tmp_path):
    old = os.umask(0o022)
    try:
        assert run("convert", doc, "-o", tmp_path / "refs.bib").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "refs.bib").stat().st_mode) == 0o644  # not mkstemp's private 0600


def test_dash_is_standard_output_for_convert_and_refused_for_bib_out(doc, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("convert", doc, "-o", "-")
    assert result.exit_code == 0 and "@book{walkerSleep2017" in result.stdout
    assert not (tmp_path / "-").exists()
    refused = run("check", doc, "--bib-out", "-")
    assert refused.exit_code == 2 and "standard output" in refused.stderr
    assert not (tmp_path / "-").exists()


def test_an_output_citecheck_wrote_and_nobody_changed_is_replaced_without_a_backup(doc, tmp_path):
    """A scheduled `check --bib-out refs.bib` rewrites its own file when the list changes, leaving no
    refs.bib.bak each time; a file edited by hand since is the user's again, and kept."""
    out, cache = tmp_path / "refs.bib", tmp_path / "state"
    assert run("check", doc, "--bib-out", out, "--cache-dir", cache).exit_code == 0
    doc.write_text(DOC.replace("Scribner", "Penguin"), encoding="utf-8")
    result = run("check", doc, "--bib-out", out, "--cache-dir", cache)
    assert result.exit_code == 0 and "Penguin" in out.read_text(encoding="utf-8")
    assert ".bak" not in result.stderr and not (tmp_path / "refs.bib.bak").exists()
    edited = out.read_text(encoding="utf-8") + "% a note of mine\n"
    out.write_text(edited, encoding="utf-8")
    doc.write_text(DOC, encoding="utf-8")
    result = run("check", doc, "--bib-out", out, "--cache-dir", cache)
    assert "refs.bib.bak" in result.stderr and (tmp_path / "refs.bib.bak").read_text(encoding="utf-8") == edited


def test_without_a_cache_folder_every_differing_output_is_kept(doc, tmp_path):
    out = tmp_path / "refs.bib"
    assert run("check", doc, "--bib-out", out, "--no-cache").exit_code == 0
    doc.write_text(DOC.replace("Scribner", "Penguin"), encoding="utf-8")
    result = run("check", doc, "--bib-out", out, "--no-cache")
    assert result.exit_code == 0 and "Scribner" in (tmp_path / "refs.bib.bak").read_text(encoding="utf-8")


def test_a_named_pipe_or_device_as_output_is_written_into_never_replaced(doc, tmp_path):
    """`convert -o /dev/null` run as root renamed a plain file over /dev/null (the next run kept that as
    /dev/null.bak): a path that is no regular file is written into, with no backup (session 16, user). A
    named pipe stands in for the device here."""
    fifo = tmp_path / "pipe.bib"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, so the writer does not block
    try:
        for args in (("convert", doc, "--to", "bibtex", "-o", fifo), ("check", doc, "--bib-out", fifo)):
            result = run(*args)
            assert result.exit_code == 0, result.output
            assert stat.S_ISFIFO(os.stat(fifo).st_mode)
            assert "@book{walkerSleep2017" in os.read(reader, 1 << 16).decode("utf-8")
            assert ".bak" not in result.stderr and not list(tmp_path.glob("pipe.bib.*"))
    finally:
        os.close(reader)


def test_a_symbolic_link_as_output_keeps_the_link_and_writes_its_target(doc, tmp_path):
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "refs.bib"
    target.write_text(HAND, encoding="utf-8")
    link = tmp_path / "refs.bib"
    link.symlink_to(target)
    result = run("convert", doc, "--to", "bibtex", "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "@book{walkerSleep2017" in target.read_text(encoding="utf-8")
    assert (tmp_path / "shared" / "refs.bib.bak").read_text(encoding="utf-8") == HAND


def test_dev_stdout_redirected_to_a_file_follows_the_report(doc, tmp_path):
    """`check --bib-out /dev/stdout > out.txt`: /dev/stdout links to out.txt, which was backed up and replaced
    (the report in out.txt.bak); it is written into after the report, as a shell's >> would."""
    import subprocess
    import sys

    out = tmp_path / "out.txt"
    with open(out, "w", encoding="utf-8") as handle:
        done = subprocess.run([sys.executable, "-c", "from citecheck.cli.app import app; app()", "check", str(doc), "--bib-out", "/dev/stdout"],
                              stdout=handle, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("citecheck: ") and "@book{walkerSleep2017" in text
    assert not list(tmp_path.glob("out.txt.*"))


@pytest.mark.skipif(not os.path.isdir("/dev/shm"), reason="no /dev/shm")
def test_a_regular_file_under_dev_shm_is_replaced_as_any_file(doc):
    """Only a link through /dev or /proc (/dev/stdout) is appended to: a file in /dev/shm, a tmpfs, is a file."""
    folder = tempfile.mkdtemp(dir="/dev/shm")
    try:
        out = os.path.join(folder, "refs.bib")
        for _ in range(2):
            assert run("convert", doc, "--to", "bibtex", "-o", out).exit_code == 0
        with open(out, encoding="utf-8") as handle:
            assert handle.read().count("@book{walkerSleep2017") == 1
    finally:
        shutil.rmtree(folder)
