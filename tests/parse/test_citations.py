"""In-text author-date citations: forms, non-citations, spans, and the whole example essay."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations

ROOT = Path(__file__).resolve().parents[2]
ESSAY = ROOT / "examples" / "eir" / "essay.md"
EIR_BODY = ROOT / "tests" / "cases" / "eir_body.md"
HEADER = re.compile(
    r"# Trafficking of North Korean Women in China: A Review of the Evidence\n\nWritten by Sample Author\n\n"
)

# What the lead passes: titles of author-less entries and the family names of the bibliography.
EIR_KNOWN = (
    "2021 Trafficking in Persons Report: China", "Barr", "Batha", "Bride Trafficking in China", "Chen",
    "Children recruited by armed forces",
    "China: Newly adopted Foreign NGO Law should be repealed, UN experts urge", "Choe",
    "Cybersex Trafficking", "Davis", "Edmond", "Enos", "Kim",
    "The Foreign NGO Law and its Implementation Legal Path for Foreign NGOs in China",
    "Global Report on Trafficking in Persons 2020", "Haerans", "Henderson", "HP Boe", "Human Trafficking",
    "Human Trafficking in China",
    "Human trafficking in developed countries more common than previously thought", "Keiper",
    "Chiamonte", "Newman", "On Release of the 2021 Trafficking in Persons Report", "Rajagopalan",
    "Pearson", "What Is Human Trafficking?", "Yoon", "Yu", "Zaugg",
)

CHINA_NGO = "China: Newly adopted Foreign NGO Law should be repealed, UN experts urge"
EIR_EXPECTED = [
    (("Choe",), "2019"),
    (("Chen",), "2020"),
    (("Human Trafficking",), ""),
    (("Human trafficking in developed countries more common than previously thought",), "2018"),
    (("What is Human Trafficking?",), "n.d."),
    (("Haerens",), "2012"),
    (("Haerens",), "2012"),
    (("Global Report on Trafficking in Persons 2020",), "2021"),
    (("On Release of the 2021 Trafficking in Persons Report",), "2021"),
    (("2021 Trafficking in Persons Report: China",), "2021"),
    (("Choe",), "2019"),
    (("Zuagg",), "2019"),
    (("Cybersex Trafficking",), "2016"),
    (("Zuagg",), "2019"),
    (("Enos", "Kin"), "2019"),
    (("Batha",), "2019"),
    (("Barr",), "2019"),
    (("Starved of Rights: Human Rights and the Food Crisis in the Democratic People’s Republic of Korea "
      "(North Korea)",), "2004"),
    (("HP Boe",), "2005"),
    (("Davis",), "2006"),
    (("Yu",), "2017"),
    (("Human Trafficking in China",), "2014"),
    (("North Korean women forced into sex slavery in China – report",), "2019"),
    (("Yoon",), "2019"),
    (("Yoon",), "2019"),
    (("Yoon",), "2019"),
    (("Yoon",), "2019"),
    (("The Foreign NGO Law and its Implementation Legal Path for Foreign NGOs in China",), "2021"),
    ((CHINA_NGO,), ""),
    ((CHINA_NGO,), ""),
    (("Rajagopalan", "Pearson"), "2014"),
    (("Newman",), "2013"),
]


def fold(text: str) -> str:
    return " ".join(text.split())


def clean(text: str) -> CleanText:
    return CleanText.identity("doc.md", text)


def cite(text: str, known: tuple[str, ...] = ()):
    return find_citations(clean(text), known)


def one(text: str, known: tuple[str, ...] = ()):
    found = cite(text, known)
    assert len(found) == 1, found
    return found[0]


def without_headers(file: str, source: str) -> CleanText:
    """Remove the essay's page headers, keeping a map back to the original (as cleanup does)."""
    kept: list[str] = []
    origin: list[int] = []
    pos = 0
    for match in HEADER.finditer(source):
        kept.append(source[pos : match.start()])
        origin.extend(range(pos, match.start()))
        pos = match.end()
    kept.append(source[pos:])
    origin.extend(range(pos, len(source)))
    origin.append(len(source))
    return CleanText(file=file, text="".join(kept), origin=tuple(origin), source=source)


