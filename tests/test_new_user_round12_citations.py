"""Citations an editor checks that round 12's essays found mishandled: a one-word short title in a Chicago note
that starts two entries' titles, and the year a missing note's message names."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citations import find_citations
from citecheck.pipeline import check


def _checked(tmp_path, monkeypatch, document: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(document, encoding="utf-8")
    return check(["doc.md"], Settings())


def _problems(result) -> list[tuple[str, str]]:
    return [(f.kind.value, f.message) for f in result.findings if f.severity.name in ("ERROR", "WARNING")]


ODESSA = """# Odessa

The port grew fast.[^1] Its merchants were foreign.[^2] Credit came from abroad.[^3] The war came.[^4]
The pogrom followed.[^5]

[^1]: Patricia Herlihy, *Odessa: A History, 1794–1914* (Cambridge, MA: Harvard University Press, 1986), 21.
[^2]: Charles King, *Odessa: Genius and Death in a City of Dreams* (New York: W. W. Norton, 2011), 47.
[^3]: Herlihy, *Odessa*, 140.
[^4]: Kign, *Odessa*, 201.
[^5]: Robert Weinberg, *The Revolution of 1905 in Odessa: Blood on the Steps* (Bloomington: Indiana University Press, 1993), 164.

## Bibliography

Herlihy, Patricia. *Odessa: A History, 1794–1914*. Cambridge, MA: Harvard University Press, 1986.

