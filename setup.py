"""Build citecheck; a wheel (``pip install .``) compiles the free-text parser's modules with mypyc.

The modules named in pyproject.toml's ``[tool.citecheck-build] compiled`` list are the parse of a free-text
reference (features, tagger fields, names, URLs, the rules reader): mypyc turns their type-annotated
Python into C extensions, as black ships itself, about a fifth fewer instructions per reference
(``bench/parse_speed/run.py --compiled``). Beside them, the tagger's CRF inference is a small C
extension of our own (``parse/tagger/_crf.c``, plain C on the CPython API): it gives crfsuite's labels
and marginals without python-crfsuite's conversion of each attribute string; where it is not built the
tagger uses python-crfsuite. The Python source stays the same and stays in the package:

- an editable install (``pip install -e .``, the tests' and a developer's) is never compiled, so an
  edited module is never shadowed by a stale extension;
- ``CITECHECK_COMPILE=0`` builds pure Python;
- a machine that cannot compile (no C compiler or Python headers) gets pure Python with a warning,
  not a failed install: all or nothing, since a module's extension without the library it loads
  would not import.
"""
from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
WHEEL_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}  # not egg_info, dist_info nor editable_wheel


def compiled_modules() -> list[str]:
    """The source files to compile, relative to this directory."""
    config = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))
    return [f"src/citecheck/{name}" for name in config["tool"]["citecheck-build"]["compiled"]]


# the tagger's CRF inference (model.py falls back to python-crfsuite where it is not built)
CRF_EXTENSION = Extension("citecheck.parse.tagger._crf", ["src/citecheck/parse/tagger/_crf.c"])


def extensions() -> list:
    if os.environ.get("CITECHECK_COMPILE", "1") == "0" or not WHEEL_COMMANDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # built without the build requirements (setup.py run by hand)
        print("citecheck: mypyc is not installed; the parser's modules stay Python", file=sys.stderr)
        return [CRF_EXTENSION]
    try:  # mypy's options for this are pyproject.toml's [tool.mypy]
        modules = mypycify(compiled_modules(), opt_level="3", separate=True)
    except (Exception, SystemExit) as exc:  # a type error mypy reports: the wheel is still usable, pure
        print(f"citecheck: mypyc cannot compile the parser ({exc}); its modules stay Python", file=sys.stderr)
        return [CRF_EXTENSION]
    return [*modules, CRF_EXTENSION]


class BuildExt(build_ext):
    """Compiles the extensions in parallel (one per module), and none for an editable install."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        if getattr(self, "editable_mode", False) or self.inplace:
            self.extensions = []  # a developer's tree stays pure Python: no stale extension beside its source
        super().run()

    def build_extensions(self) -> None:
        try:
            super().build_extensions()
        except Exception as exc:  # the compiler's errors (CompileError, LinkError) or a missing compiler
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            print(f"citecheck: the parser did not compile ({exc}); building pure Python", file=sys.stderr)


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildExt})