def assert_name_spans(found, source: str) -> None:
    for citation in found:
        for name in citation.names:
            assert fold(source[name.span.start : name.span.end]) == name.text
        assert fold(source[citation.span.start : citation.span.end]).endswith(citation.text.split()[-1])


# --- the worked example ---------------------------------------------------------------


def test_eir_body_case_file_has_no_page_headers_and_joins_the_split_citation():
    body = EIR_BODY.read_text(encoding="utf-8")
    assert "Written by Sample Author" not in body
    assert "(What is Human Trafficking?,\n\nn.d.)" in body
    assert "## Bibliography" not in body


def test_eir_body_every_citation_in_order():
    found = cite(EIR_BODY.read_text(encoding="utf-8"), EIR_KNOWN)
    assert [(c.name_texts, c.year_label) for c in found] == EIR_EXPECTED


def test_eir_body_name_spans_slice_to_the_names():
    source = EIR_BODY.read_text(encoding="utf-8")
    found = cite(source, EIR_KNOWN)
    assert_name_spans(found, source)
    zuagg = [c for c in found if c.name_texts == ("Zuagg",)]
    assert [source[c.span.start : c.span.end] for c in zuagg] == ["Zuagg,\n2019", "Zuagg, 2019"]
    lines = [source[: c.names[0].span.start].count("\n") + 1 for c in zuagg]
    assert [c.names[0].span.line for c in zuagg] == lines
    assert zuagg[0].names[0].span.column == source[: zuagg[0].names[0].span.start].split("\n")[-1].__len__() + 1


def test_eir_body_flags():
    found = cite(EIR_BODY.read_text(encoding="utf-8"), EIR_KNOWN)
    titles = {c.names[0].text for c in found if c.title_as_author}
    assert "What is Human Trafficking?" in titles
    assert "2021 Trafficking in Persons Report: China" in titles
    assert "Human Trafficking" in titles
    assert CHINA_NGO in titles
    assert "HP Boe" not in titles and "Yoon" not in titles
    assert [c.locator for c in found if c.locator] == ["p 16", "p 16", "p. 133"]
    assert not any(c.narrative or c.etal for c in found)
    assert sum(c.no_date for c in found) == 1


def test_essay_with_headers_removed_maps_spans_to_the_original_file():
    source = ESSAY.read_text(encoding="utf-8")
    body = source[: source.index("## Bibliography")]
    text = without_headers("essay.md", body)
    found = find_citations(text, EIR_KNOWN)
    assert [(c.name_texts, c.year_label) for c in found] == EIR_EXPECTED
    assert_name_spans(found, body)
    what = next(c for c in found if c.no_date)
    assert what.text == "What is Human Trafficking?, n.d."
    assert "Written by Sample Author" in source[what.span.start : what.span.end]
    assert source[what.names[0].span.start : what.names[0].span.end] == "What is Human Trafficking?"


