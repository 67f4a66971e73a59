"""Text LaTeX never reads cites nothing: the false branch of \\iffalse (nested conditionals matched
as TeX matches them) and the comment environment, as % comments and verbatim already are."""
from __future__ import annotations

from citecheck.parse.latex import parse_latex, strip_comments


def keys(tex: str) -> list[str]:
    return [c.key for c in parse_latex(tex, "p.tex").citations]


def test_a_cite_inside_iffalse_is_no_citation():
    tex = "As \\citet{smith2019} shows.\n\\iffalse\n  Old paragraph, see \\citet{draftonly}.\n\\fi\nAfter \\cite{kept}.\n"
    assert keys(tex) == ["smith2019", "kept"]


def test_blanking_keeps_offsets_and_lines():
    tex = "a \\iffalse \\cite{x}\n\\fi b \\cite{y}\n"
    masked = strip_comments(tex)
    assert len(masked) == len(tex) and masked.count("\n") == 2
    span = parse_latex(tex, "p.tex").citations[0].span
    assert (span.line, tex[span.start : span.end]) == (2, "y")


def test_nested_conditionals_end_at_the_matching_fi():
    tex = ("\\newif\\ifdraft\n\\iffalse\n\\ifx\\a\\b \\cite{n1}\\fi\n\\ifdraft \\cite{n2}\\else \\cite{n3}\\fi\n"
           "\\cite{n4}\n\\fi\n\\cite{live}\n")
    assert keys(tex) == ["live"]


def test_the_else_branch_of_iffalse_is_read():
    assert keys("\\iffalse \\cite{dead}\\else \\cite{alive}\\fi") == ["alive"]


def test_macros_without_fi_do_not_nest():
    # \ifthenelse and etoolbox's \ifdef take no \fi: counting them would swallow the text after \fi
    tex = "\\iffalse \\ifthenelse{\\boolean{x}}{\\cite{a}}{} \\ifdef\\foo{\\cite{b}}{}\\fi \\cite{after}"
    assert keys(tex) == ["after"]


def test_iffalse_without_fi_blanks_nothing():
    assert keys("\\iffalse \\cite{a} no end") == ["a"]


def test_iffalse_as_a_let_value_starts_no_branch():
    tex = "\\let\\ifshow\\iffalse\n\\cite{a}\n\\ifshow \\cite{hidden}\\fi\n\\cite{b}\n"
    assert keys(tex) == ["a", "hidden", "b"]  # \ifshow's branch is not decided: kept, never guessed away


def test_commented_iffalse_and_fi_do_not_count():
    assert keys("% \\iffalse\n\\cite{a}\n% \\fi\n\\cite{b}") == ["a", "b"]
    assert keys("\\iffalse \\cite{x} % \\fi\n\\cite{y}\n\\fi \\cite{z}") == ["z"]


def test_a_line_break_before_letters_is_no_iffalse():
    assert keys("a\\\\iffalse \\cite{a} \\fi") == ["a"]


def test_the_comment_environment_is_skipped():
    tex = "\\begin{comment}\nsee \\cite{hidden}\n\\end{comment}\n\\cite{shown}\n"
    assert keys(tex) == ["shown"]


def test_a_bibliography_command_inside_iffalse_is_not_read():
    parsed = parse_latex("\\iffalse\\bibliography{old}\\fi\n\\bibliography{refs}\n", "p.tex")
    assert [b.name for b in parsed.bibliography] == ["refs.bib"]


def test_a_percent_in_a_url_starts_no_comment():
    # the url package reads \url's address verbatim: "%20" is part of it, and the line goes on
    tex = ("See \\url{https://example.org/a%20b} and \\cite{smith2019}. % \\cite{commented}\n"
           "\\href{https://example.org/?q=a%2Cb}{the data} \\citep{lee2020}\n"
           "% \\url{https://example.org/c%20d} \\cite{gone}\n")
    assert keys(tex) == ["smith2019", "lee2020"]


def test_nothing_after_end_document_or_endinput_is_read():
    # LaTeX stops at \end{document} (old notes kept below it) and after the line of an \endinput
    assert keys("\\begin{document}\n\\cite{a}\n\\end{document}\nOld notes: \\cite{old}\n") == ["a"]
    assert keys("\\cite{b}\n\\endinput % the rest is a draft\n\\cite{draft}\n") == ["b"]
    assert keys("\\cite{c}\n  \\endinput \\cite{same_line}\n\\cite{next_line}\n") == ["c", "same_line"]
    assert keys("% \\end{document}\n\\cite{d}\n") == ["d"]  # a commented \end{document} ends nothing
