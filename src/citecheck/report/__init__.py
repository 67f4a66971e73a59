"""Renderers of a RunResult: pure functions from records to text.

``FORMATS`` maps a ``--format`` name to a renderer taking the result and one
``RenderOptions``, so the CLI dispatches without knowing each renderer's options.
"""
from .formats import FORMATS, RenderOptions, Renderer, render
from .github import render_github
from .html import render_html
from .json_report import render_json, to_dict
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif, to_sarif
from .terminal import render_terminal
from .text import render_text

__all__ = [
    "FORMATS", "RenderOptions", "Renderer", "render", "render_github", "render_html", "render_json",
    "render_junit", "render_markdown", "render_sarif", "render_terminal", "render_text", "to_dict", "to_sarif",
]