# --- parenthetical forms --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names, label, locator",
    [
        ("as shown (Choe, 2019).", ("Choe",), "2019", ""),
        ("as shown (Haerens, 2012, p 16).", ("Haerens",), "2012", "p 16"),
        ("as shown (Davis, 2006, p. 133).", ("Davis",), "2006", "p. 133"),
        ("as shown (Davis, 2006, pp. 5-7).", ("Davis",), "2006", "pp. 5-7"),
        ("as shown (Davis, 2006, p. 5–7).", ("Davis",), "2006", "p. 5–7"),
        ("as shown (Davis, 2006, chap. 3).", ("Davis",), "2006", "chap. 3"),
        ("as shown (Davis 2006: 16).", ("Davis",), "2006", "16"),
        ("as shown (Davis 2006, 16-18).", ("Davis",), "2006", "16-18"),
        ("as shown (Enos & Kin, 2019).", ("Enos", "Kin"), "2019", ""),
        ("as shown (Rajagopalan & Pearson, 2014).", ("Rajagopalan", "Pearson"), "2014", ""),
        ("as shown (Smith and Jones, 2019).", ("Smith", "Jones"), "2019", ""),
        ("as shown (Smith, Jones, & Lee, 2019).", ("Smith", "Jones", "Lee"), "2019", ""),
        ("as shown (Smith, Jones and Lee, 2019).", ("Smith", "Jones", "Lee"), "2019", ""),
        ("as shown (van der Berg, 2019).", ("van der Berg",), "2019", ""),
        ("as shown (O’Brien, 2019).", ("O’Brien",), "2019", ""),
        ("as shown (d’Alembert, 1751).", ("d’Alembert",), "1751", ""),
        ("as shown (UNODC, 2020, p. 12).", ("UNODC",), "2020", "p. 12"),
        ("as shown (Smith, 2019, pp. 5, 9).", ("Smith",), "2019", "pp. 5, 9"),
        ("as shown (Smith, 2019, para. 4).", ("Smith",), "2019", "para. 4"),
        ("as shown (Smith 2019).", ("Smith",), "2019", ""),
        ("as shown (Smith, 2019a).", ("Smith",), "2019a", ""),
        ("as shown (Smith, 2019/2020).", ("Smith",), "2019", ""),
        ("as shown (Smith, n.d.).", ("Smith",), "n.d.", ""),
        ("as shown (Smith, n.d.-b).", ("Smith",), "n.d.b", ""),
        ("as shown (HP Boe, 2005).", ("HP Boe",), "2005", ""),
        ("as shown (Şahin, 2019).", ("Şahin",), "2019", ""),
    ],
)
def test_parenthetical_forms(text, names, label, locator):
    citation = one(text)
    assert citation.name_texts == names
    assert citation.year_label == label
    assert citation.locator == locator
    assert not citation.narrative and not citation.title_as_author and not citation.etal


def test_year_fields():
    assert one("(Smith, 2019b)").year == 2019 and one("(Smith, 2019b)").year_suffix == "b"
    nd = one("(Smith, n.d.)")
    assert nd.no_date and nd.year is None and nd.year_suffix == ""


@pytest.mark.parametrize("text", ["(Smith et al., 2019)", "(Smith et al. 2019)", "(Smith\net al.,\n2019)"])
def test_et_al_names_only_the_listed_author(text):
    citation = one(text)
    assert citation.name_texts == ("Smith",) and citation.etal and citation.year == 2019


def test_several_citations_in_one_parenthesis_each_with_its_own_span():
    source = "Both agree (Smith, 2019; Jones & Lee, 2020b)."
    found = cite(source)
    assert [c.name_texts for c in found] == [("Smith",), ("Jones", "Lee")]
    assert [c.year_label for c in found] == ["2019", "2020b"]
    assert [source[c.span.start : c.span.end] for c in found] == ["Smith, 2019", "Jones & Lee, 2020b"]
    assert [c.text for c in found] == ["Smith, 2019", "Jones & Lee, 2020b"]
    assert {c.group for c in found} == {"(Smith, 2019; Jones & Lee, 2020b)"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(Smith 2019, Jones 2020)", [("Smith 2019", ("Smith",)), ("Jones 2020", ("Jones",))]),
        ("(Smith, 2019, as cited in Jones, 2020)", [("Smith, 2019", ("Smith",)), ("Jones, 2020", ("Jones",))]),
        ("(Smith, 2019, p. 5, Jones & Lee, 2020b)",
         [("Smith, 2019, p. 5", ("Smith",)), ("Jones & Lee, 2020b", ("Jones", "Lee"))]),
    ],
)
def test_citations_chained_without_semicolons(text, expected):
    assert [(c.text, c.name_texts) for c in cite(text)] == expected


def test_one_author_with_several_years_gives_one_citation_per_year():
    found = cite("(Smith, 2019, 2020a)")
    assert [(c.name_texts, c.year_label) for c in found] == [(("Smith",), "2019"), (("Smith",), "2020a")]


