"""The free-text reference list parser, on the e-IR bibliography and on common styles."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from citecheck.model import CleanText, EntryType, Kind, Reference, Severity, Target
from citecheck.parse.references import (
    classify,
    iso_date,
    looks_like_entry_start,
    parse_reference_list,
    split_entries,
)

CASES = Path(__file__).resolve().parent.parent / "cases"
EIR = (CASES / "eir_bibliography.md").read_text(encoding="utf-8")
A = EntryType


def parse(text: str, file: str = "refs.md") -> tuple[Reference, ...]:
    return parse_reference_list(CleanText.identity(file, text))


def one(text: str) -> Reference:
    (ref,) = parse(text)
    return ref


@pytest.fixture(scope="module")
def eir() -> tuple[Reference, ...]:
    return parse(EIR, "eir_bibliography.md")


@dataclass(frozen=True)
class Want:
    authors: tuple[tuple[str, str, str], ...]  # (family, given, literal)
    year: str  # year label: "2019", "n.d."
    title: str
    container: str
    publisher: str
    type: EntryType
    url: str | None
    place: str = ""


P = lambda family, given: (family, given, "")  # noqa: E731
L = lambda literal: ("", "", literal)  # noqa: E731

EXPECTED = [
    Want((), "2021", "2021 Trafficking in Persons Report: China", "", "United States Department of State", A.REPORT,
         "https://www.state.gov/reports/2021-trafficking-in-persons-report/china/"),
    Want((P("Barr", "Heather"),), "2019", "China's Bride Trafficking Problem", "Human Rights Watch", "", A.WEBPAGE,
         "https://www.hrw.org/news/2019/10/31/chinas-bride-trafficking-problem"),
    Want((P("Batha", "Emma"),), "2019", "North Korean women tell of slavery and gang rape in Chinese cybersex dens",
         "Reuters", "", A.NEWS,
         "https://www.reuters.com/article/us-northkorea-china-sex-slavery/north-korean-women-tell-of-slavery-and-"
         "gang-rape-in-chinese-cybersex-dens-idUSKCN1SQ105"),
    Want((), "2020", "Bride Trafficking in China", "Borgen Magazine", "", A.MAGAZINE,
         "https://www.borgenmagazine.com/bride-trafficking-in-china/"),
    Want((P("Chen", "Shasha"),), "2020", "China's gender imbalance may take decades to resolve", "Global Times", "",
         A.NEWS, "https://www.globaltimes.cn/content/1209713.shtml"),
    Want((), "2021", "Children recruited by armed forces", "", "UNICEF", A.WEBPAGE,
         "https://www.unicef.org/protection/children-recruited-by-armed-forces"),
    Want((), "2016", "China: Newly adopted Foreign NGO Law should be repealed, UN experts urge", "",
         "United Nations Human Rights Office of the High Commissioner", A.WEBPAGE,
         "https://www.ohchr.org/en/NewsEvents/Pages/DisplayNews.aspx?NewsID=19921&LangID=E"),
    Want((P("Choe", "Sang-Hun"),), "2019", "After Fleeing North Korea, Women Get Trapped as Cybersex Slaves in China",
         "NY Times", "", A.NEWS, "https://www.nytimes.com/2019/09/13/world/asia/north-korea-cybersex-china.html"),
    Want((), "2016", "Cybersex Trafficking", "International Justice Mission", "", A.REPORT,
         "https://www.ijm.org/sites/default/files/IJM_2016_Casework_FactSheets_CybersexTrafficking.pdf"),
    Want((P("Davis", "Kathleen"),), "2006",
         "Brides, Bruises and the Border: The Trafficking of North Korean Women into China",
         "SAIS Review of International Affairs", "", A.ARTICLE, None),
    Want((P("Edmond", "Charlotte"),), "2020", "Global migration, by the numbers: who migrates, where they go and why",
         "World Economic Forum", "", A.WEBPAGE,
         "https://www.weforum.org/agenda/2020/01/iom-global-migration-report-international-migrants-2020/"),
    Want((P("Enos", "Olivia"), P("Kim", "Yunjin")), "2019",
         "Deceived and Sold: How China Treats North Korean Female Defectors", "Providence", "", A.WEBPAGE,
         "https://providencemag.com/2019/10/deceived-sold-china-north-korean-female-defectors/"),
    Want((), "2021", "The Foreign NGO Law and its Implementation Legal Path for Foreign NGOs in China", "Dentons", "",
         A.WEBPAGE, "https://www.jdsupra.com/legalnews/the-foreign-ngo-law-and-its-7441715/"),
    Want((), "2021", "Global Report on Trafficking in Persons 2020", "", "United Nations Office on Drugs and Crime",
         A.REPORT, "https://www.unodc.org/documents/data-and-analysis/tip/2021/GLOTIP_2020_15jan_web.pdf"),
    Want((P("Haerans", "Margaret"),), "2012", "Human Trafficking", "", "Greenhaven Press", A.BOOK, None,
         place="Detroit, MI"),
    Want((P("Henderson", "Margaret"),), "2019", "Case Study: Stopping Human Trafficking", "ICMA", "", A.WEBPAGE,
         "https://icma.org/articles/pm-magazine/case-study-stopping-human-trafficking"),
    Want((L("HP Boe"),), "2005", "Human Trafficking as 21st Century Form of Slavery", "", "Free Republic", A.WEBPAGE,
         "http://www.freerepublic.com/focus/f-news/1322431/posts"),
    Want((), "n.d.", "Human Trafficking", "United Nations Office on Drugs and Crime", "", A.WEBPAGE,
         "https://www.unodc.org/unodc/en/human-trafficking/human-trafficking.html"),
    Want((), "2014", "Human Trafficking in China", "Human Trafficking Search", "", A.WEBPAGE,
         "https://humantraffickingsearch.org/human-trafficking-in-china/"),
    Want((), "2018", "Human trafficking in developed countries more common than previously thought", "Crux", "",
         A.WEBPAGE,
         "https://cruxnow.com/global-church/2018/07/human-trafficking-in-developed-countries-more-common-than-"
         "previously-thought/"),
    Want((P("Keiper", "Andrew"), P("Chiamonte", "Perry")), "2019",
         "Human trafficking in America among worst in world: Report", "", "Fox News", A.NEWS,
         "https://www.foxnews.com/us/human-trafficking-in-america-among-worst-in-world-report"),
    Want((P("Newman", "Rick"),), "2013", "Here's How Lousy Life Is in North Korea", "U.S. News & World Report", "",
         A.NEWS, "https://www.usnews.com/news/blogs/rick-newman/2013/04/12/heres-how-lousy-life-is-in-north-korea"),
    Want((), "2021", "On Release of the 2021 Trafficking in Persons Report", "U.S. Mission to the OSCE", "", A.WEBPAGE,
         "https://osce.usmission.gov/on-release-of-the-2021-trafficking-in-persons-report/"),
    Want((P("Rajagopalan", "Megha"), P("Pearson", "James")), "2014",
         "China cracking down on Christian groups along North Korea border: sources", "Reuters", "", A.NEWS,
         "https://www.reuters.com/article/us-northkorea-china-christians/china-cracking-down-on-christian-groups-"
         "along-north-korea-border-sources-idUSKBN0GB13I20140811"),
    Want((), "n.d.", "What Is Human Trafficking?", "Department of Homeland Security", "", A.WEBPAGE,
         "https://www.dhs.gov/blue-campaign/what-human-trafficking"),
    Want((P("Yoon", "Hee-soon"),), "2019",
         "Sex Slaves: The Prostitution, Cybersex & Forced Marriage of North Korean Women & Girls in China", "",
         "Korea Future Initiative", A.REPORT,
         "https://www.koreafuture.org/wp-content/uploads/2019/05/Korea_Future_Initiative-Sex_Slaves.pdf",
         place="London"),
    Want((P("Yu", "Yeon Jung"),), "2017", "The Moral Code of Chinese Sex Workers", "Sapiens", "", A.WEBPAGE,
         "https://www.sapiens.org/culture/china-sex-trade-moral-code/"),
    Want((P("Zaugg", "Julie"),), "2019",
         "These North Korean defectors were sold into China as cybersex slaves. Then they escaped", "CNN", "", A.NEWS,
         "https://www.cnn.com/2019/06/09/asia/north-korea-defectors-intl-hnk/index.html"),
]


def test_eir_has_28_entries(eir):
    assert len(eir) == 28 == len(EXPECTED)


@pytest.mark.parametrize("i", range(len(EXPECTED)), ids=lambda i: EXPECTED[i].title[:30])
def test_eir_entry_fields(eir, i):
    ref, want = eir[i], EXPECTED[i]
    assert tuple((n.family, n.given, n.literal) for n in ref.authors) == want.authors
    assert ref.year_label == want.year
    assert ref.title == want.title
    assert ref.container == want.container
    assert ref.publisher == want.publisher
    assert ref.place == want.place
    assert ref.type is want.type
    assert [u.url for u in ref.urls] == ([want.url] if want.url else [])
    assert ref.key == ""
    assert ref.editors == ()


def test_eir_spans_and_raw(eir):
    paragraphs = [p for p in EIR.split("\n\n") if p.strip()]
    for ref, paragraph in zip(eir, paragraphs):
        assert ref.raw == " ".join(paragraph.split())
        assert EIR[ref.span.start : ref.span.end] == paragraph.strip()
        assert ref.span.file == "eir_bibliography.md"
        assert ref.span.line == EIR[: ref.span.start].count("\n") + 1
        assert ref.span.column == 1


def test_eir_no_date_entries(eir):
    undated = [r.title for r in eir if r.no_date]
    assert undated == ["Human Trafficking", "What Is Human Trafficking?"]
    assert all(r.year is None for r in eir if r.no_date)
    assert all(isinstance(r.year, int) for r in eir if not r.no_date)


def test_eir_wayback_snapshot(eir):
    (url,) = eir[25].urls
    assert url.snapshot is not None
    assert url.snapshot.timestamp == "20190614191603"
    assert url.snapshot.original == url.url
    assert url.url.startswith("https://www.koreafuture.org/wp-content/uploads/2019/05/")
    assert url.snapshot.url == "http://web.archive.org/web/20190614191603/" + url.url
    assert all(u.snapshot is None for r in eir if r is not eir[25] for u in r.urls)


def test_eir_davis_journal_article_and_truncated_doi(eir):
    davis = eir[9]
    assert (davis.volume, davis.issue, davis.pages) == ("26", "1", "131-141")
    assert davis.doi == ""
    assert ("doi_fragment", "d6.0004") in davis.extra
    (finding,) = davis.findings
    assert finding.kind is Kind.MALFORMED_REFERENCE
    assert finding.severity is Severity.WARNING
    assert "DOI" in finding.message and "incomplete" in finding.message
    assert EIR[finding.span.start : finding.span.end] == "d6.0004"


def test_eir_choe_name_repair(eir):
    choe = eir[7]
    (finding,) = choe.findings
    assert finding.kind is Kind.NAME_REPAIRED
    assert finding.severity is Severity.INFO
    assert "Sang-Hun" in finding.message
    fix = finding.fix
    assert fix.target is Target.REFERENCE and fix.field == "author"
    assert (fix.before, fix.after) == ("Choe, Sang- Hun", "Choe, Sang-Hun")
    assert fix.locations == (choe.span,)
    assert fix.confidence == 1.0
    assert EIR[finding.span.start : finding.span.end] == "Choe, Sang- Hun"
    assert choe.authors[0].raw == "Choe, Sang-Hun"


@pytest.mark.parametrize(
    ("i", "before", "after"),
    [
        (1, "https://www.hrw.org/news/2019/10/31/chinas-bride-trafficking-problem#",
         "https://www.hrw.org/news/2019/10/31/chinas-bride-trafficking-problem"),
        (2, "chinese-cybersex-dens- idUSKCN1SQ105", "chinese-cybersex-dens-idUSKCN1SQ105"),
        (6, "NewsID=19921 &LangID=E", "NewsID=19921&LangID=E"),
    ],
)
def test_eir_url_repairs(eir, i, before, after):
    ref = eir[i]
    (finding,) = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert finding.severity is Severity.INFO
    fix = finding.fix
    assert (fix.target, fix.field, fix.confidence) == (Target.REFERENCE, "url", 1.0)
    assert fix.before.endswith(before) and fix.after.endswith(after)
    assert fix.after == ref.urls[0].url
    assert fix.before == ref.urls[0].raw
    assert fix.locations == (ref.span,)
    assert EIR[finding.span.start : finding.span.end] == fix.before
    assert fix.before in finding.message and fix.after in finding.message


def test_eir_only_expected_url_repairs(eir):
    repaired = [i for i, r in enumerate(eir) if any(f.kind is Kind.URL_REPAIRED for f in r.findings)]
    assert repaired == [1, 2, 6]


def test_eir_yoon_stray_quote(eir):
    yoon = eir[25]
    (finding,) = yoon.findings
    assert finding.kind is Kind.MALFORMED_REFERENCE
    assert finding.severity in (Severity.INFO, Severity.WARNING)
    assert "quot" in finding.message
    fix = finding.fix
    assert fix.field == "title" and fix.target is Target.REFERENCE
    assert fix.before == yoon.title + "'"
    assert fix.after == yoon.title
    assert fix.locations == (yoon.span,)


def test_eir_barr_missing_full_stop_is_noted(eir):
    barr = eir[1]
    notes = [f for f in barr.findings if f.kind is Kind.MALFORMED_REFERENCE]
    assert len(notes) == 1 and notes[0].severity is Severity.INFO
    assert "full stop" in notes[0].message
    assert dict(barr.field_confidence)["title"] < 1.0


def test_eir_entries_without_defects_have_no_findings(eir):
    with_findings = {i for i, r in enumerate(eir) if r.findings}
    assert with_findings == {1, 2, 6, 7, 9, 25}


def test_eir_field_confidence(eir):
    for ref in eir:
        conf = dict(ref.field_confidence)
        assert all(0.0 <= v <= 1.0 for v in conf.values())
        assert conf["year"] == 1.0
        assert "title" in conf and "type" in conf
    assert dict(eir[1].field_confidence)["authors"] == 1.0
    assert dict(eir[16].field_confidence)["authors"] < 1.0  # "HP Boe": a literal, guessed
    assert dict(eir[0].field_confidence)["title"] < 1.0  # a title standing where the author would be


def test_eir_parse_is_deterministic(eir):
    assert parse(EIR, "eir_bibliography.md") == eir


def test_eir_with_page_header_removed_upstream_maps_to_original():
    """The lead removes the running header; spans must still point into the original file."""
    header = "# Trafficking of North Korean Women in China: A Review of the Evidence\n\nWritten by Sample Author\n\n"
    cut = EIR.index("Haerans, Margaret.")
    source = EIR[:cut] + header + EIR[cut:]
    text = source[:cut] + source[cut + len(header) :]
    origin = tuple(range(cut)) + tuple(range(cut + len(header), len(source) + 1))
    clean = CleanText(file="essay.md", text=text, origin=origin, source=source)
    refs = parse_reference_list(clean)
    assert len(refs) == 28
    haerans = refs[14]
    assert source[haerans.span.start : haerans.span.end].startswith("Haerans, Margaret. (2012).")
    assert haerans.span.line == source[: haerans.span.start].count("\n") + 1
    choe = refs[7]
    (finding,) = choe.findings
    assert source[finding.span.start : finding.span.end] == "Choe, Sang- Hun"


def test_bundled_example_through_cleanup_and_sections():
    from citecheck.parse.cleanup import remove_page_headers
    from citecheck.parse.sections import split_sections

    path = Path(__file__).resolve().parents[2] / "examples" / "eir" / "essay.md"
    if not path.exists():
        pytest.skip("bundled example not present")
    source = path.read_text(encoding="utf-8")
    sections = split_sections(remove_page_headers("essay.md", source).text)
    refs = parse_reference_list(sections.bibliography)
    assert [r.title for r in refs] == [w.title for w in EXPECTED]
    haerans = refs[14]
    assert source[haerans.span.start : haerans.span.end] == (
        "Haerans, Margaret. (2012). *Human Trafficking*. Detroit, MI: Greenhaven Press."
    )


# --- splitting --------------------------------------------------------------------------------


def test_numbered_list_with_wrapped_lines():
    text = (
        "[1] Smith, J. (2019). First title. *Journal*, 1(2), 3-4.\n"
        "[2] Doe, A. (2020). Second title\n"
        "    wrapped onto a second line. *Site*. <https://x.org/a>\n"
        "3. Roe, B. (2021). Third. *Blog*.\n"
    )
    refs = parse(text)
    assert [r.title for r in refs] == ["First title", "Second title wrapped onto a second line", "Third"]
    assert [dict(r.extra).get("label") for r in refs] == ["1", "2", "3"]
    assert refs[1].raw.startswith("Doe, A. (2020)")
    assert text[refs[1].span.start : refs[1].span.end].endswith("<https://x.org/a>")


def test_one_entry_per_line_and_wrapped_entries_without_blank_lines():
    text = (
        "Barr, Heather. (2019). One per line. *HRW*.\n"
        "Chen, Shasha. (2020). Another one. *Global Times*.\n"
        "Davis, Kathleen. (2006). Brides, Bruises and the Border: The Trafficking of North Korean\n"
        "Women into China. *SAIS Review* 26(1), 131-141.\n"
        "Edmond, Charlotte. (2020). Global migration. *WEF*. <https://www.weforum.org/agenda/2020/01/iom-\n"
        "global-migration-report/>\n"
    )
    refs = parse(text)
    assert [r.authors[0].family for r in refs] == ["Barr", "Chen", "Davis", "Edmond"]
    assert refs[2].title == "Brides, Bruises and the Border: The Trafficking of North Korean Women into China"
    assert refs[3].urls[0].url == "https://www.weforum.org/agenda/2020/01/iom-global-migration-report/"


def test_headings_rules_and_bullets():
    text = "## References\n\n- Smith, J. (2019). A title. *Site*.\n- Doe, A. (2018). B title. *Site*.\n\n---\n"
    refs = parse(text)
    assert [r.title for r in refs] == ["A title", "B title"]


def test_split_entries_offsets():
    text = "\n\nSmith, J. (2019). A.\n\n\nDoe, A. (2018). B.\n"
    entries = split_entries(CleanText.identity("f", text))
    assert [text[e.start : e.end] for e in entries] == ["Smith, J. (2019). A.", "Doe, A. (2018). B."]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Smith, J. (2019). Title.", True),
        ("Human Trafficking. (n.d.). *UNODC*.", True),
        ("2021 Trafficking in Persons Report: China. (2021). X.", True),
        ("Smith, John. 2019. Title.", True),
        ("into China. *SAIS Review* 26(1), 131-141.", False),
        ("global-migration-report/>", False),
    ],
)
def test_looks_like_entry_start(line, expected):
    assert looks_like_entry_start(line) is expected


# --- entry shapes -----------------------------------------------------------------------------


def test_apa_journal_article_with_doi():
    ref = one("Smith, J., & Doe, A. (2019). Title of the article. *Journal of Things*, *12*(3), 45–67. "
              "https://doi.org/10.1000/xyz123")
    assert [(a.family, a.given) for a in ref.authors] == [("Smith", "J."), ("Doe", "A.")]
    assert (ref.title, ref.container) == ("Title of the article", "Journal of Things")
    assert (ref.volume, ref.issue, ref.pages) == ("12", "3", "45–67")
    assert ref.doi == "10.1000/xyz123"
    assert ref.urls == ()
    assert ref.type is EntryType.ARTICLE
    assert ref.findings == ()


@pytest.mark.parametrize("tail, isbn", [
    ("ISBN 978-0-230-57408-9.", "978-0-230-57408-9"), ("ISBN-13: 9780230574089", "9780230574089"),
    ("ISBN 0 19 852663 6.", "0-19-852663-6"), ("ISBN 12-34.", ""),
])
def test_an_isbn_is_its_own_field_not_a_note(tail, isbn):
    ref = one(f"van Dijk, Teun A. 2008. *Discourse and Power*. Basingstoke: Palgrave Macmillan. {tail}")
    assert ref.isbn == isbn and ref.publisher == "Palgrave Macmillan" and ref.title == "Discourse and Power"
    assert (ref.note == "") is bool(isbn)


@pytest.mark.parametrize("text, editors, translator, edition, title", [
    ("Beauvoir, Simone de. 1949. *Le Deuxième Sexe*. Translated by H. M. Parshley. Paris: Gallimard.",
     [], "Parshley, H. M.", "", "Le Deuxième Sexe"),
    ("Marx, Karl. 1976. Capital. Trans. Ben Fowkes. London: Penguin.", [], "Fowkes, Ben", "", "Capital"),
    ("Freud, S. (1961). Civilization and its discontents (J. Strachey, Trans.). Norton.",
     [], "Strachey, J.", "", "Civilization and its discontents"),
    ("Kant, I. (1998). Critique of pure reason (P. Guyer & A. W. Wood, Eds. & Trans.). Cambridge University Press.",
     ["Guyer", "Wood"], "Guyer, P. and Wood, A. W.", "", "Critique of pure reason"),
    ("Piaget, J. (1969). The psychology of the child (H. Weaver, Trans.; 2nd ed.). Basic Books.",
     [], "Weaver, H.", "2", "The psychology of the child"),
    ("Smith, J. (2019). *Sleep and memory* (3rd ed.). Routledge.", [], None, "3", "Sleep and memory"),
])
def test_translators_and_apa_brackets_after_the_title(text, editors, translator, edition, title):
    ref = one(text)
    assert [e.family for e in ref.editors] == editors and dict(ref.extra).get("translator") == translator
    assert (ref.edition, ref.title) == (edition, title)


def test_words_hyphenated_at_a_line_break_are_joined_again():
    ref = one("Smith, J. (2019). Interna-\ntional trade and devel- opment: a well-\nknown pre- and post-war story "
              "of long-\nterm long-term growth. *Journal of Eco-\nnomics*, 12(3), 45-67. https://example.org/some-\npage-name.html")
    assert ref.title == "International trade and development: a well-known pre- and post-war story of long-term long-term growth"
    assert ref.container == "Journal of Economics" and ref.urls[0].url == "https://example.org/some-page-name.html"
    name = one("Choe, Sang- Hun. (2019). A title. *NY Times*.")  # a space, not a line break: repaired and reported
    assert name.authors[0].given == "Sang-Hun" and any(f.kind is Kind.NAME_REPAIRED for f in name.findings)


def test_a_compound_with_a_capital_hyphenated_at_a_line_break_keeps_its_hyphen_and_loses_the_break():
    # a PDF's lines break "Addison-Wesley", "Navier-Stokes" and "Sang-Hun" after the hyphen
    ref = one("Choe, Sang-\nHun. (2019). On the Navier-\nStokes equations. Reading, MA: Addison-\nWesley.")
    assert ref.authors[0].given == "Sang-Hun" and ref.title == "On the Navier-Stokes equations"
    assert ref.publisher == "Addison-Wesley"  # was "Addison- Wesley"
    assert one("Kim, J. (2019). A title on pre- Korean era. *NY Times*.").title == "A title on pre- Korean era"


def test_a_compound_with_a_number_broken_at_its_hyphen_by_a_line_end_keeps_it_whole():
    # pdflatex breaks "COVID-19" after its hyphen; a word is never hyphenated before a digit
    ref = one("Cellini N, Canale N. Changes in sleep pattern during COVID-\n19 lockdown caused by SARS-CoV-\n2. "
              "J Sleep Res. 2020;29(4):e13074.")
    assert ref.title == "Changes in sleep pattern during COVID-19 lockdown caused by SARS-CoV-2"  # was "COVID- 19"
    assert one("Lee, K. (2020). Notes on COVID- 19 cases. *NY Times*.").title == "Notes on COVID- 19 cases"  # no break


def test_a_persons_book_with_a_link_is_still_a_book():
    book = one("Kim Jong-il. 1994. *On the Art of Cinema*. Pyongyang: Foreign Languages Publishing House. "
               "https://example.org/book?id=12.")
    assert book.type is EntryType.BOOK and book.urls[0].url == "https://example.org/book?id=12"
    page = one("Human Rights Watch. 2019. *Worth Less than a Dog*. New York: Human Rights Watch. https://www.hrw.org/x.")
    assert page.type is EntryType.WEBPAGE  # an organisation's own publication, online


def test_apa_plain_journal_name():
    ref = one("Smith, J. (2019). Title. Journal of Plain Things, 12(3), 45-67. doi:10.1000/abc")
    assert (ref.container, ref.volume, ref.issue, ref.pages, ref.doi) == ("Journal of Plain Things", "12", "3", "45-67", "10.1000/abc")


def test_harvard_quoted_title_and_year_suffix():
    ref = one("Smith, J. and Doe, A. (2019a) 'Harvard title here', *Journal of Stuff*, 12(3), pp. 45-67.")
    assert (ref.year, ref.year_suffix, ref.year_label) == (2019, "a", "2019a")
    assert ref.title == "Harvard title here"
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Journal of Stuff", "12", "3", "45-67")


def test_chicago_author_date():
    ref = one('Smith, John, and Jane Doe. 2019. "Chicago Title." *Journal of Chicago* 12 (3): 45–67. '
              "https://doi.org/10.1000/abc.")
    assert [(a.family, a.given) for a in ref.authors] == [("Smith", "John"), ("Doe", "Jane")]
    assert (ref.year, ref.title, ref.container) == (2019, "Chicago Title", "Journal of Chicago")
    assert (ref.volume, ref.issue, ref.pages, ref.doi) == ("12", "3", "45–67", "10.1000/abc")
    assert dict(ref.field_confidence)["year"] < 1.0


def test_mla_article():
    ref = one('Smith, John. "MLA Title." *MLA Journal*, vol. 12, no. 3, 2019, pp. 45-67.')
    assert (ref.title, ref.container, ref.volume, ref.issue, ref.pages, ref.year) == (
        "MLA Title", "MLA Journal", "12", "3", "45-67", 2019)
    assert ref.type is EntryType.ARTICLE


def test_organisation_author_report_with_access_date():
    ref = one("World Health Organization. (2020). *World report on ageing*. Geneva: WHO Press. "
              "Retrieved March 3, 2020, from https://www.who.int/report.pdf")
    assert [a.literal for a in ref.authors] == ["World Health Organization"]
    assert (ref.title, ref.place, ref.publisher) == ("World report on ageing", "Geneva", "WHO Press")
    assert ref.accessed == "2020-03-03"
    assert [u.url for u in ref.urls] == ["https://www.who.int/report.pdf"]
    assert ref.type is EntryType.REPORT


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [("Accessed 3 March 2020.", "2020-03-03"), ("[viewed 12 Jan. 2021]", "2021-01-12"), ("Accessed: 2020-05-06", "2020-05-06")],
)
def test_access_dates(phrase, iso):
    ref = one(f"Barr, Heather. (2019). Title. *Site*. <https://x.org/a> {phrase}")
    assert ref.accessed == iso
    assert ref.container == "Site" and ref.note == ""


def test_iso_date():
    assert iso_date("March 3, 2020") == "2020-03-03"
    assert iso_date("3 March 2020") == "2020-03-03"
    assert iso_date("March 2020") == "2020-03"
    assert iso_date("sometime") == "sometime"


def test_editors_and_book():
    ref = one("Gómez, Ana (Ed.). (2015). *Edited Book*. Madrid: Editorial Ejemplo.")
    assert ref.authors == ()
    assert [(e.family, e.given) for e in ref.editors] == [("Gómez", "Ana")]
    assert (ref.title, ref.place, ref.publisher, ref.type) == ("Edited Book", "Madrid", "Editorial Ejemplo", EntryType.BOOK)
    assert ref.cite_names == ("Gómez",)


def test_et_al_and_particles_and_nd_suffix():
    ref = one("van der Berg, J., et al. (n.d.-b). Something undated. *Site*. doi:10.1234/ab- cd")
    assert (ref.authors[0].particle, ref.authors[0].family) == ("van der", "Berg")
    assert ref.authors[-1].literal == "others"
    assert (ref.no_date, ref.year_suffix, ref.year_label) == (True, "b", "n.d.b")
    assert ref.doi == "10.1234/ab-cd"


def test_missing_year_is_reported():
    ref = one("Smith, J. A title without a date. *Site*. <https://x.org>")
    assert ref.year is None and not ref.no_date
    assert any(f.kind is Kind.MALFORMED_REFERENCE and "year" in f.message for f in ref.findings)


def test_unbalanced_markup_is_reported():
    ref = one("Smith, J. (2019). Title. *Site. <https://x.org>")
    assert any(f.kind is Kind.MALFORMED_REFERENCE and "italic" in f.message for f in ref.findings)


def test_prose_is_unparsed():
    ref = one("this is just a sentence that someone left here")
    kinds = {f.kind for f in ref.findings}
    assert Kind.UNPARSED_ENTRY in kinds and Kind.MALFORMED_REFERENCE in kinds


def test_stray_double_quote_and_balanced_quotes():
    ref = one('Smith, J. (2019). A quoted title". *Site*.')
    assert ref.title == "A quoted title"
    assert any(f.fix and f.fix.field == "title" for f in ref.findings)
    ref = one('Smith, J. (2019). "A balanced title." *Site*.')
    assert ref.title == "A balanced title" and ref.findings == ()
    ref = one("Smith, J. (2019). The Sex Workers'. *Site*.")
    assert ref.title == "The Sex Workers'" and ref.findings == ()


def test_markdown_link_with_non_url_text():
    ref = one("Smith, J. (2019). Title. *Site*. [link](https://x.org/a_b)")
    assert [u.url for u in ref.urls] == ["https://x.org/a_b"]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"container": "J", "volume": "1"}, EntryType.ARTICLE),
        ({"container": "The Guardian"}, EntryType.NEWS),
        ({"publisher": "Fox News"}, EntryType.NEWS),
        ({"container": "Borgen Magazine"}, EntryType.MAGAZINE),
        ({"publisher": "United States Department of State", "title": "Annual Report"}, EntryType.REPORT),
        ({"container": "Site"}, EntryType.DOCUMENT),
    ],
)
def test_classify(kwargs, expected):
    from citecheck.model import Span

    ref = Reference(raw="x", span=Span("f", 1, 1, 0, 1), **kwargs)
    assert classify(ref)[0] is expected


def test_classify_book_needs_italic_title_and_no_url():
    from citecheck.model import Span, Url

    ref = Reference(raw="x", span=Span("f", 1, 1, 0, 1), title="T", publisher="P", place="L")
    assert classify(ref, title_italic=True)[0] is EntryType.BOOK
    assert classify(ref, title_italic=False)[0] is EntryType.DOCUMENT
    with_url = Reference(raw="x", span=Span("f", 1, 1, 0, 1), title="T", publisher="P", urls=(Url("https://x.org"),))
    assert classify(with_url, title_italic=True)[0] is EntryType.WEBPAGE


def test_chicago_outlet_then_day_is_the_outlet_alone():
    ref = one("Chen, Shasha. 2002. “Statistics on Internally Displaced Persons.” NPR, January 18. "
              "https://www.npr.org/content/statistics/.")
    assert (ref.year, ref.publisher or ref.container) == (2002, "NPR")


def test_vancouver_cited_date_is_the_access_date_not_the_year():
    ref = one("14. Okeke C. Malaria bed-net distribution in Enugu State [Internet]. [place unknown]: Enugu Health "
              "Watch; [date unknown] [cited 2019 Mar 22]. Available from: http://enuguhealthwatch.org/bednets")
    assert ref.accessed == "2019-03-22"
    assert ref.year is None
    ref = one("Smith J. Title of page [Internet]. Geneva: WHO; 2018 [cited 2019 Mar 22]. Available from: http://who.int/x")
    assert (ref.year, ref.accessed) == (2018, "2019-03-22")


def test_a_link_wrapped_onto_an_indented_line_does_not_swallow_the_next_entry():
    refs = parse("Smith, J. 2001. A title. Journal 3: 1-9. https://www.example.com/\n     abs/v3/p1-9/\n"
                 "Jones, K. 2002. Other title. London: Boom.\n")
    assert [(r.authors[0].family, r.year) for r in refs] == [("Smith", 2001), ("Jones", 2002)]
    assert [u.url for u in refs[0].urls] == ["https://www.example.com/abs/v3/p1-9/"]
    assert not refs[0].note


def test_a_title_asking_a_question_runs_on_past_its_question_mark():
    ref = one("Lindgren, M. (2018) Who Benefits? Community Funds and Offshore Energy in Norway. Oslo: Fjord "
              "Institute. Available at: https://fjord.no/report.pdf (Accessed: 3 March 2020).")
    assert ref.title == "Who Benefits? Community Funds and Offshore Energy in Norway"
    assert (ref.place, ref.publisher, ref.note) == ("Oslo", "Fjord Institute", "")


def test_a_genre_in_brackets_after_the_title_types_the_entry():
    ref = one("Oyelaran, Folasade (2015). *Automation and labour on European lightstations, 1950–1990* "
              "(PhD thesis). University of Bremen.")
    assert (ref.type, ref.title, ref.note) == (EntryType.THESIS, "Automation and labour on European lightstations, 1950–1990",
                                               "PhD thesis")


def test_an_apa_report_number_after_the_title_types_a_report():
    ref = one("Danube Water Agency. (2020). *Sediment budgets of the middle Danube* (Report 20045). "
              "https://dwa.example.org/reports/20045")
    assert (ref.type, ref.title, ref.note) == (EntryType.REPORT, "Sediment budgets of the middle Danube", "")
    assert dict(ref.extra)["number"] == "20045"  # the report's number, not a note


def test_an_italic_title_with_a_gloss_is_still_a_book():
    ref = one("Lindqvist, Sven-Olof (2001). *Fyrar och fyrvaktare i Nordsjön* [*Lighthouses and keepers of the "
              "North Sea*] (in Swedish). Gothenburg: Maritima förlaget.")
    assert (ref.type, ref.place, ref.publisher) == (EntryType.BOOK, "Gothenburg", "Maritima förlaget")


def test_empty_list():
    assert parse("") == ()
    assert parse("\n\n  \n") == ()


# --- invariants on untrusted input ------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "Smith, J.", "(2019).", "(n.d.).", "Title", ".", " ", "\n", "\n\n", "*", "Journal", "12(3),", "45-67",
    "<https://x.org/a- b#>", "[https://a\\_b](https://a_b)", "'", '"', "&", "Kim", "doi:10.1/", "d6.0004", ":", "[1] ",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=200))
def test_parser_never_crashes_and_spans_stay_in_the_entry(text):
    refs = parse(text)
    for ref in refs:
        assert ref.raw and ref.raw == " ".join(ref.raw.split())
        assert 0 <= ref.span.start < ref.span.end <= len(text)
        for finding in ref.findings:
            assert ref.span.start <= finding.span.start <= finding.span.end <= ref.span.end
        assert parse(text) == refs
