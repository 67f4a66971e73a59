"""Free-text entry shapes that were misread: Chicago's interviews, the repeated-author dash with a role,
East Asian co-authors written family name first, preprints and presentations."""
from __future__ import annotations

from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.model import CleanText, EntryType, Kind
from citecheck.parse.references import parse_reference_list


def parse(text: str):
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    return ref


def parse_all(*entries: str):
    return parse_reference_list(CleanText.identity("refs.md", "\n\n".join(entries) + "\n"))


def names(names_) -> list[tuple[str, str]]:
    return [(n.family or n.literal, n.given) for n in names_]


# --- interviews (Chicago 17th ed., 14.215-14.219) ----------------------------------------------

INTERVIEW = ("Smith, Ida. Interview by John Doe. July 3, 1975. Transcript. Oral History Collection, University of "
             "Oklahoma, Norman.")
PHOTOGRAPH = ('Lange, Dorothea. "Migrant Mother." Photograph, 1936. Library of Congress Prints and Photographs '
              "Division, Washington, DC.")


def test_a_chicago_unpublished_interview_is_an_interview_not_a_title():
    ref = parse(INTERVIEW)
    assert ref.type is EntryType.INTERVIEW
    assert names(ref.authors) == [("Smith", "Ida")] and ref.editors == ()
    assert ref.title == "Interview by John Doe"  # Chicago's description where a title goes: the records have no interviewer
    assert (ref.year, dict(ref.extra)["date"]) == (1975, "1975-07-03")
    assert (ref.publisher, ref.place, ref.note) == ("Oral History Collection, University of Oklahoma", "Norman", "Transcript")
    assert not [f for f in ref.findings if f.kind is Kind.MALFORMED_REFERENCE]


def test_an_interviewer_with_initials_and_an_archive_in_a_city_and_state():
    ref = parse("Spock, Benjamin. Interview by Milton J. E. Senn. November 20, 1974. Interview 67A, transcript. Senn Oral "
                "History Collection, National Library of Medicine, Bethesda, MD.")
    assert (ref.type, ref.title, dict(ref.extra)["date"]) == (EntryType.INTERVIEW, "Interview by Milton J. E. Senn", "1974-11-20")
    assert (ref.publisher, ref.place, ref.note) == (
        "Senn Oral History Collection, National Library of Medicine", "Bethesda, MD", "Interview 67A, transcript")


def test_published_and_author_date_interviews():
    ref = parse("Poitier, Sidney. Interview by Walter Cronkite. CBS Evening News, April 3, 1983.")
    assert (ref.type, ref.container, ref.publisher, dict(ref.extra)["date"]) == (
        EntryType.INTERVIEW, "CBS Evening News", "", "1983-04-03")
    ref = parse("Gaga, Lady. “Lady Gaga: ‘I’m Not Going to Stop.’” Interview by Jon Pareles. *New York Times*, May 25, 2011.")
    assert (ref.title, ref.note, ref.container) == ("Lady Gaga: ‘I’m Not Going to Stop’", "Interview by Jon Pareles",
                                                   "New York Times")
    ref = parse("Smith, Ida. 1975. Interview by John Doe. July 3. Transcript. Oral History Collection, University of "
                "Oklahoma, Norman.")
    assert (ref.type, ref.year, dict(ref.extra)["date"], ref.place) == (EntryType.INTERVIEW, 1975, "1975-07-03", "Norman")


def test_a_title_about_an_interview_is_no_interview():
    ref = parse('Johnson, Mark. 2019. "An Interview with a Tree." *Nature Notes* 3 (2): 4–5.')
    assert ref.type is EntryType.ARTICLE and ref.title == "An Interview with a Tree"


def test_the_photograph_keeps_its_title_and_year():
    ref = parse(PHOTOGRAPH)
    assert (names(ref.authors), ref.title, ref.year) == ([("Lange", "Dorothea")], "Migrant Mother", 1936)


def test_the_interview_footnote_matches_its_entry(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_text(
        "# The Dust Bowl\n\nOne farmer remembered it.[^1] A photograph survives.[^2]\n\n"
        "[^1]: Ida Smith, interview by John Doe, July 3, 1975, transcript, Oral History Collection, University of Oklahoma.\n"
        '[^2]: Dorothea Lange, "Migrant Mother," photograph, 1936, Library of Congress Prints and Photographs Division, '
        "Washington, DC.\n\n## Bibliography\n\n" + PHOTOGRAPH + "\n\n" + INTERVIEW + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(essay), "--offline"])
    assert "2 references, 2 citations (2 matched); 0 errors, 0 warnings, 0 info" in result.stdout
    assert result.exit_code == 0


