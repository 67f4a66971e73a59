"""Test helper: the TeX tools a test runs, found or the test skipped (failed under CI, which installs them)
(``pythonpath = ["tests"]``)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def tool(name: str, package: str) -> str:
    """The path of the program ``name``; the test is skipped without it, and fails under CI (``.ci/run``
    installs the Debian ``package``)."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run should install the Debian package {package}")
        pytest.skip(f"{name} not installed (Debian package {package})")
    return path


def bibtex_bbl(directory: Path, bib: str, style: str = "plain") -> str:
    """The ``.bbl`` bibtex makes of ``bib`` with ``style``, every entry cited (``\\citation{*}``)."""
    (directory / "refs.bib").write_text(bib, encoding="utf-8")
    (directory / "doc.aux").write_text(f"\\relax\n\\citation{{*}}\n\\bibstyle{{{style}}}\n\\bibdata{{refs}}\n")
    subprocess.run([tool("bibtex", "texlive-binaries"), "doc"], cwd=directory, capture_output=True, text=True, timeout=120)
    return (directory / "doc.bbl").read_text(errors="replace")