King, Charles. *Odessa: Genius and Death in a City of Dreams*. New York: W. W. Norton, 2011.
"""


def test_a_one_word_short_title_cites_the_entry_of_the_author_it_names(tmp_path, monkeypatch):
    # "*Odessa*" is too short for the fuzzy prefix of a long short title: it was compared with the whole title, so
    # "Herlihy, *Odessa*, 140." was a missing reference, and "Kign, *Odessa*" hid a misspelt King
    result = _checked(tmp_path, monkeypatch, ODESSA)
    herlihy, king = (r.key for r in result.references)
    assert result.citation_targets[:3] == (herlihy, king, herlihy)
    problems = _problems(result)
    assert [kind for kind, _ in problems] == ["missing-reference", "name-mismatch"]
    assert 'cited as "Kign"' in problems[1][1] and 'listed as "King"' in problems[1][1]


def test_a_missing_notes_year_is_its_publication_year_not_a_year_in_its_title(tmp_path, monkeypatch):
    (missing,) = [f for f in _checked(tmp_path, monkeypatch, ODESSA).findings if f.kind is Kind.MISSING_REFERENCE]
    assert missing.message.endswith("(nor one from 1993 by Weinberg)")


def test_authors_cited_in_another_order_are_one_warning_not_a_missing_and_an_uncited_entry(tmp_path, monkeypatch):
    result = _checked(tmp_path, monkeypatch, "# T\n\nGarcia and Olsen (2014) describe it, as do (Olsen & Garcia, 2014).\n\n"
                      "## References\n\nOlsen, H., & Garcia, M. (2014). Notice periods and tenant mobility. *Nordic "
                      "Journal of Housing*, 8(1), 1–19.\n")
    (problem,) = [f for f in result.findings if f.severity.name in ("ERROR", "WARNING")]
    assert problem.kind is Kind.ETAL_MISUSE and problem.citation == "Garcia and Olsen (2014)"
    assert "another order than the entry (Olsen & Garcia)" in problem.message
    assert problem.suggested == "Olsen and Garcia"
    assert result.citation_targets == (result.references[0].key,) * 2
    # the fix reorders the names as the citation writes them, for review (the entry's order may be the wrong one)
    assert (problem.fix.target.value, problem.fix.before, problem.fix.after, problem.fix.confidence) == (
        "citation", "Garcia and Olsen", "Olsen and Garcia", 0.5)
    three = _checked(tmp_path, monkeypatch, "# T\n\nRents rose (Lee, Kim, & Park, 2019).\n\n## References\n\n"
                     "Kim, A., Lee, B., & Park, C. (2019). Rents. *Cities*, 80, 1-9.\n")
    (problem,) = [f for f in three.findings if f.kind is Kind.ETAL_MISUSE]
    assert (problem.fix.before, problem.fix.after) == ("Lee, Kim, & Park", "Kim, Lee, & Park")
    assert "(Kim, Lee & Park)" in problem.message


def test_some_authors_named_in_the_lists_order_are_the_entry_naming_only_some(tmp_path, monkeypatch):
    result = _checked(tmp_path, monkeypatch, "# T\n\nConfidence fell (de Figueiredo, Simas, & Larson, 2020).\n\n"
                      "## References\n\nde Figueiredo, A., Simas, C., Karafillakis, E., Paterson, P., & Larson, H. J. "
                      "(2020). Mapping global trends in vaccine confidence. *The Lancet*, 396(10255), 898–908.\n")
    (problem,) = [f for f in result.findings if f.severity.name in ("ERROR", "WARNING")]
    assert problem.kind is Kind.ETAL_MISUSE and "names only some of the 5 authors" in problem.message
    assert problem.suggested == "de Figueiredo et al."
    # a name the entry does not list is still no fit: a missing reference
    result = _checked(tmp_path, monkeypatch, "# T\n\nConfidence fell (de Figueiredo, Simas, & Moreau, 2020).\n\n"
                      "## References\n\nde Figueiredo, A., Simas, C., Karafillakis, E., Paterson, P., & Larson, H. J. "
                      "(2020). Mapping global trends in vaccine confidence. *The Lancet*, 396(10255), 898–908.\n")
    assert [f.kind for f in result.findings if f.severity.name == "ERROR"] == [Kind.MISSING_REFERENCE]


def test_the_first_entrys_wrapped_line_in_a_labelled_list_stays_with_it():
    # the rule "a line without a label goes on with the entry" waited for one closed labelled entry, so the
    # first entry's second line ("Environment International, ...") became an entry without a title or authors
    from citecheck.parse.references import parse_reference_list
    text = ('[1] R. Kumar, A. Singh, and P. Morawska, "The rise of low-cost sensing for air pollution in cities,"\n'
            "Environment International, vol. 75, pp. 199-205, 2015.\n"
            '[2] N. Castell et al., "Can commercial low-cost sensor platforms contribute to air quality\n'
            'monitoring?," Environment International, vol. 99, pp. 293-302, 2017.\n')
    first, second = parse_reference_list(CleanText.identity("r.txt", text))
    assert (first.authors[0].family, first.year, first.container) == ("Kumar", 2015, "Environment International")
    assert (second.authors[0].family, second.year) == ("Castell", 2017)


@pytest.mark.parametrize("text, names", [
    ("warned of it in the United\nStates, and Riches (2018) extends the argument.", ("Riches",)),
    ("as in Germany, and Riches (2018) extends it.", ("Riches",)),
    ("Smith, Jones, and Riches (2018) extend it.", ("Smith", "Jones", "Riches")),  # the serial comma of three
    ("Jones, and Riches (2018) extend it.", ("Jones", "Riches")),  # a listed name before it stays cited
    ("Smith and Riches (2018) extend it.", ("Smith", "Riches")),
])
def test_a_clause_before_a_comma_and_and_a_name_is_no_author(text, names):
    # "United States, and Riches (2018)" was cited as two authors, a missing reference
    (citation,) = find_citations(CleanText.identity("d.md", text), ("Riches", "Smith", "Jones"))
    assert (citation.name_texts, citation.year) == (names, 2018)


ACCENTS = """# T

Freud's remarks are often invoked (Freud, 1919, as cited in Muller, 2019), and Muller (2019) builds on them.
Dubé (2013) agrees. Van Dijk (2013) shows the framing, and the framing matters (Dijk, 2013).
De Figueiredo et al. (2020) mapped it. Beethoven (1990) wrote the letters.

## References

