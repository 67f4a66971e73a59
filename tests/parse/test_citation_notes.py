"""Notes-bibliography documents: citations in pandoc footnotes matched to the bibliography."""
from __future__ import annotations

import dataclasses

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citation_notes import find_note_citations, note_definitions
from citecheck.parse.references import parse_reference_list

BIBLIOGRAPHY = """Barr, Heather. "China's Bride Trafficking Problem." *The Diplomat*, October 31, 2019.

Lee, Min-ji. *Crossing the Tumen*. Seoul: Hanul, 2015.

Zaugg, Julie. "These North Korean Defectors Were Sold into China as Cybersex Slaves." CNN, June 10, 2019.
"""
ESSAY = """# Brides for sale

Trafficking has grown.[^1] Brokers sell women,[^2] and few escape.[^3] Some write memoirs.[^4]
Others are silent.[^5] A remark.[^6]

[^1]: Heather Barr, "China's Bride Trafficking Problem," *The Diplomat*, October 31, 2019.
[^2]: Julie Zuagg, "These North Korean Defectors Were Sold into China," CNN, June 10, 2019; see also Min-ji Lee, *Crossing the Tumen* (Seoul: Hanul, 2015), 45.
[^3]: Ibid., 46.
[^4]: Anna Park, *Nowhere to Go* (London: Verso, 2018).
[^5]: Barr, "China's Bride."
[^6]: The term "bride" is used loosely here.

## Bibliography

""" + BIBLIOGRAPHY


def refs():
    found = parse_reference_list(CleanText.identity("b.md", BIBLIOGRAPHY))
    return [dataclasses.replace(r, key=k) for r, k in zip(found, ("barr", "lee", "zaugg"))]


def test_definitions_end_at_the_next_definition_or_a_blank_line():
    text = CleanText.identity("e.md", "Text.[^a]\n\n[^a]: One,\n    two.\n[^b]: Three.\n\nBody again.\n")
    assert [(n.label, text.text[n.start:n.end]) for n in note_definitions(text)] == [("a", "One,\n    two."), ("b", "Three.")]


def test_each_work_of_a_note_is_matched_by_title_and_author():
    text = CleanText.identity("e.md", ESSAY.split("## Bibliography")[0])
    notes = find_note_citations(text, refs())
    by = [(c.text.split(",")[0], c.key, [n.text for n in c.names], c.locator) for c in notes.citations]
    assert by == [
        ("Heather Barr", "barr", [], ""),
        ("Julie Zuagg", "", ["Zuagg"], ""),  # the title agrees, the name does not: weighed by reconcile
        ("Min-ji Lee", "lee", [], ""),
        ("Ibid.", "lee", [], "46"),  # the work cited last
        ('Barr', "barr", [], ""),  # a short title is a prefix of the full one
    ]
    (missing,) = notes.findings
    assert missing.kind is Kind.MISSING_REFERENCE and "note 4" in missing.message and "Nowhere to Go" in missing.message
    # the note text is blanked for the author-date reader: "(Seoul: Hanul, 2015)" is no citation
    assert "Hanul" not in notes.rest.text and len(notes.rest.text) == len(text.text)


def test_a_notes_bibliography_essay_cross_checks(tmp_path, monkeypatch):
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "nb.md").write_text(ESSAY, encoding="utf-8")
    result = check(["nb.md"], Settings())
    kinds = sorted(f.kind.value for f in result.findings if f.kind in {
        Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE, Kind.NAME_MISMATCH})
    assert kinds == ["missing-reference", "name-mismatch"]  # Park's book; Zuagg -> Zaugg; nothing uncited
    (mismatch,) = [f for f in result.findings if f.kind is Kind.NAME_MISMATCH]
    assert mismatch.suggested == "Zaugg"


def test_pandoc_inline_notes_are_notes_too():
    body = ('Trafficking has grown.^[Heather Barr, "China\'s Bride Trafficking Problem," *The Diplomat*, 2019; '
            'see [the map](https://x.org).] Few escape.^[Anna Park, *Nowhere to Go* (London: Verso, 2018).]\n')
    text = CleanText.identity("e.md", body)
    notes = find_note_citations(text, refs())
    assert [c.key for c in notes.citations] == ["barr"]
    (missing,) = notes.findings
    assert missing.message.startswith('a note cites "Anna Park') and "Nowhere to Go" in missing.message
    assert notes.rest.text.startswith("Trafficking has grown.") and "Barr" not in notes.rest.text
    assert "Few escape." in notes.rest.text and len(notes.rest.text) == len(body)


def test_ibid_skips_a_remark_but_not_a_missing_work():
    body = ('Text.[^1] More.[^2] Again.[^3] Last.[^4]\n\n'
            '[^1]: Heather Barr, "China\'s Bride Trafficking Problem," 2019.\n'
            '[^2]: The term "bride" is used loosely here.\n'
            '[^3]: Ibid., 4.\n'
            '[^4]: Anna Park, *Nowhere to Go*, 2018; ibid., 7.\n')
    notes = find_note_citations(CleanText.identity("e.md", body), refs())
    assert [(c.text, c.key) for c in notes.citations] == [
        ('Heather Barr, "China\'s Bride Trafficking Problem," 2019', "barr"), ("Ibid., 4", "barr")]
    assert len(notes.findings) == 1  # Park's book; the "ibid." after it cites nothing known


