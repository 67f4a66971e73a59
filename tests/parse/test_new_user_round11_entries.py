"""Entries the gaps of round 10 had misread: a chapter's editors after its book's title in other languages
("hrsg. v.", "hg. von", "éd. par", "ed. por", "ed. by"), ABNT's place inside a journal's name, Hebrew and Arabic
conjunctions written onto the next name, Vietnamese whole entries, AAA's original year "1990 [1925]", and family
names written in capitals as a style (DIN 1505, ISO 690, ABNT)."""
from __future__ import annotations

import pytest

from one_reference import read_one


@pytest.mark.parametrize("entry, container, editors", [
    ("Weber, Max (2001): Die Stadt. In: Wirtschaft und Gesellschaft, hrsg. v. Wilfried Nippel. Tübingen: Mohr Siebeck, "
     "S. 1–20.", "Wirtschaft und Gesellschaft", [("Nippel", "Wilfried")]),
    ("Weber, Max (2001): Die Stadt. In: Wirtschaft und Gesellschaft, hg. von Wilfried Nippel. Tübingen: Mohr Siebeck.",
     "Wirtschaft und Gesellschaft", [("Nippel", "Wilfried")]),
    ("Smith, John (2001). The city. In: Economy and Society, ed. by Mary Jones and Paul Brown. London: Routledge, "
     "pp. 1–20.", "Economy and Society", [("Jones", "Mary"), ("Brown", "Paul")]),
    ("Dupont, Jean (2001). La ville. In : Économie et société, éd. par Marie Martin. Paris : PUF, p. 1-20.",
     "Économie et société", [("Martin", "Marie")]),
    ("García, Juan (2001). La ciudad. En: Economía y sociedad, ed. por Ana López. Madrid: Alianza, pp. 1-20.",
     "Economía y sociedad", [("López", "Ana")]),
])
def test_a_chapters_editors_after_its_book_in_other_languages(entry, container, editors):
    ref = read_one(entry)
    assert ref.container == container
    assert [(n.family, n.given) for n in ref.editors] == editors
    assert [n.family for n in ref.authors] == [entry.split(",")[0]]


@pytest.mark.parametrize("entry, journal, place, title", [
    ("SANTOS, Pedro; LIMA, Carla. Evasão escolar no ensino médio. **Revista Brasileira de Educação**, Rio de Janeiro, "
     "v. 24, n. 3, p. 1-20, jul. 2019.", "Revista Brasileira de Educação", "Rio de Janeiro", "Evasão escolar no ensino médio"),
    ("SANTOS, Pedro. Evasão escolar. Revista Brasileira de Educação, Rio de Janeiro, v. 24, n. 2, p. 10-20, 2019.",
     "Revista Brasileira de Educação", "Rio de Janeiro", "Evasão escolar"),
    ("COSTA, Ana. Cidades médias. **Cadernos Metrópole**, São Paulo, v. 12, n. 1, p. 45-67, 2010.",
     "Cadernos Metrópole", "São Paulo", "Cidades médias"),
    ("COSTA, Ana. Cidades médias. **Cadernos Metrópole**, v. 12, n. 1, p. 45-67, 2010.", "Cadernos Metrópole", "",
     "Cidades médias"),
])
def test_an_abnt_journals_place_is_read_apart_from_its_name(entry, journal, place, title):
    ref = read_one(entry)
    assert (ref.container, ref.place, ref.title) == (journal, place, title)
    assert ref.volume and ref.pages


@pytest.mark.parametrize("names, expected", [
    ("כהן, ד' ולוי, מ'", [("כהן", "ד'"), ("לוי", "מ'")]),
    ("כהן, ד', לוי, מ' ומזרחי, ש'", [("כהן", "ד'"), ("לוי", "מ'"), ("מזרחי", "ש'")]),
    ("العلي، أحمد والحسن، محمد", [("العلي", "أحمد"), ("الحسن", "محمد")]),
    # a name that merely starts with the letter: no list before it
    ("וולך, דוד", [("וולך", "דוד")]),
    ("وليد، أحمد", [("وليد", "أحمد")]),
    ("حسن، علي وليد", [("حسن", "علي وليد")]),
])
def test_hebrew_and_arabic_and_written_onto_the_next_name(names, expected):
    from citecheck.parse.names import parse_author_list
    assert [(n.family, n.given) for n in parse_author_list(names)] == expected


@pytest.mark.parametrize("entry, authors, title", [
    ("לוי, ר' ומזרחי, ש' (2020). הגירה פנימית. *מגמות*, 55(2), 100-120.", ["לוי", "מזרחי"], "הגירה פנימית"),
    ("حسن، علي ومحمود، سارة (2020). الهجرة الداخلية. *مجلة العلوم الاجتماعية*، 48(2)، 100-120.", ["حسن", "محمود"],
     "الهجرة الداخلية"),
])
def test_a_hebrew_or_arabic_entry_keeps_its_two_authors(entry, authors, title):
    ref = read_one(entry)
    assert [n.family for n in ref.authors] == authors
    assert ref.title == title and ref.year == 2020 and ref.pages == "100-120"