# --- the repeated-author dash with a role (Chicago 15.18) ----------------------------------------

FIRST = "Morrison, Toni. *Beloved*. New York: Knopf, 1987."


def test_a_dash_with_ed_or_eds_gives_the_names_as_editors():
    refs = parse_all(FIRST, "———, ed. *To Die for the People*. New York: Random House, 1972.",
                     "———, eds. *Playing in the Dark*. Cambridge: Harvard University Press, 1992.")
    assert [(names(r.authors), names(r.editors)) for r in refs[1:]] == [([], [("Morrison", "Toni")])] * 2
    assert [r.title for r in refs[1:]] == ["To Die for the People", "Playing in the Dark"]


def test_a_dash_with_trans_gives_the_names_as_translators_and_the_next_dash_still_has_them():
    refs = parse_all(FIRST, "———, trans. *The Bluest Eye*. New York: Holt, 1970.", "———. *Jazz*. New York: Knopf, 1992.")
    assert (refs[1].authors, refs[1].editors, dict(refs[1].extra)["translator"]) == ((), (), "Morrison, Toni")
    assert refs[1].title == "The Bluest Eye"
    assert names(refs[2].authors) == [("Morrison", "Toni")]


def test_author_date_and_mla_dashes_with_a_role():
    refs = parse_all("Smith, John. 2019a. *Water and Cities*. Chicago: University of Chicago Press.",
                     "———, ed. 2020. *Urban Water*. London: Routledge.",
                     "———, ed. and trans. 2024. *Ponds*. London: Verso.",
                     "---, editor. *Lakes*. Norton, 2023.",
                     "---, translator. *Seas*. Norton, 2023.")
    smith = [("Smith", "John")]
    assert [(names(r.authors), names(r.editors), dict(r.extra).get("translator")) for r in refs[1:]] == [
        ([], smith, None), ([], smith, "Smith, John"), ([], smith, None), ([], [], "Smith, John")]
    assert [r.title for r in refs[1:]] == ["Urban Water", "Ponds", "Lakes", "Seas"]
    assert all(r.year for r in refs)


def test_a_dash_with_a_co_author_is_not_a_role():
    refs = parse_all(FIRST, "———, and Jane Doe. *Paradise*. New York: Knopf, 1998.")
    assert names(refs[1].authors)[0] == ("Morrison", "Toni") and refs[1].editors == ()


# --- East Asian co-authors, family name first (Chicago 8.14-8.15) -----------------------------------


def test_chinese_co_authors_family_name_first():
    ref = parse("Wang Hui and Li Ming. 2018. *Rivers of Stone*. Beijing: Peking University Press.")
    assert names(ref.authors) == [("Wang", "Hui"), ("Li", "Ming")]


def test_japanese_co_authors_family_name_first():
    ref = parse('Nakamura Hiroshi, Sato Kenji, and Suzuki Aya. 2015. "Coastal Erosion in Japan." *Journal of Coastal '
                "Research* 31 (2): 45–60.")
    assert names(ref.authors) == [("Nakamura", "Hiroshi"), ("Sato", "Kenji"), ("Suzuki", "Aya")]


def test_what_could_be_family_given_pairs_or_given_names_first_is_left_so():
    from citecheck.parse.names import parse_author_list

    # two whole Chinese names, not one inverted name (which "Li Ming" given "Wang Hui" was)
    assert names(parse_author_list("Li Ming, Wang Hui")) == [("Li", "Ming"), ("Wang", "Hui")]
    assert names(parse_author_list("Li, Ming, and Wang, Hui")) == [("Li", "Ming"), ("Wang", "Hui")]  # APA's pairs
    assert names(parse_author_list("Hui Wang and Ming Li")) == [("Wang", "Hui"), ("Li", "Ming")]  # given name first
    assert names(parse_author_list("Lin Wang and Su Chen")) == [("Wang", "Lin"), ("Chen", "Su")]  # English given names
    assert names(parse_author_list("Murakami Haruki")) == [("Murakami", "Haruki")]  # a sole author, as before
    assert names(parse_author_list("Wang Hui, Li Ming, Zhang Wei")) == [("Wang", "Hui"), ("Li", "Ming"), ("Zhang", "Wei")]


# --- preprints and presentations ------------------------------------------------------------------