def test_a_title_that_lost_its_italics_tells_two_works_of_one_family_apart():
    """A Word footnote loses a book title's italics: "Jan Assmann, Cultural Memory ... (Cambridge: ...)"."""
    bibliography = (
        'Assmann, Aleida. "Canon and Archive." In *Cultural Memory Studies*, edited by Astrid Erll, 97-107. '
        "Berlin: de Gruyter, 2008.\n\n"
        "Assmann, Jan. *Cultural Memory and Early Civilization: Writing, Remembrance, and Political Imagination*. "
        "Cambridge: Cambridge University Press, 2011.\n")
    found = parse_reference_list(CleanText.identity("b.md", bibliography))
    listed = [dataclasses.replace(r, key=k) for r, k in zip(found, ("aleida", "jan"))]
    note = ("Text.[^1]\n\n[^1]: Jan Assmann, Cultural Memory and Early Civilization (Cambridge: Cambridge University "
            "Press, 2011); Aleida Assmann, “Canon and Archive,” in Cultural Memory Studies, ed. Astrid Erll "
            "(Berlin: de Gruyter, 2008), 97–107.\n")
    notes = find_note_citations(CleanText.identity("e.md", note), listed)
    assert [c.key for c in notes.citations] == ["jan", "aleida"] and notes.findings == ()
    # text after the names that is no title of theirs is still a remark
    remark = find_note_citations(CleanText.identity("e.md", "X.[^1]\n\n[^1]: Jan Assmann, in conversation.\n"), listed)
    assert remark.citations == () and remark.findings == ()


def test_an_unlisted_book_that_lost_its_italics_is_a_missing_reference():
    """A Word footnote citing a book no entry has, "Anna Park, Nowhere to Go (London: Verso, 2018), 3": with no
    quotes and no italics it was taken for a remark, and the missing work went unsaid (session 14)."""
    note = ("X.[^1] Y.[^2]\n\n[^1]: Anna Park, Nowhere to Go (London: Verso, 2018), 3.\n\n"
            "[^2]: Min-ji Lee, Crossing the Tumen (Seoul: Hanul, 2015), 45; Jan Assmann, in conversation (2019).\n")
    notes = find_note_citations(CleanText.identity("e.md", note), refs())
    assert [c.key for c in notes.citations] == ["lee"]
    (missing,) = notes.findings
    assert missing.kind is Kind.MISSING_REFERENCE and missing.message.startswith('note 1 cites "Anna Park, Nowhere')


def _keyed(bibliography: str, keys: tuple[str, ...]):
    found = parse_reference_list(CleanText.identity("b.md", bibliography))
    return [dataclasses.replace(r, key=k) for r, k in zip(found, keys)]


def test_a_shortened_note_leaves_out_the_titles_leading_article():
    bibliography = ("Kelman, Ari. *A River and Its City: The Nature of Landscape in New Orleans*. Berkeley: "
                    "University of California Press, 2003.\n")
    text = CleanText.identity("e.md", "Levees.[^1]\n\n[^1]: Kelman, *River and Its City*, 118.\n")
    notes = find_note_citations(text, _keyed(bibliography, ("kelman",)))
    assert [c.key for c in notes.citations] == ["kelman"] and notes.findings == ()


def test_an_oscola_note_quotes_its_title_in_single_quotes():
    bibliography = ("Stapleton J, 'Duty of Care Factors: A Selection from the Judicial Menus' in Cane P and "
                    "Stapleton J (eds), *The Law of Obligations* (OUP 1998)\n\n"
                    "Stapleton J, 'Duty of Care: Peripheral Parties and Alternative Opportunities for Deterrence' "
                    "(1995) 111 LQR 301\n")
    text = CleanText.identity("e.md", "Duty.[^1] Deterrence.[^2]\n\n"
                              "[^1]: Jane Stapleton, 'Duty of Care Factors: A Selection from the Judicial Menus' in "
                              "Peter Cane and Jane Stapleton (eds), *The Law of Obligations* (OUP 1998) 59.\n"
                              "[^2]: Jane Stapleton, ‘Duty of Care: Peripheral Parties’ (1995) 111 LQR 301.\n")
    notes = find_note_citations(text, _keyed(bibliography, ("factors", "peripheral")))
    assert [c.key for c in notes.citations] == ["factors", "peripheral"] and notes.findings == ()


def test_a_bluebook_note_with_an_italic_signal_and_a_case_by_its_name():
    bibliography = ("Solove, Daniel J. *Understanding Privacy* (Harvard Univ. Press 2008).\n\n"
                    "Carpenter v. United States, 138 S. Ct. 2206 (2018).\n")
    text = CleanText.identity("e.md", "Courts responded.[^1]\n\n[^1]: Carpenter v. United States, 138 S. Ct. 2206, "
                              "2217 (2018); *see also* Daniel J. Solove, *Understanding Privacy* 45 (2008).\n")
    notes = find_note_citations(text, _keyed(bibliography, ("solove", "carpenter")))
    assert [c.key for c in notes.citations] == ["carpenter", "solove"] and notes.findings == ()


def test_ibid_in_other_languages_cites_the_work_cited_last():
    body = ('Text.[^1] More.[^2] Again.[^3] Last.[^4]\n\n'
            '[^1]: Heather Barr, "China\'s Bride Trafficking Problem," 2019.\n'
            '[^2]: Ebd., S. 4.\n'
            '[^3]: Ibídem, p. 5.\n'
            '[^4]: Ivi, p. 6.\n')
    notes = find_note_citations(CleanText.identity("e.md", body), refs())
    assert [(c.text, c.key) for c in notes.citations][1:] == [("Ebd., S. 4", "barr"), ("Ibídem, p. 5", "barr"),
                                                              ("Ivi, p. 6", "barr")]
    assert notes.findings == ()
