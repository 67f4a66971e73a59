"""IEEE/Vancouver: bracketed numbers cite the entries a numbered list labels."""
from __future__ import annotations

import dataclasses

from citecheck.model import CleanText, Kind
from citecheck.parse.citation_numbers import find_numbered_citations, numbered_labels
from citecheck.parse.references import parse_reference_list

LIST = """[1] A. B. Mensah, "Mobile network outages in Accra," in *Proc. IEEE PowerAfrica*, 2019, pp. 210–215.

[2] K. Takahashi, "Earthquake detection explained," *Japan Railway Journal*, 2016.

[3] L. Zhang and M. Müller, "River stage from radar altimetry," *Remote Sens. Environ.*, vol. 12, pp. 45–67, 2018.

[4] J. Smith, *Gauges*. New York, NY, USA: Wiley, 2001.
"""


def refs():
    return [dataclasses.replace(r, key=f"k{i}") for i, r in enumerate(parse_reference_list(CleanText.identity("r.md", LIST)), 1)]


def test_a_numbered_list_labels_its_entries():
    assert numbered_labels(refs()) == {"1": "k1", "2": "k2", "3": "k3", "4": "k4"}
    assert refs()[3].title == "Gauges"  # a lone italic work with a publisher is a book's title


def test_brackets_ranges_and_lists_cite_by_number():
    text = CleanText.identity("e.md", "Stages [1], gaps [2, 3] and [2]–[4]; old work [7]; not [link](x), [5-900], [3]: def")
    citations, findings = find_numbered_citations(text, refs())
    assert [(c.text, c.key) for c in citations] == [
        ("[1]", "k1"), ("[2, 3]", "k2"), ("[2, 3]", "k3"), ("[2]–[4]", "k2"), ("[2]–[4]", "k3"), ("[2]–[4]", "k4")]
    (missing,) = findings
    assert missing.kind is Kind.MISSING_REFERENCE and "entry 7" in missing.message


def test_an_unnumbered_list_has_no_numbered_citations():
    plain = parse_reference_list(CleanText.identity("r.md", "Barr, H. (2019). A title. Outlet.\n\nKim, S. (2018). B. C.\n"))
    assert find_numbered_citations(CleanText.identity("e.md", "See [1]."), plain) == ((), ())


def test_vancouver_parentheses_when_the_document_has_no_bracketed_number():
    text = CleanText.identity("v.md", "Stages rise (1), gaps close (2,3-4) in 2019 (2019); entry (9) is missing.\n"
                                      "(1) an enumeration at the start of a line is no citation, nor after a "
                                      "colon: (2) this")
    citations, findings = find_numbered_citations(text, refs())
    assert [(c.text, c.key) for c in citations] == [("(1)", "k1"), ("(2,3-4)", "k2"), ("(2,3-4)", "k3"), ("(2,3-4)", "k4")]
    (missing,) = findings  # (9) is near the list's end: a citation of a missing entry; (2019) is a year
    assert "entry 9" in missing.message
    bracketed = CleanText.identity("b.md", "Stages [1] and a list (2).")
    assert [c.text for c in find_numbered_citations(bracketed, refs())[0]] == ["[1]"]



def test_vancouver_parentheses_with_a_page():
    """ "(3, p. 45)" cites entry 3 at page 45: before, no citation, and entry 3 was reported uncited."""
    text = CleanText.identity("v.md", "A meta-analysis confirmed it (3, p. 45), as did (2 p45) and (4, pp. 12-14).")
    citations, findings = find_numbered_citations(text, refs())
    assert [(c.text, c.key, c.locator) for c in citations] == [
        ("(3, p. 45)", "k3", "p. 45"), ("(2 p45)", "k2", "p45"), ("(4, pp. 12-14)", "k4", "pp. 12-14")]
    assert findings == ()