@pytest.mark.parametrize("text, expected", [
    ("(Lee 2017, 1234)", [("2017", "1234")]),
    ("Lee (2017, 1234–36) says", [("2017", "1234–36")]),
    ("(Lee, 2017, 1502, 1503)", [("2017", "1502, 1503")]),
    ("(Lee, 2017, 2018, 1502)", [("2017", ""), ("2018", "1502")]),
    ("(Freud 1900, 1915)", [("1900", ""), ("1915", "")]),  # two works, in the order of their years
    ("(Smith, 2020, 2019)", [("2020", ""), ("2019", "")]),  # out of order, still years
])
def test_a_page_after_the_year_is_no_second_year(text, expected):
    """Chicago's "(Lee 2017, 1234)" cites page 1234 of Lee 2017: before, a work of 1234 (a false year-mismatch,
    and a fix that would write 2017 over the page)."""
    assert [(c.year_label, c.locator) for c in cite(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("as Du Bois ([1899] 1996:30) shows", [(("Du Bois",), "1996", "30")]),
    ("(Weber [1905] 2002; Marx 1990 [1867])", [(("Weber",), "2002", ""), (("Marx",), "1990", "")]),
])
def test_the_original_year_in_brackets_before_the_year(text, expected):
    """ASA's and Chicago's "Du Bois ([1899] 1996)": before, no citation at all."""
    assert [(c.name_texts, c.year_label, c.locator) for c in cite(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("(Lareau 2003; 2011)", [(("Lareau",), "2003", ""), (("Lareau",), "2011", "")]),
    ("(see Lareau, 2003; 2011a, p. 4; Smith 2019)",
     [(("Lareau",), "2003", ""), (("Lareau",), "2011a", "p. 4"), (("Smith",), "2019", "")]),
    ("(2019; 2020)", []),
])
def test_a_part_of_years_alone_cites_the_names_before_it(text, expected):
    """ "(Lareau 2003; 2011)": before, 2011 was dropped (its entry uncited, or a wrong year never seen)."""
    assert [(c.name_texts, c.year_label, c.locator) for c in cite(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("(Clark 2017a, b)", [(("Clark",), "2017a", ""), (("Clark",), "2017b", "")]),
    ("(Clark, 2017a,b, p. 30)", [(("Clark",), "2017a", ""), (("Clark",), "2017b", "p. 30")]),
    ("as Clark (2017a, b, c) shows", [(("Clark",), "2017a", ""), (("Clark",), "2017b", ""), (("Clark",), "2017c", "")]),
    ("(Lee 2010; 2017a, b)", [(("Lee",), "2010", ""), (("Lee",), "2017a", ""), (("Lee",), "2017b", "")]),
    ("(Clark 2017, p 4)", [(("Clark",), "2017", "p 4")]),
])
def test_a_lone_letter_after_a_suffixed_year_is_that_years_next_work(text, expected):
    """Harvard's and APA 6's "(Clark 2017a, b)": before, no citation at all (both entries told uncited)."""
    assert [(c.name_texts, c.year_label, c.locator) for c in cite(text)] == expected


@pytest.mark.parametrize("text, locator", [
    ("(Smith, 2019, 00:12:34)", "00:12:34"), ("(Smith, 2019, 1:45:03)", "1:45:03"),
    ("(Smith, 2019, Section 3.2)", "Section 3.2"), ("(Smith, 2019, Article 3)", "Article 3"),
    ("(Smith, 2019, Theorem 2)", "Theorem 2"), ("(Smith, 2019, Eq. 4)", "Eq. 4"),
    ("(Smith, 2019, p. 4n2)", "p. 4n2"), ("(Smith 2019, 12n5)", "12n5"), ("(Smith, 2019, 12f.)", "12f."),
    ("(Smith, 2019, p. 4, emphasis added)", "p. 4"), ("(Smith, 2019, p. 4 [italics added])", "p. 4"),
    ("(Smith, 2019, emphasis in original)", ""), ("Smith (2019, p. 4, my translation) says", "p. 4"),
])
def test_more_places_and_a_remark_after_the_place(text, locator):
    """APA's timestamp, a numbered section or article, Chicago's note "4n2", German "12f.", and "emphasis added":
    before, each made the parenthesis no citation at all."""
    (found,) = cite(text)
    assert (found.name_texts, found.year_label, found.locator) == (("Smith",), "2019", locator)


@pytest.mark.parametrize("text", [
    "(J. Smith, personal communication, May 5, 2019)", "(R. Brown, pers. comm., 2021)",
    "T. Nguyen (personal communication, March 3, 2020) agreed",
])
def test_a_personal_communication_cites_no_entry(text):
    """APA lists no personal communication: before, "(J. Smith, personal communication, May 5, 2019)" was a
    citation of "J. Smith, personal communication, May 5", reported missing."""
    assert list(cite(text)) == []
    assert [c.name_texts for c in cite("(Lee, 2018; R. Brown, pers. comm., 2021)")] == [("Lee",)]