@pytest.mark.parametrize("entry, authors, fields", [
    ("Trần Thị Bình và Lê Văn Cường (2020), *Kinh tế đô thị*, Nhà xuất bản Thống kê, Hà Nội.",
     [("Trần", "Thị Bình"), ("Lê", "Văn Cường")],
     {"title": "Kinh tế đô thị", "publisher": "Nhà xuất bản Thống kê", "place": "Hà Nội"}),
    ("Trần Thị Bình và Lê Văn Cường (2020). Tiêu đề. Nhà xuất bản Giáo dục.",
     [("Trần", "Thị Bình"), ("Lê", "Văn Cường")], {"title": "Tiêu đề", "publisher": "Nhà xuất bản Giáo dục"}),
    ("Phạm Minh Đức, Hoàng Thu Hà và Vũ Quang Huy (2021), \"Di cư nội địa\", *Tạp chí Xã hội học*, 153(1), tr. 20-35.",
     [("Phạm", "Minh Đức"), ("Hoàng", "Thu Hà"), ("Vũ", "Quang Huy")],
     {"title": "Di cư nội địa", "container": "Tạp chí Xã hội học", "volume": "153", "pages": "20-35"}),
])
def test_a_whole_vietnamese_entry_reads_its_names_as_authors(entry, authors, fields):
    ref = read_one(entry)
    assert [(n.family, n.given) for n in ref.authors] == authors
    assert {k: getattr(ref, k) for k in fields} == fields


@pytest.mark.parametrize("entry, year, original", [
    ("Mauss, Marcel\n1990 [1925] The Gift: The Form and Reason for Exchange in Archaic Societies. W. D. Halls, trans. "
     "London: Routledge.", 1990, "1925"),
    ("Mauss, M. (1990 [1925]). The gift. London: Routledge.", 1990, "1925"),
    # Chicago's "(1912) 1995.": the year is the edition's, the bracket the original's
    ("Durkheim, Émile. (1912) 1995. The Elementary Forms of Religious Life. New York: Free Press.", 1995, "1912"),
    ("Weber, Max. (1905) 2002. The Protestant Ethic and the Spirit of Capitalism. Translated by Stephen Kalberg. "
     "Los Angeles: Roxbury.", 2002, "1905"),
])
def test_the_original_year_beside_the_year_is_the_origdate(entry, year, original):
    from citecheck.emit.bibtex import to_bibtex
    from citecheck.emit.csl import to_csl_json
    from citecheck.emit.keys import assign_keys
    ref = read_one(entry)
    assert (ref.year, dict(ref.extra).get("origdate")) == (year, original)
    assert ref.title.startswith("The") and ref.authors
    (keyed,) = assign_keys([ref])
    assert f"origdate = {{{original}}}" in to_bibtex([keyed])
    assert f'"original-date": {{\n      "date-parts": [\n        [\n          {original}' in to_csl_json([keyed])


def test_a_bracketed_year_inside_a_title_is_no_origdate():
    ref = read_one("Smith, J. (2019). Notes on the 1850 [1848] edition. London: Verso.")
    assert ref.year == 2019 and "origdate" not in dict(ref.extra)


def _families(text: str) -> list[list[str]]:
    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list
    refs = parse_reference_list(CleanText.identity("refs.md", text))
    return [[n.family or n.literal for n in (*r.authors, *r.editors)] for r in refs]


def test_family_names_a_list_writes_in_capitals_are_written_as_names():
    din = ("KEMFERT, Claudia: *Das fossile Imperium schlägt zurück*. Hamburg : Murmann, 2017.\n\n"
           "MÜLLER-LÜDENSCHEIDT, Karl ; McDONALD, Anna: Speicherbedarf. In: *Energiewirtschaftliche Tagesfragen* 70 (2020), "
           "Nr. 3, S. 12–16\n\n"
           "SILVA, J. A. da; ÇELİK, Ayşe. **Cidades**. São Paulo: Cortez, 2020.\n\n"
           "UNESCO. *Education report*. Paris: UNESCO, 2019.\n")
    assert _families(din) == [["Kemfert"], ["Müller-Lüdenscheidt", "McDonald"], ["Silva", "Çelik"], ["UNESCO"]]
    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list
    silva = parse_reference_list(CleanText.identity("refs.md", din))[2].authors[0]
    assert (silva.particle, silva.raw) == ("da", "SILVA, J. A. da")  # the name as written stays in raw