Beethoven, Ludwig van. (1990). *Letters*. Norton.

de Figueiredo, A., Simas, C., & Larson, H. J. (2020). Mapping vaccine confidence. *The Lancet*, 396, 898–908.

Dube, E. (2013). Vaccine hesitancy. *Human Vaccines*, 9(8), 1763–1773.

Müller, K. (2019). *Domestic overreach*. Verso.

van Dijk, T. A. (2013). *News as discourse revisited*. Erlbaum.
"""


def test_a_name_without_the_accents_or_the_particle_its_other_side_writes_is_a_warning_with_a_fix(tmp_path, monkeypatch):
    # folding made "Muller" fit Müller silently; an editor makes them agree, and fixes the side that lacks them
    result = _checked(tmp_path, monkeypatch, ACCENTS)
    assert all(result.citation_targets[1:])  # the first is Freud, cited through Müller and not listed
    found = {(f.fix.before, f.fix.after, f.fix.target.value) for f in result.findings if f.kind is Kind.NAME_MISMATCH}
    assert found == {("Muller", "Müller", "citation"), ("Dube", "Dubé", "reference"), ("Dijk", "van Dijk", "citation")}
    assert {f.severity.name for f in result.findings if f.kind is Kind.NAME_MISMATCH} == {"WARNING"}
    muller = next(f for f in result.findings if f.fix and f.fix.before == "Muller")
    assert len(muller.fix.locations) == 2  # the secondary source's name too
    # "Van Dijk (2013)" and "De Figueiredo et al. (2020)" open sentences: cited with their particles, no finding
    assert [c.name_texts[0] for c in result.citations if c.year == 2020] == ["De Figueiredo"]
    assert [f.message for f in result.findings if f.severity.name == "ERROR"] == []


def test_the_accent_and_particle_fixes_are_applied_and_a_second_fix_changes_nothing(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from citecheck.cli.app import app
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(ACCENTS, encoding="utf-8")
    assert CliRunner().invoke(app, ["check", "doc.md", "--offline", "--fix"]).exit_code == 0
    fixed = (tmp_path / "doc.fixed.md").read_text(encoding="utf-8")
    assert "as cited in Müller, 2019), and Müller (2019)" in fixed and "(van Dijk, 2013)" in fixed
    assert "Dubé, E. (2013)" in fixed and "Van Dijk (2013) shows" in fixed and "Beethoven (1990)" in fixed
    assert (tmp_path / "doc.md").read_text(encoding="utf-8") == ACCENTS  # the original is kept
    (tmp_path / "again.md").write_text(fixed, encoding="utf-8")
    CliRunner().invoke(app, ["check", "again.md", "--offline", "--fix"])
    assert (tmp_path / "again.fixed.md").read_text(encoding="utf-8") == fixed


def test_a_body_a_comma_and_what_it_is_is_one_organisation(tmp_path, monkeypatch):
    # "Gavi, the Vaccine Alliance" was two authors, Gavi and "the Vaccine Alliance": "Gavi's (2018)" then named
    # "only one of the two authors"
    result = _checked(tmp_path, monkeypatch, "# T\n\nGavi's (2018) strategy set targets (Gavi, the Vaccine Alliance, "
                      "2018).\n\n## References\n\nGavi, the Vaccine Alliance. (2018). *Phase V strategy 2021–2025*. "
                      "Gavi.\n")
    (gavi,) = result.references
    assert [a.literal for a in gavi.authors] == ["Gavi, the Vaccine Alliance"] and gavi.key == "gaviPhase2018"
    assert _problems(result) == [] and result.citation_targets == ("gaviPhase2018",) * 2


def test_an_organisation_cited_by_part_of_its_name_is_fixed_to_the_whole_name(tmp_path, monkeypatch):
    # no evidence weighed "Health Organization" against "World Health Organization": a tie, never fixed
    result = _checked(tmp_path, monkeypatch, "# T\n\nThe gap was large (World Health Organization, 2020), and larger "
                      "later (Health Organization, 2020).\n\n## References\n\nWorld Health Organization. (2020). "
                      "*Global spending on health 2020*. WHO.\n")
    (finding,) = [f for f in result.findings if f.kind is Kind.NAME_MISMATCH]
    assert (finding.fix.before, finding.fix.after, finding.fix.target.value) == (
        "Health Organization", "World Health Organization", "citation")
    assert finding.fix.confidence >= 0.8 and any(e.source == "the names' words" for e in finding.evidence)


HERLIHY = """# Trade and Empire

