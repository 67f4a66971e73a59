"""pandoc Markdown in a YAML bibliography's strings -> CSL rich text.

pandoc reads the strings of a YAML bibliography (a ``refs.yaml``, or the front matter's
``references:``) as Markdown: ``*Origin*`` is emphasis, which its BibLaTeX writer gives as
``\\emph{Origin}`` and its CSL-JSON writer as ``<i>Origin</i>``. So the inline markup citecheck models
(``emit.rich_text``: CSL's HTML-like tags) is read from pandoc's Markdown for it:

========================================= ==============================================
Markdown (pandoc)                          CSL rich text
========================================= ==============================================
``*x*``, ``_x_``                           ``<i>x</i>``
``**x**``, ``__x__``                       ``<b>x</b>``
``***x***``                                ``<b><i>x</i></b>``
``^x^``, ``~x~``                           ``<sup>x</sup>``, ``<sub>x</sub>``
``[x]{.smallcaps}``                        ``<span style="font-variant:small-caps;">x</span>``
``[x]{.nocase}``                           ``<span class="nocase">x</span>``
``$\\alpha$``                               kept: ``emit.rich_text.MATH`` reads it as math
``\\*`` (a backslash escape), `` `x` ``      the character, the code's text, as written
========================================= ==============================================

An underscore inside a word (``snake_case``) is no emphasis, as in pandoc; HTML-like tags already in
the text (``<i>``, ``<span class="nocase">``) stay, as CSL reads them.
"""
from __future__ import annotations

import re

from ..emit.rich_text import MATH, NOCASE, SMALL_CAPS

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE = re.compile(r"(`+)(?=\S)(.+?)(?<=\S)\1")
_HELD = re.compile("\ue000(\\d+)\ue001")
# (pattern, replacement), in this order: the longest delimiters first
_INLINES = (
    (re.compile(r"\[([^\[\]]+)\]\{\.smallcaps\}"), SMALL_CAPS + r"\1</span>"),
    (re.compile(r"\[([^\[\]]+)\]\{\.nocase\}"), NOCASE + r"\1</span>"),
    (re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*"), r"<b><i>\1</i></b>"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"<b>\1</b>"),
    (re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])"), r"<b>\1</b>"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"<i>\1</i>"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"<i>\1</i>"),
    (re.compile(r"\^(?=\S)((?:[^\s^])+?)\^"), r"<sup>\1</sup>"),
    (re.compile(r"(?<!~)~(?=[^\s~])((?:[^\s~])+?)~(?!~)"), r"<sub>\1</sub>"),
)
_MARKUP = re.compile(r"[*_^~`\\\[]")


def markdown_to_csl(text: str) -> str:
    """CSL rich text for a string of pandoc Markdown (see the module's table)."""
    if not _MARKUP.search(text):
        return text
    held: list[str] = []

    def hold(value: str) -> str:
        held.append(value)
        return f"\ue000{len(held) - 1}\ue001"

    out = _CODE.sub(lambda m: hold(m.group(2)), text)
    out = MATH.sub(lambda m: hold(m.group()), out)
    out = _ESCAPE.sub(lambda m: hold(m.group(1)), out)
    for pattern, replacement in _INLINES:
        out = pattern.sub(replacement, out)
    while _HELD.search(out):  # a held piece may hold another (a code span's escape)
        out = _HELD.sub(lambda m: held[int(m.group(1))], out)
    return out
