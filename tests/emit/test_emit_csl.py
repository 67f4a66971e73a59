"""CSL-JSON items."""
from __future__ import annotations

import json

from citecheck.emit.csl import to_csl_item, to_csl_json
from citecheck.model import EntryType, Name, Reference, Span, Url

SPAN = Span("refs.md", 1, 1, 0, 0)


def test_item_carries_every_field():
    ref = Reference(
        raw="", span=SPAN, type=EntryType.CHAPTER, key="yoonSex2019a",
        authors=(Name(family="Beethoven", given="Ludwig", particle="van", suffix="Jr"),
                 Name(literal="United Nations Office on Drugs and Crime")),
        editors=(Name(family="Lee", given="Ji-Yeon"),),
        year=2019, year_suffix="a", title="Sex work", container="Gender in Korea", publisher="Routledge",
        place="London", edition="2", volume="3", issue="4", pages="45-67", doi="10.1/x", isbn="978-0-7377-5721-7",
        urls=(Url(url="https://example.org/a"), Url(url="https://example.org/b")), accessed="2020-01-02",
        note="A note",
    )
    assert to_csl_item(ref) == {
        "id": "yoonSex2019a", "type": "chapter",
        "author": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van", "suffix": "Jr"},
                   {"literal": "United Nations Office on Drugs and Crime"}],
        "editor": [{"family": "Lee", "given": "Ji-Yeon"}],
        "issued": {"date-parts": [[2019]]}, "year-suffix": "a",
        "title": "Sex work", "container-title": "Gender in Korea", "publisher": "Routledge",
        "publisher-place": "London", "edition": "2", "volume": "3", "collection-number": "4", "page": "45-67",
        "DOI": "10.1/x", "ISBN": "978-0-7377-5721-7", "URL": "https://example.org/a",
        "accessed": {"date-parts": [[2020, 1, 2]]}, "note": "A note",
    }


def test_undated_item_has_no_issued_and_gets_a_key():
    ref = Reference(raw="", span=SPAN, type=EntryType.WEBPAGE, title="What is slavery?", no_date=True,
                    authors=(Name(literal="Anti-Slavery International"),), accessed="14 June 2019")
    item = to_csl_item(ref)
    assert "issued" not in item
    assert item["id"] == "antislaveryinternationalSlaverynd"
    assert item["type"] == "webpage"
    assert item["accessed"] == {"date-parts": [[2019, 6, 14]]}  # as BibLaTeX's urldate = {2019-06-14} (was raw)
    odd = to_csl_item(Reference(raw="", span=SPAN, title="T", accessed="sometime in June"))
    assert odd["accessed"] == {"raw": "sometime in June"}  # no date read: kept as written


def test_json_is_indented_utf8_with_unique_ids_and_trailing_newline():
    a = Reference(raw="", span=SPAN, title="Über Korea", year=2019, authors=(Name(family="Zaugg", given="J"),))
    text = to_csl_json([a, a])
    assert text.endswith("]\n")
    assert "Über" in text and "\\u00dc" not in text
    assert text.startswith('[\n  {\n    "id"')
    assert [item["id"] for item in json.loads(text)] == ["zauggUber2019a", "zauggUber2019b"]
    assert to_csl_json([]) == "[]\n"


def test_a_list_cut_short_ends_with_the_literal_others_as_pandoc_writes_it():
    from citecheck.model import Name, Reference, Span
    from citecheck.emit.csl import to_csl_item

    ref = Reference(raw="", span=Span("f", 1, 1, 0, 0), key="k", title="T",
                    authors=(Name(family="Brown", given="A."), Name(literal="others")))
    # pandoc's own encoding of BibTeX's "and others" (pandoc -f biblatex -t csljson), rendered "et al."
    assert to_csl_item(ref)["author"] == [{"family": "Brown", "given": "A."}, {"literal": "others"}]