@pytest.mark.parametrize("text", ["(Green, nd)", "(Green nd)", "(Green, ND)", "Green (nd) says"])
def test_nd_without_its_full_stops_is_no_date(text):
    """Before, "(Green, nd)" was Green with the locator "nd" (note d, a Roman 500): a missing-year warning whose fix
    wrote "(Green, n.d., nd)"."""
    (found,) = cite(text)
    assert (found.name_texts, found.year_label, found.locator) == (("Green",), "n.d.", "")


@pytest.mark.parametrize(
    "text, stripped",
    [
        ("(see Smith, 2019)", "Smith, 2019"),
        ("(See also Smith, 2019)", "Smith, 2019"),
        ("(e.g., Smith, 2019)", "Smith, 2019"),
        ("(cf. Smith, 2019)", "Smith, 2019"),
        ("(for example, Smith, 2019)", "Smith, 2019"),
    ],
)
def test_prefixes_are_not_part_of_the_citation(text, stripped):
    citation = one(text)
    assert citation.text == stripped
    assert text[citation.span.start : citation.span.end] == stripped
    assert citation.name_texts == ("Smith",)


def test_prefix_on_a_later_part():
    found = cite("(e.g., Smith, 2019; cf. Jones, 2020)")
    assert [c.text for c in found] == ["Smith, 2019", "Jones, 2020"]


def test_name_spans_are_exact():
    source = "Cybersex (Enos & Kin, 2019) and (Smith, Jones, & Lee, 2019b, p. 4)."
    found = cite(source)
    spans = [source[n.span.start : n.span.end] for c in found for n in c.names]
    assert spans == ["Enos", "Kin", "Smith", "Jones", "Lee"]
    assert found[0].names[1].span.column == source.index("Kin") + 1
    assert found[0].names[1].span.line == 1


def test_spans_map_through_removed_text():
    original = "Text (Zuagg,\nPAGE HEADER\n2019) more."
    cut = original.index("PAGE HEADER\n")
    kept = original[:cut] + original[cut + len("PAGE HEADER\n") :]
    origin = tuple(range(cut)) + tuple(range(cut + len("PAGE HEADER\n"), len(original) + 1))
    text = CleanText(file="f.md", text=kept, origin=origin, source=original)
    (citation,) = find_citations(text)
    name = citation.names[0]
    assert original[name.span.start : name.span.end] == "Zuagg"
    assert citation.span.end == original.index("2019") + 4
    assert citation.text == "Zuagg, 2019"


@pytest.mark.parametrize(
    "text",
    [
        "(Zuagg,\n2019)",
        "(Zuagg ,  2019)",
        "(\n Zuagg,\n\n2019 \n)",
        "(Zuagg,\t2019)",
    ],
)
def test_any_whitespace_inside_a_citation(text):
    citation = one(text)
    assert citation.name_texts == ("Zuagg",) and citation.year == 2019
    assert citation.text in ("Zuagg, 2019", "Zuagg , 2019")
    assert text[citation.names[0].span.start : citation.names[0].span.end] == "Zuagg"


# --- titles as authors ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title, label",
    [
        ("(Human trafficking in developed countries more common than previously thought, 2018)",
         "Human trafficking in developed countries more common than previously thought", "2018"),
        ("(2021 Trafficking in Persons Report: China, 2021)", "2021 Trafficking in Persons Report: China", "2021"),
        ("(What is Human Trafficking?, n.d.)", "What is Human Trafficking?", "n.d."),
        ("(What is Human Trafficking?,\n\nn.d.)", "What is Human Trafficking?", "n.d."),
        ("(What is Human Trafficking? , \nn.d.)", "What is Human Trafficking?", "n.d."),
        ("(North Korean women forced into sex slavery in China – report, 2019)",
         "North Korean women forced into sex slavery in China – report", "2019"),
        ("(The Foreign NGO Law and its Implementation Legal Path for Foreign NGOs in China, 2021)",
         "The Foreign NGO Law and its Implementation Legal Path for Foreign NGOs in China", "2021"),
        ("(Global Report on Trafficking in Persons 2020, 2021)", "Global Report on Trafficking in Persons 2020", "2021"),
        ("(“Human Trafficking,” 2019)", "Human Trafficking", "2019"),
    ],
)
def test_title_as_author(text, title, label):
    citation = one(text)
    assert citation.name_texts == (title,)
    assert citation.year_label == label
    assert citation.title_as_author


