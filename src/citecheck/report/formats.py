"""The table of output formats: name -> renderer, all called the same way."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Mapping

from ..model import RunResult
from .github import render_github
from .html import render_html
from .json_report import render_json
from .junit import render_junit
from .markdown import render_markdown
from .printable import printable
from .sarif import render_sarif
from .terminal import render_terminal
from .text import render_text


@dataclass(frozen=True)
class RenderOptions:
    """Everything a renderer may take besides the result; each format uses what it needs.

    ``color`` is decided by the CLI (no colour when stdout is not a terminal or NO_COLOR is
    set). ``sources`` (file -> text) lets SARIF pin fixes to exact characters. ``root`` (the working
    folder) lets SARIF name a file given by an absolute path relative to the repository;
    ``read_only`` names the files SARIF proposes no text replacements in (PDF, Word).
    """

    threshold: float = 0.8
    verbose: bool = False
    quiet: bool = False
    color: bool = False
    warnings_as_failures: bool = False
    sources: Mapping[str, str] = field(default_factory=dict)
    root: str | None = None
    read_only: frozenset[str] = frozenset()


# text, markdown and github print input text as it is: its control characters are written out
# (``report.printable``); terminal does so itself, around its own colour codes; the others escape
Renderer = Callable[[RunResult, RenderOptions], str]

FORMATS: Mapping[str, Renderer] = MappingProxyType({
    "text": lambda r, o: printable(render_text(r, o.threshold, o.verbose)),
    "terminal": lambda r, o: render_terminal(r, o.threshold, verbose=o.verbose, quiet=o.quiet, color=o.color),
    "json": lambda r, o: render_json(r),
    "markdown": lambda r, o: printable(render_markdown(r, o.threshold)),
    "html": lambda r, o: render_html(r, o.threshold),
    "junit": lambda r, o: render_junit(r, o.threshold, warnings_as_failures=o.warnings_as_failures),
    "github": lambda r, o: printable(render_github(r, o.threshold)),
    "sarif": lambda r, o: render_sarif(r, o.threshold, o.sources or None, o.root, o.read_only),
})


def render(name: str, result: RunResult, options: RenderOptions = RenderOptions()) -> str:
    """Render ``result`` in format ``name``; KeyError names the unknown format."""
    try:
        renderer = FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(result, options)
