import pytest

from citecheck.errors import InputError
from citecheck.model import EntryType, Kind
from citecheck.parse.csl_json import parse_csl_json


def test_syntax_error_names_the_line():
    with pytest.raises(InputError) as info:
        parse_csl_json('[\n {"id": "a",\n  "title": "x"\n  "type": "book"}\n]', "x.json")
    assert info.value.line == 4 and "x.json:4" in str(info.value)


def test_items_names_dates():
    text = """{"items": [
  {"id": "a", "type": "chapter", "title": "T", "author": [{"family": "Beethoven", "given": "Ludwig",
   "dropping-particle": "van"}, {"literal": "UNICEF"}, {"given": "Madonna"}],
   "editor": [{"family": "Lee"}], "issued": {"date-parts": [["2019", "5"]]}, "container-title": "Book",
   "page": "1-2", "ISBN": "123", "URL": "https://x.org", "accessed": {"raw": "last May"}},
  {"id": 7, "type": "podcast", "title": "Odd", "issued": "2021-03-04"},
  "not an item",
  {"id": "empty"}
]}"""
    refs, findings = parse_csl_json(text, "x.json")
    a, b, c = refs
    # a dropping particle stays after the given name ("Beethoven, Ludwig van"), as BibTeX and Zotero hold it
    assert a.type is EntryType.CHAPTER and a.authors[0].given.endswith(" van") and a.authors[1].literal == "UNICEF"
    assert not a.authors[0].particle
    assert a.authors[2].family == "Madonna" and a.editors[0].family == "Lee"
    assert a.year == 2019 and ("date", "2019-05") in a.extra and a.accessed == "last May"
    assert (a.container, a.pages, a.isbn, a.urls[0].url) == ("Book", "1-2", "123", "https://x.org")
    assert b.key == "7" and b.type is EntryType.DOCUMENT and ("csl:type", "podcast") in b.extra and b.year == 2021
    assert c.no_date
    kinds = [(f.kind, f.span.line) for f in findings]
    assert kinds == [(Kind.UNPARSED_ENTRY, 7), (Kind.MALFORMED_REFERENCE, 8)]


def test_a_single_item_object():
    refs, _ = parse_csl_json('{"id": "x", "type": "book", "title": "T"}', "x.json")
    assert refs[0].key == "x"


def test_a_zotero_item_uri_gives_way_to_the_items_citation_key(caplog):
    """Zotero 7 exports its citation key as CSL's ``citation-key`` (Better BibTeX pins one in Extra: "Citation Key:
    ..."); with Zotero's item URI as the id, a key was made up and the user's own "left out" of BibLaTeX and RIS."""
    import json
    import logging

    from citecheck.emit.bibtex import to_bibtex
    from citecheck.emit.ris import to_ris

    items = [{"id": "http://zotero.org/users/123/items/ABCD1234", "citation-key": "smith2020keyed", "type": "book",
              "title": "Keyed", "author": [{"family": "Smith", "given": "Ann"}], "issued": {"date-parts": [[2020]]}},
             {"id": "http://zotero.org/users/123/items/EFGH5678", "type": "book", "title": "Pinned",
              "note": "Citation Key: doe2019book\nPMID: 1", "issued": {"date-parts": [[2019]]}}]
    refs, _ = parse_csl_json(json.dumps(items), "zotero.json")
    assert [r.key for r in refs] == ["smith2020keyed", "doe2019book"]
    with caplog.at_level(logging.WARNING):
        assert to_bibtex(refs).startswith("@book{smith2020keyed,") and "ID  - doe2019book\n" in to_ris(refs)
    assert "citation-key" not in caplog.text