def test_title_with_nested_parentheses():
    source = (
        "sell daughters (Starved of Rights: Human Rights and the Food Crisis\n"
        "in the Democratic People’s Republic of Korea (North Korea), 2004). Abuse"
    )
    citation = one(source)
    assert citation.name_texts == (
        "Starved of Rights: Human Rights and the Food Crisis in the Democratic People’s Republic of Korea (North Korea)",
    )
    assert citation.year == 2004 and citation.title_as_author
    name = citation.names[0]
    assert source[name.span.start : name.span.end].endswith("(North Korea)")
    assert citation.span.end == source.index("2004") + 4


def test_known_title_without_year_even_with_a_comma_inside():
    source = "which experts asked (China: Newly adopted Foreign NGO Law should be repealed, UN\nexperts urge) to"
    citation = one(source, (CHINA_NGO,))
    assert citation.name_texts == (CHINA_NGO,)
    assert citation.year is None and not citation.no_date and citation.year_label == ""
    assert citation.title_as_author
    assert cite(source) == ()


@pytest.mark.parametrize(
    "text", ["(Human Trafficking)", "(human  trafficking)", "(The Human\nTrafficking)", "( Human Trafficking )"]
)
def test_known_title_matches_case_whitespace_and_the_insensitively(text):
    citation = one(text, ("Human Trafficking",))
    assert citation.title_as_author and citation.year is None


def test_known_title_followed_by_a_locator():
    citation = one("(Human Trafficking, p. 5)", ("Human Trafficking",))
    assert citation.name_texts == ("Human Trafficking",) and citation.locator == "p. 5"


def test_known_family_name_without_year_is_not_a_title():
    citation = one("(Newman)", ("Newman",))
    assert citation.name_texts == ("Newman",) and not citation.title_as_author


def test_known_title_containing_a_semicolon():
    known = ("Rights; Wrongs",)
    citation = one("(Rights; Wrongs)", known)
    assert citation.name_texts == ("Rights; Wrongs",)


# --- narrative forms ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names, etal, written",
    [
        ("As Yoon (2019) argues, it is so.", ("Yoon",), False, "Yoon (2019)"),
        ("Yoon (2019) argues", ("Yoon",), False, "Yoon (2019)"),
        ("evidence from Enos and Kim (2019) shows", ("Enos", "Kim"), False, "Enos and Kim (2019)"),
        ("evidence from Enos & Kim (2019) shows", ("Enos", "Kim"), False, "Enos & Kim (2019)"),
        ("as Smith, Jones, and Lee (2019) show", ("Smith", "Jones", "Lee"), False, "Smith, Jones, and Lee (2019)"),
        ("as Smith et al. (2019) show", ("Smith",), True, "Smith et al. (2019)"),
        ("in Newman's (2013) account", ("Newman",), False, "Newman's (2013)"),
        ("in Newman’s (2013) account", ("Newman",), False, "Newman’s (2013)"),
        ("In China, Yoon (2019) found", ("Yoon",), False, "Yoon (2019)"),
        ("Meanwhile Newman (2013) wrote", ("Newman",), False, "Newman (2013)"),
        ("a report by CNN (2019) said", ("CNN",), False, "CNN (2019)"),
        ("a study by van der Berg (2019) said", ("van der Berg",), False, "van der Berg (2019)"),
        ("argued by\nYoon\n(2019) before", ("Yoon",), False, "Yoon (2019)"),
    ],
)
def test_narrative_forms(text, names, etal, written):
    citation = one(text)
    assert citation.narrative
    assert citation.name_texts == names
    assert citation.etal == etal
    assert citation.text == written
    assert citation.year == 2019 or citation.year == 2013
    for name in citation.names:
        assert text[name.span.start : name.span.end] == name.text