def test_an_enumeration_opened_after_a_colon_goes_on_without_citing():
    text = CleanText.identity("v.md", "Gauges fail for two reasons: (1) silt and (2) ice, and (3) rarely theft. "
                                      "Radar helps (4).\n\nA new paragraph cites (2).")
    citations, _ = find_numbered_citations(text, refs())
    assert [(c.text, c.key) for c in citations] == [("(4)", "k4"), ("(2)", "k2")]
    # without the opening "(1)" the same words cite
    text = CleanText.identity("v.md", "Gauges fail with silt (2) and ice (3).")
    assert [c.key for c in find_numbered_citations(text, refs())[0]] == ["k2", "k3"]


def test_ieee_locators_cite_the_entry_and_keep_the_locator():
    text = CleanText.identity("e.md", "A survey [2, p. 4], its method [2, Sec. 3], pages [2, pp. 4–6], "
                                      "a figure [4, Fig. 3], a chapter [4, Ch. 4], a section [1, §2], "
                                      "the proof [9, Thm. 1]; not [2, see] nor [2, p. 4](x).")
    citations, findings = find_numbered_citations(text, refs())
    assert [(c.text, c.key, c.locator) for c in citations] == [
        ("[2, p. 4]", "k2", "p. 4"), ("[2, Sec. 3]", "k2", "Sec. 3"), ("[2, pp. 4–6]", "k2", "pp. 4–6"),
        ("[4, Fig. 3]", "k4", "Fig. 3"), ("[4, Ch. 4]", "k4", "Ch. 4"), ("[1, §2]", "k1", "§2")]
    (missing,) = findings  # a dangling number is reported, locator or not
    assert missing.kind is Kind.MISSING_REFERENCE and missing.citation == "[9, Thm. 1]"


def test_science_sets_its_numbers_in_italics():
    text = CleanText.identity("s.md", "Ocean heat rose (*1*, *2*). Oxygen falls (*3*–*4*).")
    citations, findings = find_numbered_citations(text, refs())
    assert [(c.text, c.key) for c in citations] == [
        ("(*1*, *2*)", "k1"), ("(*1*, *2*)", "k2"), ("(*3*–*4*)", "k3"), ("(*3*–*4*)", "k4")]
    assert findings == ()


def test_an_acs_list_labelled_in_parentheses_is_cited_in_parentheses():
    acs = ("(1) Miyaura, N.; Suzuki, A. Palladium-Catalyzed Cross-Coupling. *Chem. Rev.* **1995**, *95*, 2457–2483.\n"
           "(2) Fu, G. C. Versatile Methods. *Acc. Chem. Res.* **2008**, *41*, 1555–1564.\n"
           "(3) Anastas, P. T.; Warner, J. C. *Green Chemistry*; Oxford University Press: New York, 1998.\n")
    listed = [dataclasses.replace(r, key=f"k{i}")
              for i, r in enumerate(parse_reference_list(CleanText.identity("r.md", acs)), 1)]
    text = CleanText.identity("a.md", "Couplings remain central (1). Ligands matter (2, 3).")
    citations, findings = find_numbered_citations(text, listed)
    assert [c.key for c in citations] == ["k1", "k2", "k3"] and findings == ()


def test_nature_writes_ref_and_refs_where_a_superscript_would_be_a_power():
    """ "an area of 10 km² (ref. 2)": before, no citation, and entry 2 was reported uncited."""
    text = CleanText.identity("n.md", "An area of 10 km² (ref. 2), as in refs 3, 4 and refs. 1–2; "
                                      "not ref. 1.5 nor Refs 9.")
    citations, findings = find_numbered_citations(text, refs())
    assert [(c.text, c.key) for c in citations] == [
        ("ref. 2", "k2"), ("refs 3, 4", "k3"), ("refs 3, 4", "k4"), ("refs. 1–2", "k1"), ("refs. 1–2", "k2")]
    (missing,) = findings
    assert "entry 9" in missing.message


def test_written_out_refs_leave_superscripts_that_lost_their_formatting_readable():
    text = CleanText.identity("n.md", "Reefs decline worldwide1,2. Heat drives bleaching3 over 10 km² (ref. 4).")
    citations, _ = find_numbered_citations(text, refs())
    assert [c.key for c in citations] == ["k1", "k2", "k3", "k4"]
