"""CSL rich text <-> LaTeX markup, for the titles BibTeX and CSL-JSON both mark up.

CSL-JSON writes markup in its text as a few HTML-like tags (the CSL specification's "rich text"):
``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<span style="font-variant:small-caps;">`` and
``<span class="nocase">`` (words a style must not change the case of). BibTeX writes the same as
``\\emph{}``, ``\\textbf{}``, ``\\textsuperscript{}``, ``\\textsubscript{}``, ``\\textsc{}`` and a
brace group (``{mRNA}``). ``csl_to_latex`` reads the first into the second (text escaped as
``emit.latex`` escapes it; a title's words protected as ``escape_title`` protects them; math, which
CSL has no markup for, kept as ``latex_to_csl`` writes it, ``$\\alpha$``), with the plain text;
``latex_to_csl`` goes back, math (``$\\alpha$``) kept as written in a nocase span (citeproc's title case
made it ``$\\Alpha$``), ``\\LaTeX`` and ``\\TeX`` as their
names, anything else decoded to plain text (``parse.bibtex.decode_text``).
"""
from __future__ import annotations

import html
import re

from ..parse.braces import brace_group_end
from ..parse.paragraphs import PARAGRAPH_BREAK, latex_paragraphs
from .latex import escape_title_piece, normalize_space

SMALL_CAPS = '<span style="font-variant:small-caps;">'
NOCASE = '<span class="nocase">'
# LaTeX command -> the CSL tags around its argument.
COMMAND_TAGS = {
    "emph": ("<i>", "</i>"), "textit": ("<i>", "</i>"), "textsl": ("<i>", "</i>"), "textbf": ("<b>", "</b>"),
    "textsc": (SMALL_CAPS, "</span>"), "textsuperscript": ("<sup>", "</sup>"), "textsubscript": ("<sub>", "</sub>"),
    "mkbibemph": ("<i>", "</i>"), "mkbibitalic": ("<i>", "</i>"), "mkbibbold": ("<b>", "</b>"),
}
# Switches as a group's first word ({\em ...}) -> the same tags.
SWITCH_TAGS = {"em": COMMAND_TAGS["emph"], "it": COMMAND_TAGS["emph"], "itshape": COMMAND_TAGS["emph"],
               "bf": COMMAND_TAGS["textbf"], "bfseries": COMMAND_TAGS["textbf"],
               "sc": COMMAND_TAGS["textsc"], "scshape": COMMAND_TAGS["textsc"]}
LOGOS = {"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e"}
# CSL tag (and its attributes) -> the LaTeX around its text; "{" is a nocase group.
TAG_COMMANDS = {"i": "\\emph{", "em": "\\emph{", "b": "\\textbf{", "strong": "\\textbf{", "sup": "\\textsuperscript{",
                "sub": "\\textsubscript{", "sc": "\\textsc{"}
_TAG = re.compile(r"<(/?)(i|em|b|strong|sup|sub|sc|span)((?:\s[^<>]*)?)>", re.IGNORECASE)
_COMMAND = re.compile(r"\\([A-Za-z]+)\s*")
# TeX math in CSL text, as ``latex_to_csl`` writes it ($\alpha$, CSL has no markup for math) and as
# pandoc's Markdown delimits it (``tex_math_dollars``): a ``$`` with no blank after it, a closing one
# with no blank before it and no digit after it, so "$5 and $10" is no math.
MATH = re.compile(r"(?<![\\$])\$(?=[^\s$])(?:[^$\\]|\\.)*?(?<=[^\s\\])\$(?!\d)")
# math alone in a nocase span, as ``latex_to_csl`` writes it so that citeproc's title case leaves it alone
_NOCASE_MATH = re.compile(r'<span class="nocase">(\$[^<>]*?\$)</span>')


def has_rich_text(text: str) -> bool:
    return "<" in text and bool(_TAG.search(text)) or "$" in text and bool(MATH.search(text))


def csl_to_latex(text: str, title: bool = True, lines: bool = False) -> tuple[str, str]:
    """The plain text of CSL rich text, and the same as LaTeX (tags as commands, text escaped;
    ``title``: words with inner capitals protected; math, ``$\\alpha$``, as written: ``MATH``). Tags not
    closed are closed at the end; a closing tag that closes nothing open, and tags CSL does not define,
    stay as text. ``lines``: the plain text keeps its line breaks (an abstract's paragraphs), and the
    LaTeX its paragraphs, a blank line between them (markup is closed at a paragraph's end)."""
    if lines and PARAGRAPH_BREAK.search(text):
        pieces = [csl_to_latex(p, title, lines) for p in PARAGRAPH_BREAK.split(text) if p.strip()]
        return "\n\n".join(p for p, _ in pieces), "\n\n".join(latex for _, latex in pieces)
    text = _NOCASE_MATH.sub(lambda m: m.group(1) if MATH.fullmatch(m.group(1)) else m.group(0), text)
    plain: list[str] = []
    latex: list[str] = []
    open_tags: list[str] = []
    commands: list[str] = []
    position = 0

    def text_until(end: int) -> None:
        piece = html.unescape(text[position:end])
        plain.append(piece)
        latex.append(_latex_piece(piece, protect=title and "{" not in commands))  # a nocase group protects

    for match in _TAG.finditer(text):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3).lower()
        command = _span_command(attributes) if name == "span" else TAG_COMMANDS.get(name)
        if not closing and command is None:
            continue  # a span CSL gives no meaning to: its text, as written
        if closing and (not open_tags or open_tags[-1] != name):
            continue
        text_until(match.start())
        position = match.end()
        if closing:
            open_tags.pop()
            commands.pop()
            latex.append("}")
        else:
            open_tags.append(name)
            commands.append(command)
            latex.append(command)
    text_until(len(text))
    latex.append("}" * len(open_tags))
    joined = "".join(plain)
    plain_text = ("\n".join(normalize_space(line) for line in joined.split("\n")).strip("\n") if lines
                  else normalize_space(joined))
    return plain_text, normalize_space("".join(latex))


