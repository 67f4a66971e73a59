"""A wheel's parser is compiled by mypyc (setup.py; pyproject.toml's ``[tool.citecheck-build] compiled``),
while the tests run the Python source (an editable install is never compiled). This test builds the
compiled copy (``scripts/compile_parser.py``) and checks that it reads every labelled reference, and
the bundled example, exactly as the Python source does: a type annotation that lies, which Python
ignores and compiled code enforces, or a construct mypyc gives other semantics, shows here. The
compiled copy tags with the CRF inference in C (``parse/tagger/_crf.c``), the Python source with
python-crfsuite: every label and every confidence (a marginal) of every reference must be the same.

It also keeps the compiled modules compilable: mypyc refuses a module mypy finds a type error in, and
setup.py would then build a pure wheel (slower, with a warning only)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(not (shutil.which("cc") or shutil.which("gcc")), reason="no C compiler"),
    # the build (about two minutes alone on 2 cores, in the first test's setup) and the subprocesses have
    # timeouts of their own; the suite's 300 s would cut a build slowed by other work on the machine
    pytest.mark.timeout(2400),
]

# A child process's parse of every labelled reference, as JSON: each reference record whole (fields,
# spans, confidences, findings), and which of the compiled modules it imported compiled.
_CHILD = r"""
import gc, json, sys, tomllib
from pathlib import Path
from citecheck.parse.tagger import load_tagger, read_sequences
from citecheck.parse.document import convert_references
from citecheck.inputs import read_source
root, out = Path(sys.argv[1]), Path(sys.argv[2])
texts = []
for path in sorted((root / "data").glob("*/*.xml")):
    texts += [r.text for r in read_sequences(path.read_text(encoding="utf-8"), path.stem)]
doc = Path("references.md")  # in the child's own directory: the same path in every reference's span
doc.write_text("# References\n\n" + "\n\n".join(dict.fromkeys(texts)) + "\n", encoding="utf-8")
source = read_source(str(doc))
gc.collect()
gc.disable()  # what the parse leaves in reference cycles, for the collector to find
refs = convert_references(source)
cycles = gc.collect()
config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
modules = ["citecheck." + m.removesuffix(".py").replace("/", ".") for m in config["tool"]["citecheck-build"]["compiled"]]
compiled = sorted(m for m in modules if __import__(m, fromlist=["_"]).__file__.endswith(".so"))
out.write_text(json.dumps({"refs": [repr(r) for r in refs], "compiled": compiled,
                           "inference": load_tagger().inference, "cycles": cycles}), encoding="utf-8")
"""


def _parse(src: Path, out: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out.parent.mkdir()
    subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(out)], env=env, check=True, timeout=600, cwd=out.parent)
    return json.loads(out.read_text(encoding="utf-8"))


def _check(src: Path, tmp: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys; from citecheck.cli.app import main; sys.argv[0] = 'citecheck'; main()"
    run = subprocess.run([sys.executable, "-c", code, "check", str(ROOT / "examples/eir/essay.md"), "--offline",
                          "--format", "json"], env=env, capture_output=True, text=True, cwd=tmp, timeout=600)
    assert run.returncode == 1, run.stderr  # the example has errors, on purpose
    return run.stdout


@pytest.fixture(scope="module")
def compiled_src(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("compiled")
    build = subprocess.run([sys.executable, str(ROOT / "scripts/compile_parser.py"), str(dest / "tree")],
                           capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-3000:] + build.stdout[-3000:]
    return Path(build.stdout.strip())


def test_every_listed_module_is_compiled(compiled_src, tmp_path):
    result = _parse(compiled_src, tmp_path / "compiled" / "parse.json")
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["citecheck-build"]["compiled"]
    assert len(result["compiled"]) == len(listed) > 10


def test_compiled_parse_reads_every_labelled_reference_as_python_does(compiled_src, tmp_path):
    compiled = _parse(compiled_src, tmp_path / "compiled" / "parse.json")
    pure = _parse(ROOT / "src", tmp_path / "pure" / "parse.json")
    assert pure["compiled"] == []  # the source tree itself is never compiled
    assert (compiled["inference"], pure["inference"]) == ("c", "crfsuite")
    assert len(compiled["refs"]) == len(pure["refs"]) > 5000
    differing = [(a, b) for a, b in zip(compiled["refs"], pure["refs"]) if a != b]
    assert differing[:3] == []


def test_compiled_parse_leaves_no_reference_cycle(compiled_src, tmp_path):
    # parse_reference_list pauses the garbage collector, which is sound only while the parse leaves no
    # garbage in reference cycles: a nested function, compiled, is one (its closure and the environment
    # holding it), and so held each entry's draft until a collection
    assert _parse(compiled_src, tmp_path / "compiled" / "parse.json")["cycles"] == 0


def test_compiled_check_of_the_example_reports_what_python_does(compiled_src, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _check(compiled_src, tmp_path / "a") == _check(ROOT / "src", tmp_path / "b")