def test_a_mc_name_in_capitals_all_through_gets_its_capital_after_mc():
    din = ("MCCARTHY, Cormac: *Die Straße*. Reinbek : Rowohlt, 2007.\n\n"
           "MACHADO, Ana: *Cidades*. São Paulo : Cortez, 2020.\n")
    assert _families(din) == [["McCarthy"], ["Machado"]]


def test_a_name_in_capitals_among_names_in_the_usual_case_stays_as_written():
    apa = ("NG, A. (2019). *Machine learning*. Stanford: Stanford Press.\n\n"
           "Smith, J. (2020). *Cities*. Boston: Beacon.\n\n"
           "Jones, K. (2021). *Towns*. Boston: Beacon.\n")
    assert _families(apa) == [["NG"], ["Smith"], ["Jones"]]


@pytest.mark.parametrize("entry, names, title", [
    ("KEMFERT, Claudia: *Das fossile Imperium schlägt zurück*. Hamburg : Murmann, 2017.", [("Kemfert", "Claudia")],
     "Das fossile Imperium schlägt zurück"),
    ("WEBER, K.-H.: Stadtplanung heute. Berlin : Springer, 2018.", [("Weber", "K.-H.")], "Stadtplanung heute"),
    ("MÜLLER, Karl ; McDONALD, Anna: Speicherbedarf. In: *Energiewirtschaftliche Tagesfragen* 70 (2020), Nr. 3, S. 12–16",
     [("Müller", "Karl"), ("McDonald", "Anna")], "Speicherbedarf"),
    # a family name of several words in capitals; a given name that is a month's ("Jan"), once lost as a date
    ("VAN DER BERG, Jan: Dutch water. Amsterdam : Boom, 2011.", [("Van der Berg", "Jan")], "Dutch water"),
    ("MÜLLER, Karl ; DE LA FUENTE, Juan: Aprendizaje. Madrid : Pirámide, 2014.",
     [("Müller", "Karl"), ("De la Fuente", "Juan")], "Aprendizaje"),
    # a given name before the title, whose first word ends at a colon: the title keeps it
    ("Little, Graham, Friendship: Being Ourselves With Others, Melbourne: Scribe, 2000.", [("Little", "Graham")],
     "Friendship: Being Ourselves With Others"),
])
def test_a_din_given_name_before_the_colon_is_no_part_of_the_title(entry, names, title):
    ref = read_one(entry)
    assert [(n.family, n.given) for n in ref.authors] == names
    assert ref.title == title


def test_an_mla_site_keeps_its_publisher_and_its_address_without_a_scheme():
    ref = read_one("\"The Walt Whitman Archive.\" Edited by Ed Folsom and Kenneth M. Price, Center for Digital Research in the "
                   "Humanities, U of Nebraska-Lincoln, whitmanarchive.org. Accessed 3 Mar. 2023.")
    assert ref.title == "The Walt Whitman Archive"
    assert [n.family for n in ref.editors] == ["Folsom", "Price"]
    assert ref.publisher == "Center for Digital Research in the Humanities, U of Nebraska-Lincoln"
    assert [u.url for u in ref.urls] == ["https://whitmanarchive.org"] and ref.accessed == "2023-03-03"
    site = read_one("\"Shakespeare Documented.\" Edited by Heather Wolfe, Folger Shakespeare Library, 2016, "
                    "shakespearedocumented.folger.edu. Accessed 2 Feb. 2023.")
    assert ([n.family for n in site.editors], site.publisher) == (["Wolfe"], "Folger Shakespeare Library")
    assert [u.url for u in site.urls] == ["https://shakespearedocumented.folger.edu"]


def test_a_host_alone_is_no_address_without_mlas_accessed():
    ref = read_one("Bezos, J. (2019). *Selling online*. Amazon.com.")
    assert ref.urls == ()


@pytest.mark.parametrize("entry, editors", [
    ("Jones, K. \"Chapter.\" *Handbook*, edited by Ann Lee, Bob Roe, and Carl Poe, Oxford UP, 2018, pp. 3-9.",
     [("Lee", "Ann"), ("Roe", "Bob"), ("Poe", "Carl")]),
    ("Ruiz, C. (2019). Vivienda y juventud. En A. Martín & B. Sánchez (Eds.), *Políticas urbanas* (pp. 30–52). "
     "Tirant lo Blanch.", [("Martín", "A."), ("Sánchez", "B.")]),
])
def test_editors_given_names_first_after_edited_by_or_spanish_en(entry, editors):
    assert [(n.family, n.given) for n in read_one(entry).editors] == editors


@pytest.mark.parametrize("entry, author", [
    ("Instituto Nacional de Estadística. (2021). *Estadística de migraciones 2020*. https://www.ine.es/prensa/em_2020.pdf",
     "Instituto Nacional de Estadística"),
    ("Universidad Nacional de Colombia. (2019). *Informe de gestión*. Bogotá.", "Universidad Nacional de Colombia"),
])
def test_an_organisation_named_in_another_language_is_one_literal_author(entry, author):
    (name,) = read_one(entry).authors
    assert name.literal == author


