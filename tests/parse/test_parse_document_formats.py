"""parse_document's dispatch: every format, companion bibliography files, and check() over them."""
from __future__ import annotations


import pytest

from citecheck.config import Settings
from citecheck.errors import InputError
from citecheck.inputs import read_source
from citecheck.model import Kind
from citecheck.parse.document import convert_references, parse_document, parse_documents
from citecheck.parse.pandoc import parse_csl_yaml
from citecheck.pipeline import check

BIB = """@article{zaugg2019, author = {Zaugg, Julie}, title = {North Korean defectors}, journaltitle = {BBC}, date = {2019}}
@book{yoon2018, author = {Yoon, Suzy}, title = {A Book}, publisher = {Press}, date = {2018}}
@book{unused2000, author = {Nobody, A.}, title = {Never cited}, date = {2000}}
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    return tmp_path


def kinds(result) -> list[tuple[str, str | None]]:
    return sorted((f.kind.value, f.reference or f.citation) for f in result.findings)


EXPECTED = [("missing-reference", "missing"), ("uncited-reference", "unused2000")]


def test_latex_with_its_bib_and_an_included_file(folder):
    (folder / "paper.tex").write_text("\\documentclass{article}\\begin{document}\n\\citep{zaugg2019} \\input{ch1}\n"
                                      "\\bibliography{refs}\\end{document}\n")
    (folder / "ch1.tex").write_text("See \\textcite{yoon2018} and \\cite{missing}.\n")
    parsed = parse_document(read_source("paper.tex"))
    assert [c.key for c in parsed.citations] == ["zaugg2019", "yoon2018", "missing"]
    assert parsed.citations[2].span.file == "ch1.tex" and parsed.companions == ("refs.bib",)
    result = check(["paper.tex"], Settings())
    assert [(k, c.replace("\\cite{missing}", "missing")) for k, c in kinds(result)] == EXPECTED


def test_latex_aux_adds_keys_from_files_not_read(folder):
    (folder / "paper.tex").write_text("\\citep{zaugg2019}\\include{gone}\\bibliography{refs}\n")
    (folder / "paper.aux").write_text("\\relax\n\\citation{zaugg2019}\n\\citation{yoon2018,missing}\n\\bibdata{refs}\n")
    result = check(["paper.tex"], Settings())
    assert [(k, "missing" if c and "missing" in c else c) for k, c in kinds(result)] == EXPECTED


@pytest.mark.parametrize("name, text", [
    ("run.aux", "\\relax\n\\citation{zaugg2019,yoon2018}\n\\citation{missing}\n\\bibdata{refs}\n"),
    ("run.bcf", '<?xml version="1.0"?><bcf:controlfile xmlns:bcf="https://sourceforge.net/projects/biblatex">'
                '<bcf:datasource type="file" datatype="bibtex">refs.bib</bcf:datasource><bcf:citekey>zaugg2019</bcf:citekey>'
                '<bcf:citekey>yoon2018</bcf:citekey><bcf:citekey>missing</bcf:citekey></bcf:controlfile>'),
])
def test_aux_and_bcf_inputs(folder, name, text):
    (folder / name).write_text(text)
    result = check([name], Settings())
    assert [(k, "missing" if c and "missing" in c else c) for k, c in kinds(result)] == EXPECTED


def test_pandoc_front_matter_bibliography_is_read_once(folder):
    (folder / "paper.md").write_text("---\nbibliography: refs.bib\n---\n@zaugg2019 says [see @yoon2018; @missing].\n")
    result = check(["paper.md"], Settings())
    assert [(k, "missing" if c and "missing" in c else c) for k, c in kinds(result)] == EXPECTED
    both = parse_documents([read_source("paper.md"), read_source("refs.bib")])
    assert both[0].references == () and both[0].companions == () and len(both[1].references) == 3


def test_nocite_star_leaves_nothing_uncited(folder):
    (folder / "paper.tex").write_text("\\cite{zaugg2019}\\nocite{*}\\addbibresource{refs.bib}\n")
    assert kinds(check(["paper.tex"], Settings())) == []


def test_a_missing_bibliography_file_is_a_finding_on_its_line(folder):
    (folder / "paper.tex").write_text("\\cite{zaugg2019}\n\\bibliography{refs,nothere}\n")
    parsed = parse_document(read_source("paper.tex"))
    (finding,) = parsed.findings
    assert finding.kind is Kind.UNPARSED_ENTRY and finding.span.line == 2 and "nothere.bib" in finding.message


def test_html_page_checks_author_date_citations(folder):
    (folder / "page.html").write_text(
        "<html><body><p>As Zaugg (2019) argues and Yon (2018) agrees.</p><h2>References</h2><ol>"
        "<li>Zaugg, J. (2019). North Korean defectors. BBC.</li><li>Yoon, S. (2018). A book. Press.</li></ol></body></html>")
    result = check(["page.html"], Settings())
    assert len(result.references) == 2
    mismatch = [f for f in result.findings if f.kind is Kind.NAME_MISMATCH]
    assert mismatch and mismatch[0].span.file == "page.html" and mismatch[0].span.line == 1


@pytest.mark.parametrize("name, text, count", [
    ("refs.ris", "TY  - JOUR\nAU  - Zaugg, Julie\nTI  - T\nPY  - 2019\nER  - \n", 1),
    ("refs.json", '[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]}}]', 1),
    ("paper.tex", "\\cite{zaugg2019}\\bibliography{refs}", 3),
    ("page.html", "<html><body><h2>References</h2><ul><li>Lee, K. (2001). Title. Pub.</li></ul></body></html>", 1),
])
def test_convert_references_of_every_format(folder, name, text, count):
    (folder / name).write_text(text)
    refs = convert_references(read_source(name))
    assert len(refs) == count and all(r.key for r in refs)


def test_structured_file_without_entries_is_an_input_error(folder):
    (folder / "empty.ris").write_text("nothing here\n")
    with pytest.raises(InputError):
        parse_document(read_source("empty.ris"))


@pytest.mark.parametrize("name, text", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("deep.yaml", "references:\n" + "- " * 5_000 + "x\n"),
])
def test_input_nested_too_deeply_is_an_input_error_not_a_crash(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read_source(str(path))
    for read in (lambda: parse_document(doc), lambda: convert_references(doc)):
        with pytest.raises(InputError, match="is nested too deeply to be read"):
            read()


def _laughs(levels: int) -> str:
    """A YAML bibliography whose one item's title is nine aliases of nine aliases ... ``levels`` deep."""
    lines = ["references:", "- id: bomb", "  type: book", "  note: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"  n{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines + [f"  title: *l{levels - 1}", "- id: fine", "  type: book", "  title: Kept", ""])


@pytest.mark.timeout(30)
def test_a_yaml_billion_laughs_item_is_skipped_and_said_before_it_is_built(tmp_path):
    """Aliases of aliases (9^9 values from a 1 KB file) hung the run and took all memory: the item is
    measured before it is built, skipped and said; the other items are read."""
    path = tmp_path / "refs.yaml"
    path.write_text(_laughs(9), encoding="utf-8")
    refs = convert_references(read_source(str(path)))
    assert [r.key for r in refs] == ["fine"]
    _, findings = parse_csl_yaml(_laughs(9), "refs.yaml")
    assert [f.message for f in findings] == [
        "line 2: a references: item whose aliases (*name) expand to more than 200,000 values, more than any "
        "reference holds; skipped"]
    (ok, _), _ = parse_csl_yaml(_laughs(3), "refs.yaml")  # a few aliases are YAML as people write it
    assert ok.key == "bomb" and ok.title.startswith("x, x")


@pytest.mark.parametrize("value, kept", [
    ("2019-13-45", "2019-13-45"),  # PyYAML takes it for a timestamp and raised ValueError (month must be in 1..12)
    ("2019-02-30", "2019-02-30"),
    ("9" * 5000, "9" * 5000),  # int() refuses more than 4,300 digits
])
def test_a_yaml_value_python_cannot_build_is_kept_as_text_not_a_crash(value, kept):
    text = f"references:\n- id: a\n  type: book\n  title: T\n  note: {value}\n  issued: 2019-01-01\n"
    (ref,), _ = parse_csl_yaml(text, "refs.yaml")
    assert ref.year == 2019 and ref.note == kept


def test_yaml_surrogate_escapes_make_whole_characters():
    """PyYAML keeps "\\ud83d\\ude00" as two halves of a character, which no UTF-8 output can hold (every
    writer stopped with UnicodeEncodeError): a pair is the character it encodes, a lone half U+FFFD, said."""
    text = 'references:\n- id: a\n  type: book\n  title: "Smile \\ud83d\\ude00 half \\ud800"\n'
    (ref,), findings = parse_csl_yaml(text, "refs.yaml")
    assert ref.title == "Smile \U0001F600 half \ufffd"
    assert [f.message.split(":")[1] for f in findings] == [" a lone half of a UTF-16 surrogate pair (an escape such as \\ud800 with no partner), which is no character, read as U+FFFD (\ufffd)"]


def test_lines_removed_as_page_headers_are_reported_with_their_lines(tmp_path):
    """A line repeated three times a page apart is taken for a running header and removed: the report
    says which and where, so a line of the user's own is never lost unsaid."""
    page = "A sentence of the essay's body, long enough to be prose and not a header.\n" * 6
    path = tmp_path / "essay.md"
    path.write_text("Journal of Examples 3(2)\n" + page + "Text cites (Smith, 2019).\n"
                    "Journal of Examples 3(2)\n" + page +
                    "Journal of Examples 3(2)\n\n## References\n\nSmith, J. (2019). A book. Oxford University Press.\n",
                    encoding="utf-8")
    parsed = parse_document(read_source(str(path)))
    [removed] = [f for f in parsed.findings if f.kind is Kind.UNPARSED_ENTRY]
    assert removed.severity.label == "info" and removed.span.line == 1
    assert "3 lines removed as running page headers and footers: 'Journal of Examples 3(2)' (3x)" in removed.message
    assert [e.detail for e in removed.evidence] == ["'Journal of Examples 3(2)' removed at lines 1, 9, 16"]


def test_text_after_the_reference_list_is_said_to_be_unread(tmp_path):
    """An appendix after the references is neither body nor entries (a "Further reading" list read as body
    would cite works not listed): an info finding names its lines, so it is not dropped unsaid."""
    path = tmp_path / "essay.md"
    path.write_text("Text cites (Smith, 2019).\n\n## References\n\nSmith, J. (2019). A book. Oxford University Press.\n\n"
                    "## Appendix A\n\nSurvey questions (Jones, 2020).\nQuestion two.\n", encoding="utf-8")
    parsed = parse_document(read_source(str(path)))
    [after] = parsed.findings
    assert after.kind is Kind.UNPARSED_ENTRY and after.severity.label == "info" and after.span.line == 7
    assert after.message.startswith("lines 7-10 after the reference list, from '## Appendix A', are not read")


IDS_BIB = "@article{smith2020, ids = {smith2020a, Smith:2020}, author = {Smith, John}, title = {T}, journaltitle = {J}, date = {2020}}\n"


def test_a_biber_document_citing_an_ids_alias_cites_the_entry(folder):
    """biblatex's ``ids``: biber reads \\cite{smith2020a} as smith2020. A document whose bibliography biber
    processes (biblatex with its default backend, a .bcf, biblatex's .aux) got "undefined key" and the entry
    "never cited"; with BibTeX (natbib, biblatex's backend=bibtex) or pandoc the alias is still undefined."""
    (folder / "ids.bib").write_text(IDS_BIB)
    (folder / "biber.tex").write_text("\\documentclass{article}\n\\usepackage[style=apa]{biblatex}\n"
                                      "\\addbibresource{ids.bib}\n\\begin{document}\\cite{smith2020a}\\end{document}\n")
    (folder / "bibtex.tex").write_text("\\documentclass{article}\n\\usepackage[backend=bibtex]{biblatex}\n"
                                       "\\addbibresource{ids.bib}\n\\begin{document}\\cite{smith2020a}\\end{document}\n")
    (folder / "natbib.tex").write_text("\\begin{document}\\cite{smith2020a}\\bibliography{ids}\\end{document}\n")
    (folder / "paper.md").write_text("---\nbibliography: ids.bib\n---\nAs [@Smith:2020] shows.\n")
    (folder / "paper.aux").write_text("\\abx@aux@refcontext{nty/global//global/global}\n"
                                      "\\abx@aux@cite{0}{Smith:2020}\n\\abx@aux@segm{0}{0}{Smith:2020}\n")
    (folder / "paper.bcf").write_text('<?xml version="1.0"?><bcf:controlfile xmlns:bcf="https://sourceforge.net/'
                                      'projects/biblatex"><bcf:bibdata section="0"><bcf:datasource type="file" '
                                      'datatype="bibtex">ids.bib</bcf:datasource></bcf:bibdata><bcf:section number="0">'
                                      '<bcf:citekey order="1">smith2020a</bcf:citekey></bcf:section></bcf:controlfile>\n')
    assert kinds(check(["biber.tex"], Settings())) == []
    assert kinds(check(["biber.tex", "ids.bib"], Settings())) == []
    assert kinds(check(["paper.bcf"], Settings())) == []
    assert kinds(check(["paper.aux", "ids.bib"], Settings())) == []
    for name in ("bibtex.tex", "natbib.tex", "paper.md"):
        assert kinds(check([name], Settings()))[0][0] == "missing-reference", name
