"""Renderers of a RunResult: pure functions from records to text."""
from .json_report import render_json, to_dict
from .text import render_text

__all__ = ["render_json", "render_text", "to_dict"]