def _latex_piece(piece: str, protect: bool) -> str:
    """A piece of text as LaTeX: escaped, but for its math, written as it is (TeX that touches files
    or definitions, ``parse.bibtex.unsafe_tex``, is escaped as text)."""
    from ..parse.bibtex import unsafe_tex  # parse.bibtex builds on this package

    out: list[str] = []
    start = 0
    for math in MATH.finditer(piece):
        if unsafe_tex(math.group()):
            continue
        out.append(escape_title_piece(piece[start : math.start()], protect=protect) + math.group())
        start = math.end()
    out.append(escape_title_piece(piece[start:], protect=protect))
    return "".join(out)


def _span_command(attributes: str) -> str | None:
    squeezed = attributes.replace(" ", "")
    if 'class="nocase"' in squeezed or "class='nocase'" in squeezed:
        return "{"
    if "font-variant:small-caps" in squeezed:
        return "\\textsc{"
    return None


def latex_to_csl(text: str, paragraphs: bool = False) -> str:
    """CSL rich text for a LaTeX value (``csl_to_latex`` backwards); with ``paragraphs`` (an abstract's,
    a note's) each paragraph of it, a blank line between them (``parse.paragraphs``)."""
    if paragraphs:
        return "\n\n".join(normalize_space(_to_csl(p)) for p in latex_paragraphs(text) if p.strip())
    return normalize_space(_to_csl(text))


def marked_to_csl(marked: str) -> str:
    """CSL rich text for a title whose case-protected groups are marked with braces (``parse.bibtex``'s
    ``bibtex:title``: plain text but for the braces): each group a nocase span."""
    pieces = re.split(r"[{}]", marked)
    return normalize_space("".join(NOCASE + p + "</span>" if i % 2 and p else p for i, p in enumerate(pieces)))


def _to_csl(text: str, protected: bool = False) -> str:
    """CSL rich text for LaTeX ``text``; ``protected``: inside a nocase span already (math needs no span of its own)."""
    out: list[str] = []
    start = index = 0
    while index < len(text):
        ch = text[index]
        if ch == "$" and (index == 0 or text[index - 1] != "\\"):
            end = _math_end(text, index)
            math = text[index:end]  # in a nocase span: citeproc's title case made "$\alpha$" "$\Alpha$"
            out.append(_plain(text[start:index]) + (math if protected or not MATH.fullmatch(math) else
                                                    NOCASE + math + "</span>"))
            start = index = end
            continue
        if ch == "\\":
            match = _COMMAND.match(text, index)
            name = match.group(1) if match else ""
            if name in COMMAND_TAGS and text.startswith("{", match.end()):
                end = brace_group_end(text, match.end())
                opening, closing = COMMAND_TAGS[name]
                out.append(_plain(text[start:index]) + opening + _to_csl(text[match.end() + 1 : end - 1], protected)
                           + closing)
                start = index = end
                continue
            if name in LOGOS:
                end = index + 1 + len(name)
                end += 2 if text.startswith("{}", end) else 0
                out.append(_plain(text[start:index]) + LOGOS[name])
                start = index = end
                continue
            index = _command_end(text, index)
            continue
        if ch == "{":
            end = brace_group_end(text, index)
            inner = text[index + 1 : end - 1]
            switch = _COMMAND.match(inner)
            out.append(_plain(text[start:index]))
            if switch and switch.group(1) in SWITCH_TAGS:
                opening, closing = SWITCH_TAGS[switch.group(1)]
                out.append(opening + _to_csl(inner[switch.end():], protected) + closing)
            elif inner.startswith("\\") or _math_end(inner, 0) == len(inner) and inner.startswith("$"):
                out.append(_to_csl(inner, protected))  # {\"u}, {\LaTeX}, {$\alpha$}: a group around a command or math
            elif inner.startswith("{") and brace_group_end(inner, 0) == len(inner):
                out.append(_to_csl(inner, protected))  # {{Equation}}, as Better BibTeX protects a word: one group
            elif inner.strip():
                out.append(NOCASE + _to_csl(inner, True) + "</span>" if not protected else _to_csl(inner, True))
            start = index = end
            continue
        index += 1
    out.append(_plain(text[start:]))
    return "".join(out)


def _math_end(text: str, start: int) -> int:
    index = start + 1
    while index < len(text):
        if text[index] == "$" and text[index - 1] != "\\":
            return index + 1
        index += 1
    return len(text)


def _command_end(text: str, index: int) -> int:
    """Index after the control sequence at ``text[index]`` and a brace group right after it (an accent's letter);
    after every argument of a command ``parse.bibtex`` keeps as written (``\\SI{5}{\\metre}``), so its plain text
    is that command."""
    match = re.compile(r"\\(?:[A-Za-z]+|.)\s*").match(text, index)
    end = match.end() if match else index + 1
    if end < len(text) and text[end] == "{":
        end = brace_group_end(text, end)
    from ..parse.bibtex import kept_command_end  # parse.bibtex builds on this package

    return kept_command_end(text, index, end)


def _plain(piece: str) -> str:
    """A piece of LaTeX without markup as plain text, keeping the spaces at its ends."""
    if not piece:
        return ""
    from ..parse.bibtex import decode_text  # parse.bibtex builds on this package

    lead = " " if piece[0] in " ~\t\n" else ""
    trail = " " if piece[-1] in " ~\t\n" and len(piece.strip(" ~\t\n")) else ""
    return lead + decode_text(piece) + trail