The port grew.[^1] The later history differs.[^2] Trade collapsed.[^3] The state intervened.[^4]

[^1]: Patricia Herlihy, *Odessa: A History, 1794–1914* (Cambridge, MA: Harvard University Press, 1986), 21.
[^2]: Patricia Herlihy, *Odessa Recollected: The Port and the People* (Boston: Academic Studies Press, 2018), 12.
[^3]: Herlihy, op. cit., 155.
[^4]: Gatrell, op. cit., 132.

## Bibliography

Gatrell, Peter. *The Tsarist Economy, 1850–1917*. London: Batsford, 1986.

Herlihy, Patricia. *Odessa: A History, 1794–1914*. Cambridge, MA: Harvard University Press, 1986.

Herlihy, Patricia. *Odessa Recollected: The Port and the People*. Boston: Academic Studies Press, 2018.
"""


def test_op_cit_cites_the_authors_work_cited_last_and_says_so_when_there_is_none(tmp_path, monkeypatch):
    # "Herlihy, op. cit." for an author of two listed works was no citation at all: dropped without a word
    result = _checked(tmp_path, monkeypatch, HERLIHY)
    gatrell, first, second = (r.key for r in result.references)
    assert result.citation_targets == (first, second, second, gatrell)
    assert result.citations[2].locator == "155"
    assert _problems(result) == []
    # no earlier note cites Herlihy: "op. cit." repeats nothing, of two works
    result = _checked(tmp_path, monkeypatch, HERLIHY.replace("[^1]: Patricia Herlihy, *Odessa: A History, 1794–1914* "
                      "(Cambridge, MA: Harvard University Press, 1986), 21.", "[^1]: Gatrell, *Tsarist Economy*, 3.")
                      .replace("[^2]: Patricia Herlihy, *Odessa Recollected: The Port and the People* (Boston: Academic "
                               "Studies Press, 2018), 12.", "[^2]: Smith, op. cit., 4."))
    problems = [p for p in _problems(result) if p[0] != "uncited-reference"]  # Herlihy's two works are uncited now
    assert [kind for kind, _ in problems] == ["missing-reference", "ambiguous-citation"]
    assert "no earlier note cites a work by Herlihy" in problems[1][1] and "no bibliography entry has that author" in problems[0][1]


def test_an_mla_short_title_the_line_wrapped_is_still_the_citations_title(tmp_path, monkeypatch):
    # "(Adichie, *Half of a" / "Yellow Sun* 102)" was no citation: the entry was uncited
    result = _checked(tmp_path, monkeypatch, "# T\n\nAdichie stages it anew (Adichie, *Half of a\nYellow Sun* 102), and "
                      "warns against the single story (Adichie, *Danger* 8), as Gikandi's essay does (\"Chinua Achebe and\n"
                      "the Invention\" 3).\n\nWorks Cited\n\nAdichie, Chimamanda Ngozi. *Half of a Yellow Sun*. Knopf, 2006.\n\n"
                      "Adichie, Chimamanda Ngozi. *The Danger of a Single Story*. TED, 2009.\n\nGikandi, Simon. \"Chinua "
                      "Achebe and the Invention of African Culture.\" *Research in African Literatures*, vol. 32, no. 3, "
                      "2001, pp. 3-8.\n")
    half, danger, gikandi = (r.key for r in result.references)
    assert result.citation_targets == (half, danger, gikandi)
    assert _problems(result) == []


BOMBAY = """The Politics of Water in Colonial Bombay

