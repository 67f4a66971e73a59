"""pandoc's YAML bibliography holds Markdown: ``*Origin*`` is emphasis (``\\emph{Origin}``), as pandoc
reads it, in a .yaml file and in the front matter's ``references:`` (user round 4, 09)."""
from __future__ import annotations

import json

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.parse.markdown_text import markdown_to_csl
from citecheck.parse.pandoc import parse_csl_yaml, parse_pandoc

YAML = """---
references:
- id: doe2020
  type: book
  title: "The *Origin* of *Species*: A **new** edition"
  container-title: "[Collected]{.smallcaps} Works"
  publisher: "*P* Press"
  author:
  - family: Doe
    given: Jane
  issued: 2020
...
"""


def test_yaml_file_markdown_is_rich_text():
    (ref,), _ = parse_csl_yaml(YAML, "refs.yaml")
    assert ref.title == "The Origin of Species: A new edition" and ref.publisher == "P Press"
    text = to_bibtex([ref])
    assert "title = {The \\emph{Origin} of \\emph{Species}: A \\textbf{new} edition}" in text
    item = json.loads(to_csl_json([ref]))[0]
    assert item["title"] == "The <i>Origin</i> of <i>Species</i>: A <b>new</b> edition"
    assert item["container-title"] == '<span style="font-variant:small-caps;">Collected</span> Works'


def test_front_matter_references_too():
    doc = parse_pandoc(YAML.replace("...\n", "---\n") + "\nAs @doe2020 shows.\n", "doc.md")
    assert "\\emph{Origin}" in to_bibtex(doc.references)


def test_markdown_inlines():
    assert markdown_to_csl("H~2~O and x^2^, ***both***") == "H<sub>2</sub>O and x<sup>2</sup>, <b><i>both</i></b>"
    assert markdown_to_csl("snake_case_name and _emph_") == "snake_case_name and <i>emph</i>"
    assert markdown_to_csl("\\*not\\* emphasis, `*code*`, $a*b*c$") == "*not* emphasis, *code*, $a*b*c$"
    assert markdown_to_csl("[DNA]{.nocase} repair") == '<span class="nocase">DNA</span> repair'


SMART = """---
title: “A study of things”
references:
- id: smith2019
  type: article-journal
  author:
  - family: Smith
    given: ‘John’
  title: “The growth of cells: a review”
  container-title: ‘Cell Reports’
  issued: 2019
- id: lee2020
  type: book
  author:
  - family: Lee
    given: Kim
  title: ‘Books and ‘quotes’ inside’ # a comment
  publisher: “Penguin” and “Puffin”
  issued: 2020
---

As @smith2019 and @lee2020 show.
"""


def test_curly_quoted_yaml_values_read_as_their_text():
    """Smart quotes ("title: “A title”") are the value's quotes: no error at a colon inside, no quotes kept
    in the title (new user, round 8); quotations inside a value stay."""
    doc = parse_pandoc(SMART, "doc.md")
    assert not doc.findings
    smith, lee = doc.references
    assert smith.title == "The growth of cells: a review" and smith.container == "Cell Reports"
    assert smith.authors[0].given == "John"
    assert lee.title == "Books and ‘quotes’ inside" and lee.publisher == "“Penguin” and “Puffin”"
    assert [r.span.line for r in doc.references] == [4, 12]  # spans as written


def test_a_curly_quoted_bibliography_file_name():
    doc = parse_pandoc("---\ntitle: “Notes”\nbibliography: “refs.bib”\n---\n\nAs @doe2020 shows.\n", "doc.md")
    assert [b.name for b in doc.bibliography] == ["refs.bib"]
