from citecheck.parse.pandoc import parse_pandoc

DOC = """---
title: "A paper"
bibliography:
  - refs.bib
  - more.json
---
Blah [@smith04; @doe99]. Blah [see @doe99, pp. 33-35; also @smith04, chap. 1].
Smith says blah [-@smith04]. @smith04 [p. 33] says blah, and @{weird/key.1} too.
Mail a@b.org or [me@example.com]; `@notacite` and

```
[@notacite2]
```
"""


def test_citations_keys_locators_and_spans():
    parsed = parse_pandoc(DOC, "p.md")
    got = [(c.key, c.locator, c.narrative) for c in parsed.citations]
    assert got == [
        ("smith04", "", False), ("doe99", "", False), ("doe99", "pp. 33-35", False), ("smith04", "chap. 1", False),
        ("smith04", "", False), ("smith04", "p. 33", True), ("weird/key.1", "", True),
    ]
    first = parsed.citations[0]
    assert (first.span.line, first.span.column) == (7, 7)
    assert DOC[first.span.start : first.span.end] == "@smith04"
    assert parsed.citations[2].text == "see @doe99, pp. 33-35"


def test_a_locator_in_braces_is_the_locator():
    """pandoc's explicit locator, "[@smith{pp. 33-41}, a remark]": before, the braces and the remark were read as the
    locator ("{pp. 33-41}, a remark"), whose page no check could read."""
    parsed = parse_pandoc("A [@smith04{pp. 33-41}, with a remark]. B [see @doe99{ii, A, D-Z}; @lee{12}].\n", "p.md")
    assert [(c.key, c.locator) for c in parsed.citations] == [
        ("smith04", "pp. 33-41"), ("doe99", "ii, A, D-Z"), ("lee", "12")]


def test_bibliography_forms():
    assert [b.name for b in parse_pandoc(DOC, "p.md").bibliography] == ["refs.bib", "more.json"]
    assert [b.name for b in parse_pandoc("---\nbibliography: [a.bib, 'b c.bib']\n---\n", "p.md").bibliography] == ["a.bib", "b c.bib"]
    single = parse_pandoc("---\nbibliography: refs.bib\n---\ntext\n", "p.md").bibliography
    assert [(b.name, b.span.line) for b in single] == [("refs.bib", 2)]
    assert parse_pandoc("no front matter [@a]\n", "p.md").bibliography == ()


def test_keys_end_before_trailing_punctuation():
    cites = parse_pandoc("As @doe99. And @smith:2004, then.\n", "p.md").citations
    assert [c.key for c in cites] == ["doe99", "smith:2004"]


def test_keys_agree_with_pandoc_itself():
    assert [c.key for c in parse_pandoc(DOC, "p.md").citations] == _pandoc_keys(DOC.split("---\n", 2)[2])


HIDDEN = """Intro [@smith04].

<!-- [@drafted] left out while drafting -->

Ask \\@escaped, not a citation.

<!--
A longer comment citing @alsodrafted
-->
After the comment @doe99.

Her post [on trafficking](https://medium.com/@jane/post-1 "Jane's post") and <https://medium.com/@jane/post-2>,
and [the other one][post3]; after an escaped backslash, \\\\@roe2000 cites.

[post3]: https://medium.com/@jane/post-3
"""


def test_html_comments_an_escaped_at_and_link_addresses_cite_nothing():
    # pandoc leaves an HTML comment out (raw HTML), reads "\\@" as a literal "@" and a link's address as
    # an address (Medium's "/@jane/"): none of them cites
    assert [c.key for c in parse_pandoc(HIDDEN, "p.md").citations] == ["smith04", "doe99", "roe2000"]
    assert [c.key for c in parse_pandoc(HIDDEN, "p.md").citations] == _pandoc_keys(HIDDEN)


INDENTED = """Text [@a].

    code [@incode]
    more [@incode2]

1. An item [@b].

    Its second paragraph [@c].

Text[^1].

[^1]: A note [@d].

    Its second paragraph [@e].

Out of the list [@f].

\tcode again [@incode3]
"""


def test_an_indented_code_block_cites_nothing_but_a_list_s_paragraph_does():
    assert [c.key for c in parse_pandoc(INDENTED, "p.md").citations] == ["a", "b", "c", "d", "e", "f"]
    assert [c.key for c in parse_pandoc(INDENTED, "p.md").citations] == _pandoc_keys(INDENTED)


def test_a_yaml_comment_after_the_bibliography_is_no_part_of_its_name():
    front = "---\nbibliography: refs.bib  # exported from Zotero\n---\ntext\n"
    assert [b.name for b in parse_pandoc(front, "p.md").bibliography] == ["refs.bib"]
    listed = "---\nbibliography:\n  - refs.bib # mine\n  - 'more#1.bib'  # quoted: its # is kept\n---\n"
    assert [b.name for b in parse_pandoc(listed, "p.md").bibliography] == ["refs.bib", "more#1.bib"]
    inline = "---\nbibliography: [a.bib, b.bib] # both\n---\n"
    assert [b.name for b in parse_pandoc(inline, "p.md").bibliography] == ["a.bib", "b.bib"]


