"""Configuration files: [tool.citecheck] in pyproject.toml or citecheck.toml; flags override them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.config import Settings
from citecheck.config_file import ConfigError, find_config, load_config, parse_config
from citecheck.history import FailLevel, RotRule
from citecheck.model import Severity

ROOT = Path(__file__).resolve().parents[1]
FULL = """\
[project]
name = "paper"

[tool.citecheck]
fail-on = "warning"
fix-threshold = 0.9
cache-dir = ".cache/citecheck"
mailto = "me@example.org"
concurrency = 4
per-host = 1
host-gap = 1.5
pause-host = "always"
archive-all = true
ignore = ["^https?://localhost", "example\\\\.org/private/"]

[tool.citecheck.links]
fail-on = "new-dead"
dead-after-failures = 4
dead-after-days = 7
store = "state/links.sqlite3"
"""


def test_every_key_of_a_pyproject_table(tmp_path):
    s = parse_config(FULL, "pyproject.toml", base_dir=tmp_path)
    assert (s.fail_on, s.fix_threshold, s.mailto, s.concurrency, s.per_host, s.host_gap, s.archive_all) == (
        Severity.WARNING, 0.9, "me@example.org", 4, 1, 1.5, True)
    assert s.ignore == ("^https?://localhost", "example\\.org/private/")
    assert s.pause_host == "always" and Settings().pause_host == "repeated"
    assert s.links_fail_on is FailLevel.NEW_DEAD and s.rot_rule == RotRule(failures=4, days=7)
    assert s.cache_dir == tmp_path / ".cache/citecheck"  # relative to the file's folder
    assert s.history_path == tmp_path / "state/links.sqlite3"
    assert s.offline is True and s.contact == Settings().contact  # untouched fields keep their defaults


def test_citecheck_toml_has_the_keys_at_the_top_level():
    s = parse_config('fail-on = "never"\n[links]\ndead-after-days = 1.5\n', "citecheck.toml")
    assert s.fail_on is None and s.dead_after_days == 1.5
    assert s.history_path == Path("cache") / "history.sqlite3"


def test_a_pyproject_without_the_table_gives_nothing():
    assert parse_config('[project]\nname = "x"\n', "pyproject.toml") is None


@pytest.mark.parametrize("text, key, line", [
    ('[tool.citecheck]\nfail-on = "error"\nfix-treshold = 0.5\n', "tool.citecheck.fix-treshold", 3),
    ('[tool.citecheck]\nfail-on = "error"\n\n[tool.citecheck.links]\nfail-on = "new"\nstorage = "x"\n',
     "tool.citecheck.links.storage", 6),
    ('[tool.citecheck.history]\ndays = 3\n', "tool.citecheck.history", None),
])
def test_unknown_keys_are_errors_naming_file_key_and_line(text, key, line):
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "pyproject.toml")
    err = caught.value
    assert (err.file, err.key, err.line) == ("pyproject.toml", key, line)
    assert f"unknown key {key!r}" in str(err)
    assert str(err).startswith(f"pyproject.toml:{line}: " if line else "pyproject.toml: ")


def test_a_misspelt_key_gets_a_suggestion():
    with pytest.raises(ConfigError, match="did you mean 'fix-threshold'"):
        parse_config("fix_threshold = 0.5\n", "citecheck.toml")


@pytest.mark.parametrize("text, message", [
    ('fix-threshold = 2\n', "fix-threshold must be a number from 0 to 1, not 2"),
    ('fix-threshold = "high"\n', "fix-threshold must be a number from 0 to 1"),
    ('concurrency = 2.5\n', "concurrency must be a whole number"),
    ('archive-all = "yes"\n', "archive-all must be true or false"),
    ('fail-on = "sometimes"\n', "fail-on must be one of error, warning, info, never"),
    ('[links]\nfail-on = "soon"\n', "links.fail-on must be one of new, new-dead, any, never"),
    ('ignore = ["(unclosed"]\n', "is not a regular expression"),
    ('ignore = "x"\n', "ignore must be a list of regular expressions"),
    ('links = 3\n', "links must be a table"),
    ('x = [\n', "not valid TOML"),
])
def test_bad_values_are_errors(text, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_config(text, "citecheck.toml")


def test_finding_the_file(tmp_path):
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None  # no [tool.citecheck] table: not a config
    (tmp_path / "pyproject.toml").write_text('[tool.citecheck]\nfix-threshold = 0.5\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    (tmp_path / "citecheck.toml").write_text("fix-threshold = 0.6\n", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "citecheck.toml"  # citecheck.toml first
    settings, used = load_config(None, tmp_path)
    assert settings.fix_threshold == 0.6 and used == tmp_path / "citecheck.toml"
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml", tmp_path)


# -- through the CLI ---------------------------------------------------------------------------

@pytest.fixture
def essay(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "essay.md"
    shutil.copy(ROOT / "examples" / "eir" / "essay.md", path)
    return path


def test_config_fail_on_applies_and_the_flag_overrides_it(essay, tmp_path):
    assert CliRunner().invoke(app, ["check", str(essay), "--offline"]).exit_code == 1  # errors, on purpose
    (tmp_path / "pyproject.toml").write_text('[tool.citecheck]\nfail-on = "never"\n', encoding="utf-8")
    assert CliRunner().invoke(app, ["check", str(essay), "--offline"]).exit_code == 0
    assert CliRunner().invoke(app, ["check", str(essay), "--offline", "--fail-on", "error"]).exit_code == 1


def test_config_given_with_config_flag(essay, tmp_path):
    other = tmp_path / "conf" / "strict.toml"
    other.parent.mkdir()
    other.write_text('fail-on = "never"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(essay), "--config", str(other)])
    assert result.exit_code == 0


@pytest.mark.parametrize("command", [["check", "essay.md"], ["links", "essay.md"], ["history"]])
def test_an_unknown_key_stops_every_command_with_exit_2(essay, tmp_path, command):
    (tmp_path / "citecheck.toml").write_text('fail-on = "error"\nfial-on = "never"\n', encoding="utf-8")
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"citecheck: configuration error: {tmp_path / 'citecheck.toml'}:2: unknown key 'fial-on' "
        "(did you mean 'fail-on'?)")


def test_a_missing_config_file_is_exit_2(essay, tmp_path):
    result = CliRunner().invoke(app, ["check", str(essay), "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2 and "configuration file not found" in result.stderr


def test_links_reads_ignore_and_history_settings_from_the_file(essay, tmp_path):
    (tmp_path / "citecheck.toml").write_text(
        'cache-dir = "c"\nignore = ["^https?://"]\n[links]\nstore = "s/h.sqlite3"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["links", str(essay), "--history"], env={"CITECHECK_NOW": "2024-01-01"})
    assert result.exit_code == 0, result.output
    assert "no links to check" in result.stderr  # every URL ignored: nothing reached the network
    assert (tmp_path / "s" / "h.sqlite3").is_file() and not (tmp_path / "c").exists()
    flagged = CliRunner().invoke(app, ["links", str(essay), "--history", "--store", str(tmp_path / "flag.sqlite3")],
                                 env={"CITECHECK_NOW": "2024-01-01"})
    assert flagged.exit_code == 0 and (tmp_path / "flag.sqlite3").is_file()


def test_pause_host_takes_only_its_three_words():
    with pytest.raises(ConfigError) as err:
        parse_config('pause-host = "sometimes"\n', "citecheck.toml")
    assert "pause-host" in str(err.value) and "repeated, always, never" in str(err.value)
