"""The GitHub workflow and the pre-commit hook: they parse, say what the README says, and the
hook's entry runs on a sample file as pre-commit would run it (entry + the staged file names)."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def load(path: str):
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_the_workflow_is_scheduled_caches_the_store_and_records_history():
    flow = load(".github/workflows/link-rot.yml")
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert crons and all(len(c.split()) == 5 for c in crons)
    steps = flow["jobs"]["links"]["steps"]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "cache/history.sqlite3"
    assert cache["with"]["restore-keys"].strip() == "link-history-"
    assert "${{ github.run_id }}" in cache["with"]["key"]  # a new entry each run: caches are immutable
    run = next(s for s in steps if "citecheck links" in s.get("run", ""))
    assert "--history" in run["run"] and "$GITHUB_STEP_SUMMARY" in run["run"]
    assert steps.index(cache) < steps.index(run)
    fail = steps[-1]
    assert fail["if"] == "steps.links.outputs.code == '1'" and "exit 1" in fail["run"]


def test_the_hook_definition():
    [hook] = load(".pre-commit-hooks.yaml")
    assert (hook["id"], hook["entry"], hook["language"]) == ("citecheck", "citecheck check", "python")
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("paper.md", "refs.bib", "thesis/main.tex"))
    assert not any(files.search(n) for n in ("setup.py", "notes.md.bak", "bib.txt"))


def citecheck_command() -> list[str]:
    script = Path(sys.executable).with_name("citecheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "citecheck.cli.app"]


def test_the_hook_entry_runs_on_a_sample_file(tmp_path):
    [hook] = load(".pre-commit-hooks.yaml")
    sample = tmp_path / "essay.md"
    shutil.copy(ROOT / "examples" / "eir" / "essay.md", sample)
    entry = shlex.split(hook["entry"])
    assert entry[0] == "citecheck"
    done = subprocess.run(citecheck_command() + entry[1:] + [str(sample)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # the example has errors on purpose: the commit is stopped
    assert "name-mismatch" in done.stdout and "Traceback" not in done.stderr
    clean = tmp_path / "refs.bib"
    clean.write_text("@book{ok2020, author = {Doe, Jane}, title = {A Book}, year = {2020}, publisher = {P}}\n",
                     encoding="utf-8")
    ok = subprocess.run(citecheck_command() + entry[1:] + [str(clean)], cwd=tmp_path, capture_output=True,
                        text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