def test_an_arxiv_preprint():
    ref = parse("Smith, J. (2020). Title of preprint. arXiv:2001.01234.")
    assert (ref.type, ref.title, dict(ref.extra)["eprint"], dict(ref.extra)["eprinttype"]) == (
        EntryType.PREPRINT, "Title of preprint", "2001.01234", "arxiv")
    assert "doi_fragment" not in dict(ref.extra)  # an arXiv identifier is no truncated DOI
    assert not [f for f in ref.findings if "DOI" in f.message]


def test_preprints_on_servers():
    ref = parse("Jones, A., & Lee, B. (2021). Attention in crowds (Preprint). PsyArXiv. https://doi.org/10.31234/osf.io/abcd")
    assert (ref.type, ref.title, ref.publisher) == (EntryType.PREPRINT, "Attention in crowds", "PsyArXiv")
    ref = parse("Brown, C. (2022). Gene regulation in yeast. bioRxiv. https://doi.org/10.1101/2022.01.01.123456")
    assert (ref.type, ref.publisher) == (EntryType.PREPRINT, "bioRxiv")
    ref = parse("Green, D. (2019). Market frictions (SSRN Working Paper No. 3345678). SSRN. https://doi.org/10.2139/ssrn.3345678")
    assert (ref.type, ref.title, dict(ref.extra)["number"]) == (EntryType.PREPRINT, "Market frictions", "3345678")
    ref = parse("Green, D. (2019). Market frictions. SSRN Working Paper. https://ssrn.com/abstract=3345678")
    assert (ref.type, ref.publisher) == (EntryType.PREPRINT, "SSRN")


def test_a_published_article_that_names_its_preprint_stays_an_article():
    ref = parse("Vaswani, A. (2017). Attention is all you need. *Advances in Neural Information Processing Systems*, *30*, "
                "5998–6008. arXiv:1706.03762")
    assert ref.type is not EntryType.PREPRINT


def test_apa_paper_and_poster_presentations():
    ref = parse("Lee, K. (2019, May 3). *Urban heat islands* [Paper presentation]. Annual Meeting of the American "
                "Association of Geographers, Washington, DC, United States.")
    assert (ref.type, ref.title, ref.container, ref.place, ref.publisher, ref.note) == (
        EntryType.PRESENTATION, "Urban heat islands", "Annual Meeting of the American Association of Geographers",
        "Washington, DC, United States", "", "")
    assert dict(ref.extra)["type"] == "Paper presentation"
    ref = parse("Kim, H. (2017, October 12–14). *Sea walls and people* [Poster presentation]. Coastal Zone Conference, "
                "Boston, MA, United States. https://example.org/poster.pdf")
    assert (ref.type, ref.container, ref.place) == (EntryType.PRESENTATION, "Coastal Zone Conference", "Boston, MA, United States")


def test_a_paper_presented_at_a_conference():
    ref = parse("Park, S. (2018). Coastal resilience. Paper presented at the International Coastal Symposium, Busan, "
                "South Korea.")
    assert (ref.type, ref.container, ref.place, ref.publisher) == (
        EntryType.PRESENTATION, "Paper presented at the International Coastal Symposium", "Busan, South Korea", "")


def test_a_paper_in_proceedings_stays_a_conference_paper():
    ref = parse("Nguyen, T. (2020). Flood models. In *Proceedings of the 12th International Conference on "
                "Hydroinformatics* (pp. 10–20). IWA.")
    assert ref.type is EntryType.CONFERENCE


def test_mla_interviews_personal_with_the_author_and_published_in_a_periodical():
    for text in ("Morrison, Toni. Personal interview. 12 Mar. 2020.",
                 "Morrison, Toni. Interview with the author. 12 Mar. 2020."):
        ref = parse(text)
        assert (ref.type, names(ref.authors), ref.year, dict(ref.extra)["date"]) == (
            EntryType.INTERVIEW, [("Morrison", "Toni")], 2020, "2020-03-12")
        assert ref.title in ("Personal interview", "Interview with the author")
    ref = parse('Morrison, Toni. "The Art of Fiction." Interview by Elissa Schappell. *The Paris Review*, no. 128, '
                "1993, pp. 83-125.")
    assert (ref.type, ref.title, ref.container, ref.issue, ref.pages, ref.year) == (
        EntryType.INTERVIEW, "The Art of Fiction", "The Paris Review", "128", "83-125", 1993)
    assert ref.note == "Interview by Elissa Schappell"
