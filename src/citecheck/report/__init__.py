"""Renderers of a RunResult: pure functions from records to text.

``FORMATS`` maps a ``--format`` name to a renderer taking the result and one
``RenderOptions``, so the CLI dispatches without knowing each renderer's options.
"""
from .formats import FORMATS, RenderOptions, Renderer, render, render_pieces
from .github import render_github
from .html import render_html
from .json_report import render_json, to_dict
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif, to_sarif
from .text import render_text

__all__ = [
    "FORMATS", "RenderOptions", "Renderer", "render", "render_pieces", "render_github", "render_html", "render_json",
    "render_junit", "render_markdown", "render_sarif", "render_terminal", "render_text", "to_dict", "to_sarif",
]


def __getattr__(name: str) -> object:
    """``render_terminal`` on first use: it needs rich, slow to import, which a pipe's report does not."""
    if name == "render_terminal":
        from .terminal import render_terminal

        return render_terminal
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
