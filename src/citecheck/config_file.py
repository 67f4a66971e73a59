"""Settings from a file: ``[tool.citecheck]`` in pyproject.toml, or a ``citecheck.toml``.

``parse_config`` is pure (TOML text -> Settings); ``find_config`` and ``load_config`` are the
small reader. Keys are kebab-case; an unknown key or a value of the wrong type is a
``ConfigError`` naming the file, the key and (found by a scan of the text, since tomllib
gives no positions) its line. Relative paths are relative to the file's folder.

    [tool.citecheck]                      # citecheck.toml: the same keys at the top level
    fail-on = "error"                     # check: error | warning | info | never
    fix-threshold = 0.8
    cache-dir = "cache"
    mailto = "you@example.org"
    concurrency = 8
    per-host = 2                          # requests at once to one host
    host-gap = 0.2                        # seconds between request starts to one host
    archive-all = false
    ignore = ["^https?://localhost", "example\\.org/private/"]

    [tool.citecheck.links]
    fail-on = "new"                       # new | new-dead | any | never
    dead-after-failures = 3
    dead-after-days = 3
    store = "cache/history.sqlite3"
"""
from __future__ import annotations

import difflib
import logging
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from .config import Settings
from .errors import CitecheckError
from .history.changes import FailLevel
from .model import Severity

log = logging.getLogger(__name__)

CONFIG_NAMES = ("citecheck.toml", "pyproject.toml")


class ConfigError(CitecheckError):
    """A configuration file cannot be used: ``file``, ``key`` and ``line`` say where."""

    def __init__(self, message: str, file: str, key: str | None = None, line: int | None = None) -> None:
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")
        self.file, self.key, self.line = file, key, line


@dataclass(frozen=True)
class _Key:
    field: str
    convert: Callable[[Any, Path], Any]
    expects: str


def _number(low: float | None = None, high: float | None = None, integer: bool = False) -> Callable[[Any, Path], Any]:
    def convert(value: Any, _: Path) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
            raise ValueError
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValueError
        return value
    return convert


def _string(value: Any, _: Path) -> str:
    if not isinstance(value, str):
        raise ValueError
    return value


def _boolean(value: Any, _: Path) -> bool:
    if not isinstance(value, bool):
        raise ValueError
    return value


def _choice(*allowed: str) -> Callable[[Any, Path], str]:
    def convert(value: Any, base: Path) -> str:
        text = _string(value, base).strip().lower()
        if text not in allowed:
            raise ValueError
        return text
    return convert


def _path(value: Any, base: Path) -> Path:
    return base / Path(_string(value, base))


def _severity(value: Any, _: Path) -> Severity | None:
    text = _string(value, _).strip().lower()
    return None if text == "never" else Severity.parse(text)


def _fail_level(value: Any, _: Path) -> FailLevel:
    try:
        return FailLevel(_string(value, _).strip().lower())
    except ValueError:
        raise ValueError from None