def _pandoc_keys(body: str) -> list[str]:
    """The keys pandoc itself reads as citations in ``body``, in order."""
    import json
    import os
    import shutil
    import subprocess

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        if os.environ.get("CI"):
            raise AssertionError("pandoc is not installed; .ci/run installs the Debian package pandoc")
        import pytest

        pytest.skip("pandoc not installed")
    ast = json.loads(subprocess.run([pandoc, "-f", "markdown", "-t", "json"], input=body, capture_output=True,
                                    text=True, check=True, timeout=60).stdout)
    keys: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Cite":
                keys.extend(c["citationId"] for c in node["c"][0])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(ast["blocks"])
    return keys


def test_nocite_in_the_front_matter_cites_its_keys(tmp_path, monkeypatch):
    block = parse_pandoc("---\nnocite: |\n  @doe99, @{weird/key}\n  @smith04\ntitle: x\n---\nText [@a].\n", "p.md")
    assert [(c.key, c.group, c.span.line) for c in block.citations] == [
        ("a", "[@a]", 7), ("doe99", "nocite", 3), ("weird/key", "nocite", 3), ("smith04", "nocite", 4)]
    assert [c.key for c in parse_pandoc("---\nnocite: '@*'\n---\nText.\n", "p.md").citations] == ["*"]
    assert parse_pandoc("---\ntitle: nocite @x\n---\nText.\n", "p.md").citations == ()

    from citecheck.config import Settings
    from citecheck.model import Kind
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@book{a, title={A}, author={Ay, Ann}, year=2000}\n"
                                       "@book{b, title={B}, author={Be, Bo}, year=2001}\n", encoding="utf-8")
    (tmp_path / "paper.md").write_text("---\nbibliography: refs.bib\nnocite: '@b'\n---\nText [@a].\n", encoding="utf-8")
    result = check(["paper.md"], Settings())
    assert not [f for f in result.findings if f.kind in {Kind.UNCITED_REFERENCE, Kind.MISSING_REFERENCE}]


def test_a_front_matter_yaml_cannot_read_is_a_warning_with_its_line(tmp_path, monkeypatch):
    from citecheck.model import Kind, Severity

    broken = parse_pandoc("---\nbibliography: [[[[\n---\nText [@a].\n", "p.md")
    assert broken.bibliography == ()
    [finding] = broken.findings
    assert (finding.kind, finding.severity, finding.span.line) == (Kind.UNPARSED_ENTRY, Severity.WARNING, 2)
    assert finding.message.startswith("line 2: the YAML front matter cannot be read: ")
    assert finding.message.endswith("; its bibliography: is not used")
    # an unclosed quote is placed where it opens; the bibliography: line read anyway is said
    quoted = parse_pandoc('---\ntitle: "A paper\nbibliography: refs.bib\n---\nText [@a].\n', "p.md")
    assert [b.name for b in quoted.bibliography] == ["refs.bib"]
    assert [(f.span.line, f.message.endswith("its bibliography: (refs.bib) is read anyway")) for f in quoted.findings] == [(2, True)]
    # a front matter that reads, or none at all, says nothing
    assert parse_pandoc("---\ntitle: 'A: paper'\nbibliography: refs.bib\n---\nText.\n", "p.md").findings == ()
    assert parse_pandoc("---\n---\nText.\n", "p.md").findings == ()

    from citecheck.config import Settings
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@book{a, author={Doe, J.}, title={T}, year={2019}}\n", encoding="utf-8")
    (tmp_path / "paper.md").write_text('---\ntitle: "A paper\nbibliography: refs.bib\n---\nText [@a].\n', encoding="utf-8")
    result = check(["paper.md"], Settings())
    assert [(f.kind, f.span.line) for f in result.findings if f.severity is Severity.WARNING] == [(Kind.UNPARSED_ENTRY, 2)]


def test_a_bibliography_named_from_the_working_folder_is_found(tmp_path, monkeypatch):
    # pandoc looks for bibliography: refs.bib in the folder it runs in: `pandoc docs/paper.md` finds ./refs.bib
    from citecheck.config import Settings
    from citecheck.model import Kind
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "refs.bib").write_text("@book{a, title={A}, author={Ay, Ann}, year=2000}\n", encoding="utf-8")
    (tmp_path / "docs" / "paper.md").write_text("---\nbibliography: refs.bib\n---\nText [@a] and [@b].\n",
                                                encoding="utf-8")
    result = check(["docs/paper.md"], Settings())
    assert [r.key for r in result.references] == ["a"]
    assert [(f.kind, f.citation) for f in result.findings] == [(Kind.MISSING_REFERENCE, "@b")]
