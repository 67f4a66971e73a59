"""Build a copy of citecheck's source with the parser compiled by mypyc, as a wheel has it.

    .venv/bin/python scripts/compile_parser.py /tmp/compiled     # then PYTHONPATH=/tmp/compiled/src

Copies ``src/`` into DEST/src and compiles there the modules pyproject.toml's ``[tool.citecheck-build]
compiled`` lists (what setup.py compiles for ``pip install .``), with the same mypy options, and the
tagger's CRF inference (the C extension ``parse/tagger/_crf.c``, as setup.py builds it). For the
benches (``bench/parse_speed/run.py --compiled``) and the test that a compiled parse reads every
reference as the Python one does (``tests/parse/test_compiled_parser.py``): an editable install, the
tests', is never compiled. Needs mypy (the ``test`` extra) and a C compiler; about a minute on 2 cores.
Exits 1 with mypy's or the compiler's message when the modules do not compile.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compiled_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [f"citecheck/{name}" for name in config["tool"]["citecheck-build"]["compiled"]]


def build(dest: Path) -> Path:
    """DEST/src: the source with the compiled modules' extensions beside them (built in a child
    process, in DEST/src)."""
    src = dest / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    subprocess.run([sys.executable, __file__, "--compile-here"], cwd=src, check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # mypy's errors go to stdout
    return src


def _compile_here() -> None:
    """Compile the listed modules in the working directory, in place, a module a compiler process."""
    from mypyc.build import mypycify
    from setuptools import Extension, setup

    options = ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", ".mypy_cache"]
    modules = mypycify(compiled_modules() + options, opt_level="3", separate=True)
    crf = Extension("citecheck.parse.tagger._crf", ["citecheck/parse/tagger/_crf.c"])  # setup.py's CRF_EXTENSION
    setup(name="citecheck-compiled", ext_modules=[*modules, crf], script_name="setup.py",
          script_args=["build_ext", "--inplace", "--parallel", str(os.cpu_count() or 1)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, nargs="?", help="an empty or missing directory")
    parser.add_argument("--compile-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compile_here:
        _compile_here()
        return 0
    if args.dest is None:
        parser.error("DEST is required")
    if args.dest.exists() and any(args.dest.iterdir()):
        parser.error(f"{args.dest} is not empty")
    try:
        src = build(args.dest)
    except subprocess.CalledProcessError as exc:
        print(exc.stdout[-5000:], file=sys.stderr)
        return 1
    print(src)
    return 0


if __name__ == "__main__":
    sys.exit(main())
