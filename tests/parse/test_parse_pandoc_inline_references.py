"""Pandoc's inline ``references:`` (CSL items in the YAML front matter) read as keyed references."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.inputs import read_source
from citecheck.model import Kind
from citecheck.parse.document import convert_references, parse_document
from citecheck.parse.pandoc import parse_pandoc

DOC = """---
title: "A paper"
references:
- type: article-journal
  id: WatsonCrick1953
  author:
  - family: Watson
    given: J. D.
  - family: Crick
    given: F. H. C.
  issued:
    date-parts:
    - - 1953
      - 4
      - 25
  title: 'Molecular structure of nucleic acids'
  container-title: Nature
  volume: 171
  issue: 4356
  page: 737-738
  DOI: 10.1038/171737a0
- id: old-style
  type: book
  author:
    - family: Müller
      given: Anna
  issued:
    - year: 2001
      month: 3
  title: Ein Buch
  publisher: Verlag
- id: iso-date
  title: A web page
  type: webpage
  issued: 2019-05-02
  URL: https://example.org/page?a=1
- id: uncited
  title: Never cited
  author:
  - literal: World Health Organization
  issued: 2020
---
As @WatsonCrick1953 showed [see @old-style, p. 3; @iso-date] and [@missing].
"""


def test_inline_references_are_csl_items():
    parsed = parse_pandoc(DOC, "p.md")
    assert parsed.findings == ()
    watson, muller, page, who = parsed.references
    assert [r.key for r in parsed.references] == ["WatsonCrick1953", "old-style", "iso-date", "uncited"]
    assert [a.family for a in watson.authors] == ["Watson", "Crick"] and watson.year == 1953
    assert (watson.container, watson.volume, watson.issue, watson.pages) == ("Nature", "171", "4356", "737-738")
    assert watson.doi == "10.1038/171737a0" and ("date", "1953-04-25") in watson.extra
    assert muller.year == 2001 and muller.publisher == "Verlag" and muller.authors[0].family == "Müller"
    assert page.year == 2019 and page.urls[0].url == "https://example.org/page?a=1"
    assert who.authors[0].literal == "World Health Organization" and who.year == 2020


def test_item_spans_point_into_the_front_matter():
    refs = parse_pandoc(DOC, "p.md").references
    assert [r.span.line for r in refs] == [4, 22, 32, 37]
    assert DOC[refs[0].span.start : refs[0].span.end].startswith("type: article-journal")
    assert refs[2].raw.startswith("id: iso-date") and refs[2].raw.endswith("https://example.org/page?a=1")


def test_check_uses_the_inline_references(tmp_path, monkeypatch):
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.md").write_text(DOC, encoding="utf-8")
    assert read_source("paper.md").format == "pandoc"
    parsed = parse_document(read_source("paper.md"))
    assert len(parsed.references) == 4 and parsed.companions == ()
    result = check(["paper.md"], Settings())
    found = sorted((f.kind.value, f.reference or f.citation) for f in result.findings
                   if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE})
    assert [(k, "missing" if v and "missing" in v else v) for k, v in found] == [
        ("missing-reference", "missing"), ("uncited-reference", "uncited")]
    assert [r.key for r in convert_references(read_source("paper.md"))] == [
        "WatsonCrick1953", "old-style", "iso-date", "uncited"]


def test_bad_front_matter_is_a_finding_not_a_traceback():
    bad = "---\nreferences:\n- id: a\n  title: [unclosed\n---\nText [@a].\n"
    parsed = parse_pandoc(bad, "bad.md")
    assert parsed.references == () and len(parsed.findings) == 1
    assert parsed.findings[0].kind == Kind.UNPARSED_ENTRY and "YAML" in parsed.findings[0].message
    not_list = parse_pandoc("---\nreferences: nope\n---\nText [@a].\n", "n.md")
    assert not_list.findings[0].span.line == 2 and "not a list" in not_list.findings[0].message
    item = parse_pandoc("---\nreferences:\n- just text\n- id: b\n  title: T\n---\n[@b]\n", "i.md")
    assert [r.key for r in item.references] == ["b"] and item.findings[0].span.line == 3


def test_a_yaml_bibliography_file_is_read_with_or_without_fences(tmp_path, monkeypatch):
    from citecheck.inputs import read_source
    from citecheck.parse.pandoc import parse_csl_yaml

    bare = "references:\n- id: lane2014\n  type: book\n  title: The culture of quality\n  issued: 2014\n"
    for text in (bare, f"---\n{bare}...\n"):
        refs, findings = parse_csl_yaml(text, "refs.yaml")
        assert [(r.key, r.title, r.year) for r in refs] == [("lane2014", "The culture of quality", 2014)] and not findings
    _, broken = parse_csl_yaml("references:\n- id: x\n  title: [unclosed\n", "bad.yaml")
    assert broken and "the YAML file cannot be read" in broken[0].message

    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.yaml").write_text(bare, encoding="utf-8")
    (tmp_path / "paper.md").write_text("---\nbibliography: refs.yaml\n---\nQuality [@lane2014].\n", encoding="utf-8")
    assert read_source("refs.yaml").format == "csl-yaml"
    parsed = parse_document(read_source("paper.md"))
    assert [r.key for r in parsed.references] == ["lane2014"] and not parsed.findings