def test_iso_690_names_in_capitals_joined_by_et():
    ref = read_one("DUPUY, Gabriel et MARTIN, Claire. Les villes face à l'automobile. *Flux*. 2019, n° 115, p. 5-20.")
    assert [(n.family, n.given) for n in ref.authors] == [("Dupuy", "Gabriel"), ("Martin", "Claire")]


@pytest.mark.parametrize("entry, note, fields", [
    ("Mills, Gerald (2008). \"Luke Howard and The Climate of London\". *Weather*. **63** (6): 153–157. "
     "Bibcode:2008Wthr...63..153M. doi:10.1002/wea.195.", "Bibcode:2008Wthr...63..153M",
     {"container": "Weather", "volume": "63", "issue": "6", "place": "", "publisher": ""}),
    ("Doe, Jane (2010). \"Heat\". *Science*. **330** (6001): 12–14. JSTOR 40931234. PMC 3001234. OCLC 12345678.",
     "JSTOR 40931234. OCLC 12345678",  # (its "PMC 3001234" is the entry's pmcid since round 12)
     {"container": "Science", "volume": "330", "issue": "6001", "pages": "12–14"}),  # a four-digit issue, no year
])
def test_wikipedias_identifiers_are_kept_in_the_note(entry, note, fields):
    ref = read_one(entry)
    assert ref.note == note
    assert {k: getattr(ref, k) for k in fields} == fields


def test_wikipedia_backlinks_as_pandoc_writes_them_are_no_part_of_the_entry():
    from citecheck.model import CleanText
    from citecheck.parse.cleanup import strip_backlinks
    text, count = strip_backlinks(CleanText.identity(
        "refs.md", "1. ^ ^a^ ^b^ Mills, Gerald (2008). *Weather*.\n2. ^ ^***a***^ ^***b***^ Oke, T. R. (1982). *QJ*.\n"
                   "3. ^ a study. Smith, J. (2001). *Towns*.\n"))
    assert count == 3
    assert text.text == "1. Mills, Gerald (2008). *Weather*.\n2. Oke, T. R. (1982). *QJ*.\n3. a study. Smith, J. (2001). *Towns*.\n"


def test_a_cvs_publications_heading_opens_its_list(tmp_path, monkeypatch):
    from citecheck.config import Settings
    from citecheck.pipeline import check
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cv.md").write_text(
        "# Curriculum vitae\n\nSelected work (Torres 2021; Torres and Kim 2019).\n\n## Publications\n\n### Journal articles\n\n"
        "- **Torres, A.**, & Kim, J. (2019). Heat stress in informal settlements. *Urban Climate*, 28, 100456.\n"
        "- **Torres, A.** (2021). Cooling the city. *Nature Cities*, 1(2), 45–52.\n", encoding="utf-8")
    result = check(["cv.md"], Settings())
    assert [r.title for r in result.references] == ["Heat stress in informal settlements", "Cooling the city"]
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []


@pytest.mark.parametrize("entry, suffix, state", [
    ("Boyd, R. (in press-a). *Open data*. MIT Press.", "a", "inpress"),
    ("Boyd, R. (forthcoming-b). *Open data*. MIT Press.", "b", "forthcoming"),
])
def test_two_works_in_press_keep_their_titles_and_letters(entry, suffix, state):
    ref = read_one(entry)
    assert (ref.title, ref.year_suffix, dict(ref.extra).get("pubstate")) == ("Open data", suffix, state)


def test_iso_690s_medium_after_the_title_is_a_note():
    ref = read_one("SUBER, Peter. *Open access* [online]. Cambridge, MA: MIT Press, 2012 [viewed 5 March 2023]. "
                   "Available from: https://mitpress.mit.edu/books/open-access")
    assert (ref.title, ref.note, ref.publisher) == ("Open access", "[online]", "MIT Press")


@pytest.mark.parametrize("entry, publisher, place", [
    ("Organización Mundial de la Salud. (2021). *Saneamiento*. Ginebra: OMS.", "OMS", "Ginebra"),
    ("Organización Mundial de la Salud. (2021). *Saneamiento*. Ginebra: Organización Mundial de la Salud.",
     "Organización Mundial de la Salud", "Ginebra"),
])
def test_a_body_named_in_spanish_is_the_author_and_its_italic_work_the_title(entry, publisher, place):
    ref = read_one(entry)
    assert [n.literal for n in ref.authors] == ["Organización Mundial de la Salud"]
    assert (ref.title, ref.publisher, ref.place) == ("Saneamiento", publisher, place)
