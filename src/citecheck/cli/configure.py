"""Settings for a command: the configuration file (``--config``, or the one found in the current
folder) under the command-line flags the user actually gave (a flag left at its default never
overrides the file)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Mapping

from ..config import Settings
from ..config_file import load_config

GIVEN = frozenset({"COMMANDLINE", "ENVIRONMENT"})  # by name: typer vendors its own copy of click


def given(ctx: Any, name: str) -> bool:
    """Did the user set parameter ``name`` (on the command line or through its environment variable)?"""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name in GIVEN


def settings_for(ctx: Any, config: Path | None, overrides: Mapping[str, tuple[str, Any]],
                 base: Settings = Settings()) -> Settings:
    """The file's settings (over ``base``), then ``overrides`` (settings field -> (parameter, value))
    for every parameter the user gave. Raises ConfigError for a bad file."""
    settings, _ = load_config(config, Path.cwd(), base)
    changes = {field: value for field, (param, value) in overrides.items() if given(ctx, param)}
    return replace(settings, **changes)
