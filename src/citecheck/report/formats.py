"""The table of output formats: name -> renderer, all called the same way."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Iterable, Mapping

from ..model import RunResult
from .github import render_github
from .html import render_html
from .json_report import json_pieces, render_json
from .junit import render_junit
from .markdown import render_markdown
from .printable import printable
from .sarif import render_sarif
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
    "terminal": lambda r, o: _terminal(r, o),
    "json": lambda r, o: render_json(r),
    "markdown": lambda r, o: printable(render_markdown(r, o.threshold)),
    "html": lambda r, o: render_html(r, o.threshold),
    "junit": lambda r, o: render_junit(r, o.threshold, warnings_as_failures=o.warnings_as_failures),
    "github": lambda r, o: printable(render_github(r, o.threshold)),
    "sarif": lambda r, o: render_sarif(r, o.threshold, o.sources or None, o.root, o.read_only),
})


def _terminal(result: RunResult, options: RenderOptions) -> str:
    from .terminal import render_terminal  # rich, imported when a terminal report is shown: slow to import

    return render_terminal(result, options.threshold, verbose=options.verbose, quiet=options.quiet, color=options.color)


def render(name: str, result: RunResult, options: RenderOptions = RenderOptions()) -> str:
    """Render ``result`` in format ``name``; KeyError names the unknown format."""
    try:
        renderer = FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(result, options)


# formats written a piece at a time, so a large report is never held whole (the same text as ``render``)
PIECEWISE: Mapping[str, Callable[[RunResult], Iterable[str]]] = MappingProxyType({"json": json_pieces})


def render_pieces(name: str, result: RunResult, options: RenderOptions = RenderOptions()) -> Iterable[str]:
    """``render``'s text in pieces: a piece at a time for the formats that can (``PIECEWISE``), else whole."""
    pieces = PIECEWISE.get(name)
    return pieces(result) if pieces is not None else (render(name, result, options),)