def test_narrative_year_forms_and_locator():
    citation = one("Yoon (2019a, p. 12) argues")
    assert citation.year_label == "2019a" and citation.locator == "p. 12" and citation.narrative
    assert one("Yoon (n.d.) argues").no_date
    found = cite("Yoon (2019, 2020) argues")
    assert [c.year_label for c in found] == ["2019", "2020"]


def test_narrative_prefers_a_known_name_at_the_end_of_a_capitalised_run():
    citation = one("the Korean NGO Yoon (2019) says", ("Yoon",))
    assert citation.name_texts == ("Yoon",)


@pytest.mark.parametrize(
    "text",
    [
        "It rose (2019).",
        "In (2019) it rose.",
        "Since (2019) it rose.",
        "in March (2019) it rose.",
        "a COVID-19 (2020) wave",
        "ranked Tier (2019) three",
        "numbers (2019) rose",
    ],
)
def test_year_alone_without_a_name_is_not_a_citation(text):
    assert cite(text) == ()


# --- not citations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the report (TIP) says",
        r"a sum (about \$4,500) paid",
        "in (North Korea) itself",
        r"prices (\$4.30; £3.40) rose",
        "(2019)",
        "see (p. 16)",
        "[Smith, 2019](https://example.org/smith_(2019))",
        "[link](https://example.org/a_(Smith,_2019))",
        "<https://example.org/(Smith,_2019)>",
        "at https://en.wikipedia.org/wiki/Smith_(Jones,_2019) today",
        "`f(Smith, 2019)`",
        "(in 2019)",
        "(In 2019)",
        "(since 2019)",
        "(In March, 2019)",
        "(May 2019)",
        "(COVID-19, 2020)",
        "(Tier 2, 2021)",
        "(In the first half of 2019)",
        "(for example, 2019)",
        "(1,000 women, 2019)",
        "(running page headers, URLs broken across lines, markdown escapes)",
        "an unclosed (Smith, 2019 parenthesis",
    ],
)
def test_not_citations(text):
    assert cite(text) == ()


def test_unclosed_parenthesis_does_not_hide_later_citations():
    found = cite("an unclosed ( paren and later (Smith, 2019).")
    assert [c.name_texts for c in found] == [("Smith",)]


def test_citation_inside_a_non_citation_parenthesis():
    found = cite("(as argued by Yoon (2019) and later (Smith, 2020))")
    assert [(c.name_texts, c.narrative) for c in found] == [(("Yoon",), True), (("Smith",), False)]


def test_document_order_mixes_narrative_and_parenthetical():
    found = cite("First (Choe, 2019), then Yoon (2019) and (Chen, 2020; Barr, 2019).")
    assert [c.name_texts[0] for c in found] == ["Choe", "Yoon", "Chen", "Barr"]
    assert [c.span.start for c in found] == sorted(c.span.start for c in found)


def test_mla_author_page_citations_of_known_names_and_titles():
    text = CleanText.identity("m.md", 'Taxis (Okafor 12), bans (Nguyen and Park 4-6), pay ("Lagos Transit Report" 7), '
                                      "a typo (Okafer 3), and no citation: (Table 3), (Chapter 4), (Okafor 2019 data).")
    found = find_citations(text, known_titles=["Okafor", "Nguyen", "Park", "Lagos Transit Report"])
    assert [([n.text for n in c.names], c.locator, c.year, c.title_as_author) for c in found] == [
        (["Okafor"], "12", None, False),
        (["Nguyen", "Park"], "4-6", None, False),
        (["Lagos Transit Report"], "7", None, True),
        (["Okafer"], "3", None, False),  # nearly a known name: reconcile weighs the spelling
    ]


def test_an_mla_document_is_not_asked_for_years():
    from citecheck.reconcile.checks import author_page_style

    text = CleanText.identity("m.md", "A (Okafor 12) and B (Park 4) and C (Lee, 2019).")
    assert author_page_style(find_citations(text, known_titles=["Okafor", "Park", "Lee"]))
    text = CleanText.identity("a.md", "A (Okafor, 2019) and B (Park, 2020) and C (Human Trafficking).")
    assert not author_page_style(find_citations(text, known_titles=["Okafor", "Park", "Human Trafficking"]))


