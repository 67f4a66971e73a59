import json

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


def test_a_number_longer_than_python_converts_is_kept_not_a_crash():
    """A 5,000-digit number stopped the file with Python's "Exceeds the limit (4300 digits)" (an internal
    error); it is kept as its digits, and a date made of it is said not to be one."""
    digits = "9" * 5000
    refs, findings = parse_csl_json(
        f'[{{"id": "a", "type": "book", "title": "T", "volume": {digits}, "issued": {{"date-parts": [[{digits}]]}}}}]',
        "x.json")
    assert refs[0].volume == digits and refs[0].year is None
    assert [f.message.split(":")[1].strip() for f in findings] == ["issued"]


@pytest.mark.parametrize("issued", ['{"date-parts": "2019"}', '{"date-parts": [["spring"]]}', '{"date-parts": [[NaN]]}',
                                    '[2019]', 'true'])
def test_a_date_that_cannot_be_read_is_said_not_dropped(issued):
    refs, findings = parse_csl_json(f'[{{"id": "a", "type": "book", "title": "T", "issued": {issued}}}]', "x.json")
    assert refs[0].year is None and not refs[0].no_date  # no "n.d.": the source said none (session 12, structured2)
    message = [f.message for f in findings if "issued" in f.message][0]
    assert message.endswith("is not a date: no date for BibLaTeX; kept as written for CSL-JSON and classic BibTeX")


def test_an_unreadable_date_is_kept_as_written_not_written_as_no_date():
    """An unreadable CSL date was said "left out" and written ``date = {XXXX}`` (n.d.), which it does not say:
    it is kept as written (CSL-JSON's literal, classic BibTeX's year, RIS's DA) and BibLaTeX has no date; a
    ``date-parts`` holding an ISO date as text is that date (session 12, structured2 05)."""
    from citecheck.emit.bibtex import to_bibtex
    from citecheck.emit.csl import to_csl_json
    from citecheck.emit.ris import to_ris

    text = json.dumps([{"id": "w", "type": "book", "title": "T", "issued": {"date-parts": [["sometime"]]}},
                       {"id": "o", "type": "book", "title": "T", "issued": {"year": 2019}},
                       {"id": "i", "type": "book", "title": "T", "issued": {"date-parts": [["2019-03-05"]]}}])
    (words, odd, iso), findings = parse_csl_json(text, "x.json")
    assert not words.no_date and not odd.no_date and "XXXX" not in to_bibtex([words, odd])
    assert [item["issued"] for item in json.loads(to_csl_json([words, odd]))] == [
        {"literal": "sometime"}, {"literal": '{"year": 2019}'}]
    assert "year = {sometime}" in to_bibtex([words], dialect="bibtex") and "DA  - sometime\n" in to_ris([words])
    assert (iso.year, dict(iso.extra)["date"]) == (2019, "2019-03-05") and not any("line 4" in f.message for f in findings)


def test_an_empty_date_is_no_date_and_nothing_to_say():
    refs, findings = parse_csl_json('[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[""]]}}]',
                                    "x.json")
    assert refs[0].no_date and not findings


def test_nan_and_infinity_are_kept_as_written():
    refs, _ = parse_csl_json('[{"id": "a", "type": "book", "title": "T", "page": Infinity}]', "x.json")
    assert refs[0].pages == "Infinity"


def test_a_key_given_twice_in_an_item_is_said():
    """JSON readers keep the last value of a repeated key: the first title was lost without a word."""
    text = '[\n{"id": "a", "type": "book", "title": "First",\n "title": "Second", "author": [{"family": "Lee", "family": "Li"}]}\n]'
    refs, findings = parse_csl_json(text, "x.json")
    assert refs[0].title == "Second" and refs[0].authors[0].family == "Li"
    assert [f.message for f in findings] == [
        'line 2: "title" is given twice in one object; the last is read, the first left out',
        'line 2: "family" is given twice in one object; the last is read, the first left out']


def test_a_lone_surrogate_escape_is_replaced_and_said_not_a_crash_on_output():
    """"\\ud800", half of a surrogate pair, decoded to a character no UTF-8 output can hold: every writer
    (the report, --bib-out, convert) stopped with UnicodeEncodeError. A whole pair stays one character."""
    from citecheck.emit.csl import to_csl_json

    refs, findings = parse_csl_json('[{"id": "a\\udc00", "type": "book", "title": "X \\ud800 \\ud83d\\ude00"}]', "x.json")
    assert (refs[0].key, refs[0].title) == ("a\ufffd", "X \ufffd \U0001F600")
    assert [f.message for f in findings] == [
        "line 1: 2 lone halves of a UTF-16 surrogate pair (an escape such as \\ud800 with no partner), which is no "
        "character, read as U+FFFD (\ufffd)"]
    to_csl_json(refs).encode("utf-8")


@pytest.mark.parametrize("text, kind", [("null", "null"), ("42", "a number"), ('"refs"', "a string"), ("true", "true or false")])
def test_a_file_that_holds_no_object_says_what_it_holds_in_json_words(text, kind):
    with pytest.raises(InputError) as info:
        from citecheck.parse.document import convert_references
        from citecheck.model import SourceDoc

        convert_references(SourceDoc(path="x.json", text=text, format="csl-json"))
    assert info.value.message == f"line 1: a CSL-JSON item must be an object, not {kind}"


def test_items_under_references_are_read_and_json_lines_is_named():
    """`{"references": [...]}`, pandoc's metadata key for its bibliography, was read as one item with neither title
    nor author (check: exit 0, "1 reference", the real items lost); JSON Lines, one item a line, is said to be
    that (session 16, user)."""
    refs, findings = parse_csl_json('{"references": [{"id": "a", "type": "book", "title": "One"},\n'
                                    ' {"id": "b", "type": "book", "title": "Two"}]}', "meta.json")
    assert [(r.key, r.title) for r in refs] == [("a", "One"), ("b", "Two")] and not findings
    with pytest.raises(InputError) as raised:
        parse_csl_json('{"id": "a", "title": "One"}\n{"id": "b", "title": "Two"}\n', "lines.json")
    assert "JSON Lines" in str(raised.value) and raised.value.line == 2


def test_a_doi_written_as_its_address_is_the_doi():
    """"DOI": "https://doi.org/10.1000/ABC" was written to BibLaTeX as doi = {https://doi.org/10.1000/ABC}, which
    biblatex links as https://doi.org/https://doi.org/...; the .bib and RIS readers take the DOI (session 16, user)."""
    refs, _ = parse_csl_json('[{"id": "a", "type": "book", "title": "T", "DOI": "https://doi.org/10.1000/AB%3CC"},'
                             ' {"id": "b", "type": "book", "title": "U", "DOI": "doi: 10.1000/x"}]', "x.json")
    assert [r.doi for r in refs] == ["10.1000/AB<C", "10.1000/x"]