Bombay's water supply was a political project.1 Its costs fell on the poor.2 Engineers knew this.3
Mortality stayed high.4 Dossal's figures differ.5 Others agree.6

Notes

1. Prashant Kidambi, The Making of an Indian Metropolis: Colonial Governance and Public Culture in Bombay,
1890-1920 (Aldershot: Ashgate, 2007), 34.
2. Mariam Dossal, Imperial Designs and Indian Realities: The Planning of Bombay City, 1845-1875 (Bombay: Oxford University Press, 1991), 112.
3. Ibid., 118.
4. Ira Kline, "Urban Development and Death: Bombay City, 1870-1914," Modern Asian Studies 20, no. 4 (1986): 730.
5. Mariam Dossal, Imperial Designs and Indian Realities (Bombay: Oxford University Press, 1990), 5.
6. Jim Masselos, "Appropriating Urban Space," South Asia 14, no. 1 (1991): 33.

Bibliography

Dossal, Mariam. Imperial Designs and Indian Realities: The Planning of Bombay City, 1845-1875. Bombay: Oxford University Press, 1991.

Kidambi, Prashant. The Making of an Indian Metropolis: Colonial Governance and Public Culture in Bombay, 1890-1920. Aldershot: Ashgate, 2007.

Klein, Ira. "Urban Development and Death: Bombay City, 1870-1914." Modern Asian Studies 20, no. 4 (1986): 725-54.
"""


def test_plain_text_endnotes_under_a_notes_heading_are_read_as_notes(tmp_path, monkeypatch):
    # Chicago's endnotes pasted as text ("Notes" then "1. Prashant Kidambi, ...") were body text: every facts of
    # publication, "(Aldershot: Ashgate, 2007)", was a missing reference and every entry was uncited
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.txt").write_text(BOMBAY, encoding="utf-8")
    result = check(["essay.txt"], Settings())
    dossal, kidambi, klein = (r.key for r in result.references)
    assert result.citation_targets[:3] == (kidambi, dossal, dossal)  # "Ibid." repeats note 2's work
    problems = _problems(result)
    assert [kind for kind, _ in problems] == ["missing-reference", "name-mismatch", "year-mismatch"]
    assert "note 6" in problems[0][1] and 'cited as "Kline"' in problems[1][1] and "cited as 1990" in problems[2][1]


def test_a_notes_list_of_remarks_keeps_its_author_date_citations():
    from citecheck.parse.citation_notes import numbered_notes
    text = ("Body.1\n\nNotes\n\n1. Interviews were anonymised.\n2. See Lee (2020) for the method,\nand Smith (2019).\n\n"
            "A paragraph after the notes.\n3. Not a note: the list ended at the blank line.\n")
    notes = numbered_notes(text)
    assert [(n.label, text[n.start:n.end]) for n in notes] == [
        ("1", "Interviews were anonymised."), ("2", "See Lee (2020) for the method,\nand Smith (2019).")]
    cited = find_citations(CleanText.identity("d.txt", text), ("Lee", "Smith"))
    assert [c.name_texts for c in cited] == [("Lee",), ("Smith",)]


@pytest.mark.parametrize("text", [
    "(see Smith, 2019, for a review)", "(Smith, 2019, for details)", "(for a review, see Smith, 2019)",
    "(For an overview, see Smith, 2019)", "(Smith, 2019, among others)", "(Smith, 2019, and references therein)",
    "Smith (2019, for a review) agrees.",
])
def test_what_a_work_is_cited_for_keeps_the_citation(text):
    # APA's "(see Smith, 2019, for a review)" was no citation at all: the entry was reported uncited
    (citation,) = find_citations(CleanText.identity("d.md", text), ("Smith",))
    assert (citation.name_texts, citation.year) == (("Smith",), 2019)
    assert text[citation.names[0].span.start:citation.names[0].span.end] == "Smith"


def test_ibid_opening_the_first_note_repeats_nothing(tmp_path, monkeypatch):
    result = _checked(tmp_path, monkeypatch, "# T\n\nA claim.[^1] Another.[^2] A third.[^3]\n\n[^1]: Ibid., 4.\n"
                      "[^2]: Charles King, *Odessa: Genius and Death in a City of Dreams* (New York: W. W. Norton, 2011), "
                      "47.\n[^3]: Ibid.\n\n## Bibliography\n\nKing, Charles. *Odessa: Genius and Death in a City of "
                      "Dreams*. New York: W. W. Norton, 2011.\n")
    (problem,) = _problems(result)
    assert problem == ("missing-reference", 'note 1 cites "Ibid., 4", but no earlier note cites a work for it to repeat')
    assert result.citation_targets == (result.references[0].key,) * 2


@pytest.mark.parametrize("text", ["Generation Z (2021) behaves differently.", "Basel III (2010) followed.",
                                  "Operation Warp Speed (2020) delivered vaccines.", "Vitamin D (2019) matters."])
def test_a_name_ending_in_a_letter_or_a_numeral_or_naming_an_operation_is_prose(text):
    # each was a missing reference: no cited name ends in a lone capital or a Roman numeral
    assert find_citations(CleanText.identity("d.md", text), ("Smith",)) == ()


def test_a_listed_name_with_a_numeral_after_it_is_still_cited():
    (citation,) = find_citations(CleanText.identity("d.md", "Smith III (2019) argues."), ("Smith",))
    assert citation.name_texts == ("Smith",)


def test_three_authors_named_in_a_narrative_citation_of_an_apa_list_get_apas_advice(tmp_path, monkeypatch):
    entry = ("Gradisar, M., Gardner, G., {} Dohnt, H. (2011). Recent worldwide sleep patterns. *Sleep Medicine*, "
             "12(2), 110–118.\n")
    text = "# T\n\nGradisar, Gardner, and Dohnt (2011) reviewed it.\n\n## References\n\n"
    result = _checked(tmp_path, monkeypatch, text + entry.format("&"))
    (advice,) = [f for f in result.findings if f.kind is Kind.ETAL_MISUSE]
    assert advice.severity.name == "INFO" and advice.suggested == "Gradisar et al."
    # Harvard's list ("... and Dohnt, H. (2011)") names three authors in full: no advice
    result = _checked(tmp_path, monkeypatch, text.replace(", and", " and") + entry.format("and").replace("G., and", "G. and"))
    assert [f for f in result.findings if f.kind is Kind.ETAL_MISUSE] == []


def test_a_lone_year_suffix_in_the_list_is_dropped_from_the_entry_not_added_to_the_citation(tmp_path, monkeypatch):
    # "(Lee 2020)" for the only Lee entry, listed "2020a": the fix added "a" to the citation (0.95)
    monkeypatch.chdir(tmp_path)
    document = ("# T\n\nWages lagged (Lee 2020), as Lee (2020) shows (Smith 2019a, 2019b).\n\n## References\n\n"
                "Lee, K. (2020a) *Wages*. Bristol: Policy Press.\n\nSmith, J. (2019a) *Rents*. London: Verso.\n\n"
                "Smith, J. (2019b) *More rents*. London: Verso.\n")
    (tmp_path / "doc.md").write_text(document, encoding="utf-8")
    result = check(["doc.md"], Settings())
    (year,) = [f for f in result.findings if f.kind is Kind.YEAR_MISMATCH]
    assert (year.fix.target.value, year.fix.before, year.fix.after, year.fix.confidence) == ("reference", "2020a", "2020", 0.9)
    from typer.testing import CliRunner

    from citecheck.cli.app import app
    CliRunner().invoke(app, ["check", "doc.md", "--offline", "--fix", "--bib-out", "refs.bib"])
    assert "Lee, K. (2020) *Wages*" in (tmp_path / "doc.fixed.md").read_text(encoding="utf-8")
    lee = (tmp_path / "refs.bib").read_text(encoding="utf-8").split("@book{lee", 1)[1].split("\n}", 1)[0]
    assert "2020" in lee and "2020a" not in lee
    # a citation that writes the suffix makes the sides disagree: shown, not applied
    (tmp_path / "doc.md").write_text(document.replace("Wages lagged (Lee 2020)", "Wages lagged (Lee 2020a)"), encoding="utf-8")
    (year,) = [f for f in check(["doc.md"], Settings()).findings if f.kind is Kind.YEAR_MISMATCH]
    assert year.fix.confidence == 0.5 and "not decided" in year.message


def test_endnotes_whose_numbers_lost_their_raise_are_notes_too():
    from citecheck.parse.citation_notes import numbered_notes
    text = "Body.1\n\nNotes\n\n1 Prashant Kidambi, The Making of an Indian Metropolis,\n1890-1920 (Aldershot: Ashgate, 2007), 34.\n2 Ibid., 35.\n"
    assert [(n.label, text[n.start:n.end].split(",")[0]) for n in numbered_notes(text)] == [
        ("1", "Prashant Kidambi"), ("2", "Ibid.")]


def test_a_particle_added_to_a_name_opening_a_sentence_gets_its_capital(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from citecheck.cli.app import app
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text("# T\n\nDijk (2013) shows it. It matters (Dijk, 2013), as Dijk (2013) says.\n\n"
                                     "## References\n\nvan Dijk, T. A. (2013). *News as discourse revisited*. Erlbaum.\n",
                                     encoding="utf-8")
    CliRunner().invoke(app, ["check", "doc.md", "--offline", "--fix"])
    assert (tmp_path / "doc.fixed.md").read_text(encoding="utf-8").split("\n")[2] == (
        "Van Dijk (2013) shows it. It matters (van Dijk, 2013), as van Dijk (2013) says.")


def test_the_page_after_a_quotation_belongs_to_the_narrative_citation_that_opened_the_sentence(tmp_path, monkeypatch):
    # APA's 'Kowalski (2018) writes that "..." (p. 80).': the page was lost, so it was never checked
    text = ('Kowalski (2018) writes that "rent is the price of distance" (p. 80). Later he adds that "the commute\n'
            'is priced in" (p. 75). Lee (2020) found (p. 3) nothing. Kim (2019) says “it is so” (pp. 3–4).')
    assert [(c.name_texts[0], c.locator) for c in find_citations(CleanText.identity("d.md", text), ("Kowalski", "Lee", "Kim"))] == [
        ("Kowalski", "p. 80"), ("Lee", ""), ("Kim", "pp. 3–4")]
    result = _checked(tmp_path, monkeypatch, f"# T\n\n{text}\n\n## References\n\nKowalski, P. (2018). Commuting costs. "
                      "*Journal of Urban Economics*, 104(2), 33–58.\n\nLee, A. (2020). *Tenants*. Sage.\n\n"
                      "Kim, B. (2019). *Rents*. Verso.\n")
    assert [kind for kind, _ in _problems(result)] == ["page-out-of-range"]


def _notes_after_the_bibliography(marked: bool) -> str:
    body, rest = BOMBAY.split("Notes\n", 1)
    notes, bibliography = rest.split("Bibliography\n", 1)
    mark = "## " if marked else ""
    return body + f"{mark}Bibliography\n" + bibliography.rstrip("\n") + f"\n\n{mark}Notes\n" + notes


@pytest.mark.parametrize("marked", [False, True])
def test_endnotes_after_the_bibliography_are_notes_not_entries(tmp_path, monkeypatch, marked):
    # after the list, the notes were five more entries (plain text), or text not read (Markdown's "## Notes")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(_notes_after_the_bibliography(marked), encoding="utf-8")
    result = check(["essay.md"], Settings())
    assert len(result.references) == 3
    assert [kind for kind, _ in _problems(result)] == ["missing-reference", "name-mismatch", "year-mismatch"]