def test_mla_citations_of_names_no_entry_has_are_candidates_in_an_mla_document():
    from citecheck.parse.citations import author_page_candidates

    text = CleanText.identity("m.md", "Known (Okafor 12); unknown (Adeyemi 88-90) and (Bello and Ade 4); "
                                      "not names: (Table 3), (Chapter 12), (see 4).")
    found = find_citations(text, known_titles=["Okafor"])
    extra = author_page_candidates(text, found)
    assert [([n.text for n in c.names], c.locator) for c in extra] == [(["Adeyemi"], "88-90"), (["Bello", "Ade"], "4")]


def test_an_apa_citation_of_a_work_in_press():
    (c,) = find_citations(CleanText.identity("a.md", "Others differ (Jones & Wu, in press)."))
    assert [n.text for n in c.names] == ["Jones", "Wu"] and c.no_date and c.year is None


def test_an_acronym_that_spells_a_stop_word_is_a_name():
    text = CleanText.identity("w.md", "So does the WHO (2012), as (WHO, 2013) says; who (2014) knows.")
    assert [(c.text, [n.text for n in c.names]) for c in find_citations(text)] == [
        ("WHO (2012)", ["WHO"]), ("WHO, 2013", ["WHO"])]


def test_an_organisation_of_many_words_cites_as_one_author():
    text = CleanText.identity("x.md", "Power grew (Welsh Marine Energy Forum 2023; International Organization for "
                                      "Migration, 2019). Not (Annual Report of the Year 2020).")
    found = [(c.name_texts, c.year, c.title_as_author) for c in find_citations(text)]
    assert found == [(("Welsh Marine Energy Forum",), 2023, False),
                     (("International Organization for Migration",), 2019, False)]


def test_a_firm_named_twice_is_one_author_when_the_list_has_it():
    text = CleanText.identity("j.md", "Sales grew (Johnson & Johnson, 2021) and (Smith & Jones, 2020).")
    found = find_citations(text, known_titles=["Johnson & Johnson", "Smith", "Jones"])
    assert [[n.text for n in c.names] for c in found] == [["Johnson & Johnson"], ["Smith", "Jones"]]


LISTED_ABROAD = ["Müller", "Schmidt", "García", "López", "Dupont", "Martin", "Rossi", "Bianchi", "Ortega y Gasset"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("as shown (Müller und Schmidt 2019).", ("Müller", "Schmidt")),
        ("as shown (García y López, 2018).", ("García", "López")),
        ("as shown (Dupont et Martin 2017).", ("Dupont", "Martin")),
        ("Müller und Schmidt (2019) zeigen", ("Müller", "Schmidt")),
        ("Rossi e Bianchi (2016) mostrano", ("Rossi", "Bianchi")),
        ("Ortega y Gasset (1930) escribe", ("Ortega y Gasset",)),
        ("as shown (Ortega y Gasset 1930).", ("Ortega y Gasset",)),
        ("as shown (Dupont et al. 2017).", ("Dupont",)),
    ],
)
def test_und_y_et_e_join_two_listed_names_in_a_citation(text, names):
    (citation,) = find_citations(CleanText.identity("doc.md", text), known_titles=LISTED_ABROAD)
    assert citation.name_texts == names


def test_y_joins_no_names_the_list_does_not_have():
    (citation,) = find_citations(CleanText.identity("doc.md", "as shown (García y López 2018)."))
    assert citation.name_texts == ("García y López",)


def test_a_german_page_locator():
    (citation,) = find_citations(CleanText.identity("doc.md", "Speicher fehlen (Weber 2020, S. 14)."))
    assert (citation.name_texts, citation.year, citation.locator) == (("Weber",), 2020, "S. 14")


def test_the_original_year_in_brackets_after_the_year_cited():
    text = "Exchange obliges (Mauss 1990 [1925], 12), as Mauss (1990 [1925]) argues."
    found = find_citations(CleanText.identity("doc.md", text))
    assert [(c.name_texts, c.year, c.locator) for c in found] == [(("Mauss",), 1990, "12"), (("Mauss",), 1990, "")]
