from citecheck.parse.latex import parse_aux, parse_bcf, parse_latex

TEX = r"""\documentclass{article}
\usepackage[style=authoryear]{biblatex}
\addbibresource[location=local]{refs.bib}
\bibliography{other,more.bib}
\begin{document}
\cite{a} \citep[p.~5]{b, c} \citet[see][12]{d} % \cite{commented}
\parencite{e}\textcite{f}\autocite[3]{g}\footcite{h}\Cite{i}\citeauthor*{j}
\cites[see][1]{k}[2]{l} \parencites(pre)(post){m}{n}
50\% done \nocite{*} \nocite{o}
\begin{verbatim}\cite{verb}\end{verbatim}
\input{chapter1}\include{chap2}
\end{document}
"""


def test_every_citation_command():
    parsed = parse_latex(TEX, "p.tex")
    assert [c.key for c in parsed.citations] == list("abcdefghijklmn") + ["*", "o"]
    by_key = {c.key: c for c in parsed.citations}
    assert by_key["b"].locator == "p. 5" and by_key["d"].locator == "12" and by_key["g"].locator == "3"
    assert by_key["d"].narrative and by_key["f"].narrative and not by_key["e"].narrative
    assert by_key["k"].locator == "1" and by_key["l"].locator == "2"
    assert by_key["c"].text == r"\citep[p.~5]{b, c}"
    span = by_key["c"].span
    assert TEX[span.start : span.end] == "c" and span.line == 6


def test_bibliography_and_includes():
    parsed = parse_latex(TEX, "p.tex")
    assert [b.name for b in parsed.bibliography] == ["refs.bib", "other.bib", "more.bib"]
    assert [i.name for i in parsed.includes] == ["chapter1.tex", "chap2.tex"]


def test_aux_and_bcf():
    aux = parse_aux("\\relax\n\\citation{a,b}\n\\abx@aux@cite{0}{c}\n\\bibdata{refs,x.bib}\n", "p.aux")
    assert [c.key for c in aux.citations] == ["a", "b", "c"] and [b.name for b in aux.bibliography] == ["refs.bib", "x.bib"]
    assert aux.citations[1].span.line == 2
    bcf = parse_bcf(
        '<?xml version="1.0"?>\n<bcf:controlfile xmlns:bcf="https://sourceforge.net/projects/biblatex">\n'
        '<bcf:bibdata section="0"><bcf:datasource type="file" datatype="bibtex">refs.bib</bcf:datasource></bcf:bibdata>\n'
        '<bcf:section number="0">\n<bcf:citekey order="1">a</bcf:citekey>\n<bcf:citekey order="2">b</bcf:citekey>\n'
        '<bcf:citekey order="3">a</bcf:citekey>\n</bcf:section></bcf:controlfile>\n', "p.bcf")
    assert [c.key for c in bcf.citations] == ["a", "b"] and [b.name for b in bcf.bibliography] == ["refs.bib"]
    assert bcf.citations[1].span.line == 6


def test_a_cite_whose_brace_is_not_closed_takes_no_key_from_the_next_command():
    tex = "\\begin{document}\nText \\cite{a} and \\cite{b\n\\bibliography{refs}\n\\end{document}\n"
    parsed = parse_latex(tex, "p.tex")
    assert [c.key for c in parsed.citations] == ["a", "b"]  # never "\\bibliography{refs"
    assert [b.name for b in parsed.bibliography] == ["refs.bib"]
    [problem] = parsed.problems
    assert problem.span.line == 2 and problem.severity.label == "warning"
    assert problem.message == "line 2: \\cite{ is not closed (its } is missing): its keys are read up to the line's end"


def test_a_bibliography_whose_brace_is_not_closed_is_named():
    tex = "\\begin{document}\n\\cite{a}\n\\bibliography{refs\n\\end{document}\n"
    parsed = parse_latex(tex, "p.tex")
    assert parsed.bibliography == ()
    assert [(p.span.line, p.message.split(":")[1].strip()) for p in parsed.problems] == [(3, "\\bibliography{ is not closed (its } is missing)")]
    closed = parse_latex("\\bibliography{refs,\n  more}\n\\input{chapter}\n", "p.tex")  # a list over two lines is fine
    assert closed.problems == () and [b.name for b in closed.bibliography] == ["refs.bib", "more.bib"]