def _patterns(value: Any, _: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a regular expression ({exc})") from None
    return tuple(value)


MAIN_KEYS: Mapping[str, _Key] = {
    "fail-on": _Key("fail_on", _severity, "one of error, warning, info, never"),
    "fix-threshold": _Key("fix_threshold", _number(0.0, 1.0), "a number from 0 to 1"),
    "cache-dir": _Key("cache_dir", _path, "a path"),
    "mailto": _Key("mailto", _string, "a string (an e-mail address)"),
    "concurrency": _Key("concurrency", _number(1, 256, integer=True), "a whole number from 1 to 256"),
    "per-host": _Key("per_host", _number(1, 64, integer=True), "a whole number from 1 to 64"),
    "host-gap": _Key("host_gap", _number(0.0, 60.0), "a number of seconds from 0 to 60"),
    "pause-host": _Key("pause_host", _choice("repeated", "always", "never"), "one of repeated, always, never"),
    "archive-all": _Key("archive_all", _boolean, "true or false"),
    "ignore": _Key("ignore", _patterns, "a list of regular expressions"),
    "verify": _Key("verify", _boolean, "true or false"),
    "save-missing": _Key("save_missing", _boolean, "true or false"),
}
SERVICES_KEYS: Mapping[str, _Key] = {
    name.replace("_", "-"): _Key(f"{name}_base", _string, "a URL")
    for name in ("crossref", "openalex", "openlibrary", "arxiv", "doi", "semantic_scholar")
}
LINKS_KEYS: Mapping[str, _Key] = {
    "fail-on": _Key("links_fail_on", _fail_level, f"one of {', '.join(level.value for level in FailLevel)}"),
    "dead-after-failures": _Key("dead_after_failures", _number(1, 1000, integer=True), "a whole number from 1"),
    "dead-after-days": _Key("dead_after_days", _number(0.0, 3650.0), "a number of days from 0"),
    "store": _Key("history_store", _path, "a path"),
}
TABLES = {"links": LINKS_KEYS, "services": SERVICES_KEYS}


def parse_config(text: str, file: str, *, base_dir: Path = Path("."), pyproject: bool | None = None,
                 base: Settings = Settings()) -> Settings | None:
    """The Settings ``text`` gives over ``base``; None when a pyproject.toml has no
    ``[tool.citecheck]`` table. ``pyproject`` defaults to "the file is named pyproject.toml"."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", file) from None
    if pyproject if pyproject is not None else Path(file).name == "pyproject.toml":
        table = data.get("tool", {}).get("citecheck")
        prefix = "tool.citecheck"
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError("[tool.citecheck] must be a table", file, "tool.citecheck", _line_of(text, "citecheck", "tool"))
    else:
        table, prefix = data, ""
    changes: dict[str, Any] = {}
    _read_table(table, MAIN_KEYS, prefix, text, file, base_dir, changes)
    return replace(base, **changes)


def _read_table(table: Mapping[str, Any], keys: Mapping[str, _Key], prefix: str, text: str, file: str,
                base_dir: Path, changes: dict[str, Any]) -> None:
    for name, value in table.items():
        dotted = f"{prefix}.{name}" if prefix else name
        if keys is MAIN_KEYS and name in TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"{dotted} must be a table ([{dotted}])", file, dotted, _line_of(text, name, prefix))
            _read_table(value, TABLES[name], dotted, text, file, base_dir, changes)
            continue
        spec = keys.get(name)
        if spec is None:
            known = list(keys) + (list(TABLES) if keys is MAIN_KEYS else [])
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(known)})"
            raise ConfigError(f"unknown key {dotted!r}{hint}", file, dotted, _line_of(text, name, prefix))
        try:
            changes[spec.field] = spec.convert(value, base_dir)
        except (ValueError, KeyError) as exc:
            why = f": {exc.args[0]}" if isinstance(exc, ValueError) and exc.args else ""
            raise ConfigError(f"{dotted} must be {spec.expects}, not {value!r}{why}", file, dotted,
                              _line_of(text, name, prefix)) from None


def _line_of(text: str, key: str, table: str = "") -> int | None:
    """The line that assigns ``key`` (bare or quoted) in ``table`` (dotted; "" is the top level),
    or else the first line assigning it anywhere: tomllib gives no positions."""
    assign = re.compile(rf"""^\s*(?:[\w."'-]+\.)?["']?{re.escape(key)}["']?\s*=""")
    header = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
    current, first = "", None
    for number, line in enumerate(text.splitlines(), 1):
        found = header.match(line)
        if found:
            current = re.sub(r"""\s|["']""", "", found[1])
        elif assign.match(line):
            if current == table:
                return number
            first = first or number
    return first


def find_config(folder: Path) -> Path | None:
    """``citecheck.toml`` in ``folder``, else a pyproject.toml there with a [tool.citecheck] table."""
    for name in CONFIG_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        if name == "pyproject.toml" and not re.search(r"^\s*\[\s*tool\.citecheck\b", _read(path), re.MULTILINE):
            continue
        return path
    return None


def load_config(path: Path | None, folder: Path, base: Settings = Settings()) -> tuple[Settings, Path | None]:
    """The settings from ``path`` (``--config``), or from the file found in ``folder``; ``base``
    when there is none. Returns the settings and the file used."""
    if path is None:
        path = find_config(folder)
        if path is None:
            return base, None
    elif not path.is_file():
        raise ConfigError("configuration file not found", str(path))
    settings = parse_config(_read(path), str(path), base_dir=path.parent, base=base)
    log.info("configuration read from %s", path)
    return (settings if settings is not None else base), path


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read ({exc})", str(path)) from None
