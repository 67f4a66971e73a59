"""Unicode superscript citation numbers ("shown.¹²", "trafficking²,³", "⁴⁻⁶") cite numbered entries."""
from __future__ import annotations

import dataclasses

from citecheck.model import CleanText, Kind
from citecheck.parse.citation_numbers import find_numbered_citations
from citecheck.parse.references import parse_reference_list

LIST = "\n".join(f"{i}. Author{chr(64 + i)} A. Title number {i}. J Test. 2019;{i}:1-9." for i in range(1, 15))


def refs():
    parsed = parse_reference_list(CleanText.identity("r.md", LIST))
    return [dataclasses.replace(r, key=f"k{i}") for i, r in enumerate(parsed, 1)]


def cited(text: str):
    citations, findings = find_numbered_citations(CleanText.identity("e.md", text), refs())
    return [(c.text, c.key) for c in citations], findings


def test_superscripts_after_words_and_punctuation_cite_by_number():
    found, findings = cited("As shown before.¹² Trafficking²,³ grows⁴⁻⁶, as (see Lee)⁸ says in *Gauges*⁹.")
    assert found == [("¹²", "k12"), ("²,³", "k2"), ("²,³", "k3"), ("⁴⁻⁶", "k4"), ("⁴⁻⁶", "k5"), ("⁴⁻⁶", "k6"),
                     ("⁸", "k8"), ("⁹", "k9")]
    assert findings == ()


def test_a_superscript_past_the_list_is_a_missing_reference_and_spans_point_at_it():
    text = "Line one.\nRates rose¹⁵ sharply."
    citations, findings = find_numbered_citations(CleanText.identity("e.md", text), refs())
    (missing,) = findings
    assert missing.kind is Kind.MISSING_REFERENCE and "entry 15" in missing.message
    assert (missing.span.line, missing.span.column) == (2, 11)
    assert cited("The year 2019 gave rise⁹⁹.")[0] == []  # far past the list's end: no citation


def test_units_variables_and_formulas_are_no_citations():
    text = ("An area of 5 m², 3 km² and 2 cm³; 12 kph² too; x² and r² = 0.9; E = mc²; 10⁻³ and s⁻¹; "
            "(a+b)²; x²y; 40 ft² of floor; 7 in² each; Fe²⁺ ions.")
    assert cited(text) == ([], ())


def test_superscripts_need_a_numbered_reference_list():
    plain = parse_reference_list(CleanText.identity("r.md", "Barr, H. (2019). A title. Outlet.\n\nKim, S. (2018). B. C.\n"))
    assert find_numbered_citations(CleanText.identity("e.md", "Shown before.¹²"), plain) == ((), ())


def test_superscripts_and_brackets_in_one_document():
    assert cited("Stages [1] and gauges.²")[0] == [("[1]", "k1"), ("²", "k2")]


def test_superscripts_that_lost_their_formatting_cite_when_they_rise_as_numbered_styles_assign_them():
    text = ("Trafficking rose in China.1 Brides are sold,2,3 and many flee.4 Rates rose1 sharply in 2019.5\n"
            "Brokers move women across the border4-6 at night. See Fig.2 and the mp3 files.")
    found, findings = cited(text)
    assert found == [("1", "k1"), ("2,3", "k2"), ("2,3", "k3"), ("4", "k4"), ("1", "k1"),
                     ("4-6", "k4"), ("4-6", "k5"), ("4-6", "k6")]
    assert findings == ()


def test_digits_glued_to_words_that_do_not_rise_are_no_citations():
    # versions, codes and years: their first appearances do not go 1, 2, 3 ...
    assert cited("We used covid19 data, the h264 codec, release3 and step2 of the test.") == ([], ())
    assert cited("Only two look like it: shown.1 and seen.2 here.") == ([], ())  # fewer than three numbers
    # a document that cites in brackets keeps to its brackets
    assert cited("Stages [1] and gauges.2 and rises.3 and falls.4")[0] == [("[1]", "k1")]


def test_flattened_superscripts_before_a_full_stop_and_apart_by_semicolons_as_natbib_sets_them():
    # a natbib [super] paper read out of its PDF: the cite stands before the full stop, "1;2" its default list
    text = "Rivers are studied widely1;2. Typesetting matters3. Infection control4 and fjords5. Others6–8.\n"
    found, findings = cited(text)
    assert found == [("1;2", "k1"), ("1;2", "k2"), ("3", "k3"), ("4", "k4"), ("5", "k5"),
                     ("6–8", "k6"), ("6–8", "k7"), ("6–8", "k8")]
    assert findings == ()
    assert cited("Only covid19. and h264. and step3.")[0] == []  # not rising from 1: no citations


def test_markdown_superscripts_cite_by_number():
    found, findings = cited("Targets fell.^1,2^ Adherence is poor,^3^ and monitoring helps.^4-6^ See<sup>12</sup>.")
    assert found == [("^1,2^", "k1"), ("^1,2^", "k2"), ("^3^", "k3"), ("^4-6^", "k4"), ("^4-6^", "k5"),
                     ("^4-6^", "k6"), ("<sup>12</sup>", "k12")]
    assert findings == ()


def test_markdown_powers_are_no_citations():
    found, _ = cited("A plot of 5 m^2^ and x^2^ where E = mc^2^ holds.")
    assert found == []
