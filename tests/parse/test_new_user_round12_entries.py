"""Entries round 12's new users pasted and the parse misread: a journal written with its volume and issue after
its name ("In: Nature 511.7508"), Vietnamese names written without their marks ("Nguyen Thi Mai"), and persons
whose given names no name list knows ("Chidi Okafor and Oluwaseun Adeyemi") in a list that writes its authors
given name first."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.names import parse_author_list
from citecheck.parse.references import parse_reference_list
from one_reference import read_one


def _read_list(*entries: str):
    return parse_reference_list(CleanText.identity("refs.md", "# References\n\n" + "\n".join(entries) + "\n"))


def _people(ref):
    return [(n.family, n.given) if not n.literal else n.literal for n in ref.authors]


@pytest.mark.parametrize("entry, journal, volume, issue", [
    ("Smith M, Doe J (2014) Ocean warming and coral bleaching. In: Nature 511.7508, pp 341–345", "Nature", "511", "7508"),
    ("M. Smith and J. Doe. Ocean warming and coral bleaching. In: Nature 511.7508 (July 2014), 341–345.", "Nature",
     "511", "7508"),
])
def test_a_journals_volume_and_issue_after_its_name_are_no_part_of_it(entry, journal, volume, issue):
    ref = read_one(entry)
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (journal, volume, issue, "341–345")


@pytest.mark.parametrize("entry, journal", [
    ("Schwab, K. (2017). The fourth industrial revolution. In: Industry 4.0, pp. 1–20.", "Industry 4.0"),
])
def test_a_journal_whose_name_ends_in_a_version_keeps_it(entry, journal):
    assert read_one(entry).container == journal


@pytest.mark.parametrize("names, expected", [
    ("Nguyen Thi Mai", [("Nguyen", "Thi Mai")]),
    ("Nguyen Thi Mai and Tran Van Hung", [("Nguyen", "Thi Mai"), ("Tran", "Van Hung")]),
    ("Tran Van Hung, Le Thi Lan", [("Tran", "Van Hung"), ("Le", "Thi Lan")]),
    ("Le Thi Lan, Pham Van Dong, and Nguyen Thi Mai", [("Le", "Thi Lan"), ("Pham", "Van Dong"), ("Nguyen", "Thi Mai")]),
    ("Nguyen TM", [("Nguyen", "T. M.")]),
    ("Mai Nguyen", [("Nguyen", "Mai")]),
])
def test_an_unmarked_vietnamese_name_is_family_name_first(names, expected):
    assert [(n.family, n.given) for n in parse_author_list(names)] == expected


_GIVEN_FIRST = (
    "[1] Michael Smith and Jane Doe. “Ocean warming”. In: Nature 511.7508 (2014), pp. 341–345.",
    "[2] Donald E. Knuth. The Art of Computer Programming. Reading, MA: Addison-Wesley, 1997.",
    "[3] Wei Zhang, Li Chen, and Xin Wang. “Crop disease”. In: Nature Plants 5.7 (2019), pp. 498–502.",
)


def test_unknown_given_names_are_persons_in_a_list_written_given_name_first():
    refs = _read_list(*_GIVEN_FIRST,
                      "[4] Chidi Okafor and Oluwaseun Adeyemi. “Mobile money”. In: Journal of African Economies 30.2 "
                      "(2021), pp. 150–171.",
                      "[5] Chidi Okafor, Oluwaseun Adeyemi, and Emeka Nwosu. “Fintech”. In: World Development 140 (2021), "
                      "pp. 1–12.",
                      "[6] Oluwaseun Adeyemi. “Urban water access in Lagos”. PhD thesis. University of Ibadan, 2016.")
    assert _people(refs[3]) == [("Okafor", "Chidi"), ("Adeyemi", "Oluwaseun")]
    assert _people(refs[4]) == [("Okafor", "Chidi"), ("Adeyemi", "Oluwaseun"), ("Nwosu", "Emeka")]
    assert _people(refs[5]) == [("Adeyemi", "Oluwaseun")]  # named so in [4] and [5]


def test_organisations_stay_whole_in_a_list_written_given_name_first():
    refs = _read_list(*_GIVEN_FIRST,
                      "[4] Amnesty International and Human Rights Watch. Joint Statement. London, 2019.",
                      "[5] Ernst Young. Global Fraud Survey. London: EY, 2018.",
                      "[6] Goldman Sachs. Annual Report. New York, 2020.")
    assert _people(refs[3]) == ["Amnesty International and Human Rights Watch"]
    assert _people(refs[4]) == ["Ernst Young"]  # alone, and named nowhere else as a person
    assert _people(refs[5]) == ["Goldman Sachs"]


def test_unknown_given_names_stay_as_read_in_a_list_written_family_name_first():
    refs = _read_list("1. Smith, M., & Doe, J. (2014). Ocean warming. Nature, 511, 341–345.",
                      "2. Knuth, D. E. (1997). The art of computer programming. Addison-Wesley.",
                      "3. García Márquez, Gabriel José (1967). Cien años de soledad. Sudamericana.")
    assert _people(refs[2]) == [("García Márquez", "Gabriel José")]


@pytest.mark.parametrize("names, expected", [
    ("Müller, Karl/Schmidt, Anna", [("Müller", "Karl"), ("Schmidt", "Anna")]),
    ("Müller, K. / Schmidt, A. / Weber, M.", [("Müller", "K."), ("Schmidt", "A."), ("Weber", "M.")]),
])
def test_german_names_parted_by_slashes_are_each_a_person(names, expected):
    assert [(n.family, n.given) for n in parse_author_list(names)] == expected


def test_a_slash_inside_an_organisation_parts_no_names():
    assert [n.literal for n in parse_author_list("Bundesministerium für Umwelt/Naturschutz")] == [
        "Bundesministerium für Umwelt/Naturschutz"]


def test_an_edited_book_with_editors_parted_by_a_slash():
    ref = read_one("Müller, Karl/Schmidt, Anna (Hrsg.) (2015): Handbuch Stadtsoziologie. Wiesbaden: Springer VS.")
    assert [(n.family, n.given) for n in ref.editors] == [("Müller", "Karl"), ("Schmidt", "Anna")]


@pytest.mark.parametrize("entry, number, title, publisher, place, year", [
    ("DIN EN ISO 9001:2015-11: Qualitätsmanagementsysteme – Anforderungen. Berlin: Beuth.", "DIN EN ISO 9001:2015-11",
     "Qualitätsmanagementsysteme – Anforderungen", "Beuth", "Berlin", 2015),
    ("ISO 9001:2015. Quality management systems — Requirements. Geneva: International Organization for "
     "Standardization.", "ISO 9001:2015", "Quality management systems — Requirements",
     "International Organization for Standardization", "Geneva", 2015),
    ("ISO/IEC 27001:2022, Information security management systems — Requirements.", "ISO/IEC 27001:2022",
     "Information security management systems — Requirements", "ISO", "", 2022),
])
def test_a_standard_listed_under_its_designation(entry, number, title, publisher, place, year):
    ref = read_one(entry)
    assert ("number", number) in ref.extra and ref.note == ""
    assert [n.literal for n in ref.authors] == [number.split()[0].split("/")[0]]  # the body a citation names: "(ISO 2015)"
    assert (ref.title, ref.publisher, ref.place, ref.year) == (title, publisher, place, year)


def test_a_standard_after_an_entry_opens_an_entry_of_its_own():
    refs = _read_list("Hoffmann, Lena (2018): Digitale Öffentlichkeiten. Hamburg: Meiner.",
                      "DIN EN ISO 9001:2015-11: Qualitätsmanagementsysteme – Anforderungen. Berlin: Beuth.")
    assert [r.title for r in refs] == ["Digitale Öffentlichkeiten", "Qualitätsmanagementsysteme – Anforderungen"]


def test_a_year_written_on_after_the_title_is_the_titles():
    ref = read_one("Bundesministerium für Bildung und Forschung (BMBF) (2019): Bildung in Deutschland 2018. Berlin.")
    assert (ref.title, ref.year) == ("Bildung in Deutschland 2018", 2019)


def test_an_iso_690_entry_whose_year_comes_late_opens_an_entry_of_its_own():
    refs = _read_list(
        "DURAND, Marie et LEFÈVRE, Paul (dir.). *Les politiques de la ville*. Lyon : Presses universitaires de Lyon, 2016.",
        "MARTIN, Claire. « La ségrégation urbaine en France ». In : DURAND, Marie (dir.). *Les politiques de la ville*. "
        "Lyon : Presses universitaires de Lyon, 2016, p. 45-67.",
        "DUBOIS, Jean. « Les banlieues et l’État ». *Revue française de sociologie*, 2018, vol. 59, n° 2, p. 201-230.")
    assert [r.title for r in refs] == ["Les politiques de la ville", "La ségrégation urbaine en France",
                                       "Les banlieues et l’État"]
    assert [n.family for n in refs[1].authors] == ["Martin"] and refs[1].pages == "45-67"


@pytest.mark.parametrize("entry, editors", [
    ("DURAND, Marie et LEFÈVRE, Paul (dir.). *Les politiques de la ville*. Lyon : PUL, 2016.", ["Durand", "Lefèvre"]),
    ("Smith, Marie (dir.). *Le titre*. Paris: PUF, 2016.", ["Smith"]),
])
def test_names_before_their_bracketed_editor_mark_are_the_editors(entry, editors):
    ref = read_one(entry)
    assert [n.family for n in ref.editors] == editors and not ref.authors


def test_a_body_and_its_year_opens_an_entry_in_a_chicago_author_date_list():
    refs = _read_list(
        "Chakrabarty, Dipesh. 2000. *Provincializing Europe*. Princeton, NJ: Princeton University Press.",
        "Lee, Min Jin. 2020. Dataset of household surveys, version 2.1. Harvard Dataverse. https://doi.org/10.7910/DVN/ABC123.",
        "Harvard Dataverse. 2021. \"Household Survey Data.\" Version 3. https://doi.org/10.7910/DVN/XYZ789.",
        "Smith, John. 2018. *Development Finance*. 2nd ed. London: Routledge.")
    assert [r.year for r in refs] == [2000, 2020, 2021, 2018]
    assert [r.doi for r in refs[1:3]] == ["10.7910/DVN/ABC123", "10.7910/DVN/XYZ789"]
    assert (refs[2].title, refs[2].container, refs[2].volume, ("version", "3") in refs[2].extra) == (
        "Household Survey Data", "", "", True)


def test_an_ama_reports_title_year_after_the_body_is_the_titles():
    ref = read_one("World Health Organization. WHO Guidelines for Safe Surgery 2009: Safe Surgery Saves Lives. World "
                   "Health Organization; 2009. Accessed March 3, 2021. https://apps.who.int/iris/handle/10665/44185")
    assert [n.literal for n in ref.authors] == ["World Health Organization"]
    assert (ref.title, ref.year) == ("WHO Guidelines for Safe Surgery 2009: Safe Surgery Saves Lives", 2009)


@pytest.mark.parametrize("tail, pmid, pmcid, note", [
    ("PMID: 29405270.", "29405270", "", ""),
    ("doi: 10.1002/bjs.10780. PMID: 29405270; PMCID: PMC5812345.", "29405270", "PMC5812345", ""),
    ("JSTOR 40931234. PMC 3001234. OCLC 12345678.", "", "PMC3001234", "JSTOR 40931234. OCLC 12345678"),
    # PLOS writes them in lower case, "pmid:26003380": it was left in the note, which a CSL round trip then read
    # as the item's PMID (session 13, users)
    ("pmid:29405270", "29405270", "", ""),
    ("pmid:29405270. pmcid:PMC5812345.", "29405270", "PMC5812345", ""),
])
def test_pubmeds_identifiers_are_the_entrys_pmid_and_pmcid(tail, pmid, pmcid, note):
    ref = read_one(f"Garcia-Lopez M, van der Meer J. Enhanced recovery after surgery. Br J Surg. 2018;105(2):e12-e20. {tail}")
    extra = dict(ref.extra)
    assert (extra.get("pmid", ""), extra.get("pmcid", ""), ref.note) == (pmid, pmcid, note)


def test_a_vancouver_month_without_a_day_is_the_entrys_date():
    ref = read_one("Okafor C, Adeyemi O. Surgical outcomes in Lagos. Lancet Glob Health. 2020 Mar;8(3):e345-e352.")
    assert ("date", "2020-03") in ref.extra and (ref.volume, ref.issue) == ("8", "3")


def test_an_ama_thesis_word_after_the_title_is_its_genre():
    ref = read_one("Brown P. Outcomes of day surgery. Dissertation. University of Toronto; 2015.")
    assert (ref.title, ref.publisher, ref.type.value) == ("Outcomes of day surgery", "University of Toronto", "thesis")


def test_an_ama_preprints_server_is_its_publisher():
    ref = read_one("Zhang W, Li X. Machine learning for surgical risk. medRxiv. Preprint posted online May 5, 2020. "
                   "doi:10.1101/2020.05.01.20087890")
    assert (ref.publisher, ref.type.value) == ("medRxiv", "article")


@pytest.mark.parametrize("entry, given, title", [
    ("Adichie, Chimamanda Ngozi. *Americanah*. Alfred A. Knopf, 2013.", "Chimamanda Ngozi", "Americanah"),
    ("Smith, Mary Ann. *Americanah*. Knopf, 2013.", "Mary Ann", "Americanah"),
])
def test_an_mla_authors_given_names_before_the_italic_title_are_hers(entry, given, title):
    ref = read_one(entry)
    assert ([n.given for n in ref.authors], ref.title, ref.container) == ([given], title, "")


def test_mla_entries_opening_with_a_title_or_an_uninverted_name_are_entries_of_their_own():
    refs = _read_list(
        "Said, Edward W. *Orientalism*. Vintage Books, 2003.",
        "“The Danger of a Single Story.” *TED*, 7 Oct. 2009, www.ted.com/talks/the_danger. Accessed 12 Mar. 2021.",
        "Nguyen Thi Mai. “Rice and Salinity.” *Mekong Review*, vol. 4, no. 1, 2019, pp. 23–30.",
        "Ngũgĩ wa Thiong'o. *Decolonising the Mind*. James Currey, 1986.",
        "Moonlight. Directed by Barry Jenkins, A24, 2016.")
    assert [r.year for r in refs] == [2003, 2009, 2019, 1986, 2016]
    assert [r.title for r in refs[:3]] + [refs[4].title] == ["Orientalism", "The Danger of a Single Story",
                                                             "Rice and Salinity", "Moonlight"]
    assert refs[3].title.endswith("Decolonising the Mind")  # (its author without a comma is not always read apart)


def test_a_hard_wrapped_chicago_entry_keeps_its_journal_line():
    refs = _read_list("Smith, John. 2019. “A Title.”",
                      "*Journal of Things* 3 (2): 45–67.",
                      "Doe, Jane. 2018. *A Book*. London: Verso.")
    assert len(refs) == 2 and refs[0].container == "Journal of Things"


def test_a_gost_book_with_a_revised_edition_and_its_isbn():
    ref = read_one("Иванов И. И., Петров П. П. Экономика регионов России : монография. – 2-е изд., перераб. и доп. – "
                   "Москва : Юрайт, 2019. – 345 с. – ISBN 978-5-534-01234-5.")
    assert (ref.title, ref.edition, ref.place, ref.publisher, ref.year) == (
        "Экономика регионов России : монография", "2", "Москва", "Юрайт", 2019)
    assert [n.family for n in ref.authors] == ["Иванов", "Петров"] and ref.isbn == "978-5-534-01234-5"


def test_a_gost_dissertation():
    ref = read_one("Кузнецова А. В. Региональная политика : дис. … канд. экон. наук : 08.00.05. – Москва, 2017. – 180 с.")
    assert (ref.title, ref.place, ref.year, ref.type.value) == ("Региональная политика", "Москва", 2017, "thesis")
    assert ("type", "дис. … канд. экон. наук") in ref.extra


def test_acm_entries_given_name_first_then_a_bare_year_are_entries_of_their_own():
    refs = _read_list(
        "Michael Smith and Jane Doe. 2014. Ocean warming. Nature 511, 7508 (2014), 341–345.",
        "Oluwaseun Adeyemi. 2016. Urban water access in Lagos. Ph.D. Dissertation. University of Ibadan.",
        "Tran Van Hung and Le Thi Lan. 2020. Shrimp farming and salinity. Aquaculture 520 (2020), 734–745.",
        "Donald E. Knuth. 1997. The Art of Computer Programming (3rd ed.). Vol. 1. Addison-Wesley, Reading, MA.")
    assert [r.year for r in refs] == [2014, 2016, 2020, 1997]
    assert [n.family for n in refs[2].authors] == ["Tran", "Le"]


def test_an_apa_standards_bracket_is_its_number_not_a_journal():
    ref = read_one("International Organization for Standardization. (2015). *Quality management systems — Requirements* "
                   "(ISO Standard No. 9001:2015). https://www.iso.org/standard/62085.html")
    assert (ref.container, ref.volume, ref.type.value) == ("", "", "report")
    assert ("number", "ISO 9001:2015") in ref.extra


def test_a_gb_t_7714_dissertation_is_a_thesis():
    ref = read_one("[3] 陈丽. 基于深度学习的图像识别方法研究[D]. 北京: 清华大学, 2020.")
    assert (ref.title, ref.publisher, ref.place, ref.year, ref.type.value) == (
        "基于深度学习的图像识别方法研究", "清华大学", "北京", 2020, "thesis")


@pytest.mark.parametrize("entry, fields", [
    ("佐藤花子 (2017) 「地方都市の再生」『都市計画』66(2), 45-52.",
     {"title": "地方都市の再生", "container": "都市計画", "volume": "66", "issue": "2", "pages": "45-52", "year": 2017}),
    ("山田太郎 (2018) 『人口減少社会の行方』東京大学出版会.",
     {"title": "人口減少社会の行方", "container": "", "publisher": "東京大学出版会", "year": 2018}),
])
def test_a_japanese_entry_with_its_title_in_corner_brackets(entry, fields):
    ref = read_one(entry)
    assert {k: getattr(ref, k) for k in fields} == fields
    assert ref.authors[0].family in ("佐藤", "山田")


def test_a_korean_journals_double_corner_brackets_are_no_part_of_its_name():
    ref = read_one("김민수, 이영희 (2020). 한국 도시의 인구 변화. 『한국지리학회지』, 55(2), 123-140.")
    assert ref.container == "한국지리학회지"


def test_names_written_family_name_first_by_their_own_order_are_no_evidence_against_a_given_first_list():
    refs = _read_list("[1] Michael Smith and Jane Doe. “Ocean warming”. In: Nature 511.7508 (2014), pp. 341–345.",
                      "[2] Donald E. Knuth. The Art of Computer Programming. Reading, MA: Addison-Wesley, 1997.",
                      "[3] Nguyen Thi Mai. “Salinity”. In: Agricultural Water Management 203 (2018), pp. 1–10.",
                      "[4] Tran Van Hung. “Shrimp”. In: Aquaculture 520 (2020), pp. 734–745.",
                      "[5] Chidi Okafor and Oluwaseun Adeyemi. “Mobile money”. In: World Development 140 (2021), pp. 1–12.")
    assert _people(refs[4]) == [("Okafor", "Chidi"), ("Adeyemi", "Oluwaseun")]


@pytest.mark.parametrize("entry, genre, school", [
    ("Hoffmann, Lena (2018): Digitale Öffentlichkeiten. Dissertation, Universität Hamburg.", "Dissertation",
     "Universität Hamburg"),
    ("Weber, Jan (2019): Stadtklima. Masterarbeit, Technische Universität Berlin.", "Masterarbeit",
     "Technische Universität Berlin"),
    ("Dupont, Marie (2015). La ville. Thèse de doctorat, Université Paris 1.", "Thèse de doctorat", "Université Paris 1"),
    ("García, Ana (2016). La ciudad. Tesis doctoral, Universidad de Sevilla.", "Tesis doctoral", "Universidad de Sevilla"),
])
def test_a_theses_genre_before_its_university_is_its_type(entry, genre, school):
    ref = read_one(entry)
    assert (ref.publisher, ref.type.value, dict(ref.extra).get("type")) == (school, "thesis", genre)


@pytest.mark.parametrize("entry, series, number", [
    ("Beck, Ulrich (1986): Risikogesellschaft. Auf dem Weg in eine andere Moderne. Frankfurt am Main: Suhrkamp "
     "(= edition suhrkamp, Bd. 1365).", "edition suhrkamp", "1365"),
    ("Beck, Ulrich (1986): Risikogesellschaft. Frankfurt am Main: Suhrkamp (edition suhrkamp; 1365).",
     "edition suhrkamp", "1365"),
])
def test_a_books_series_bracket_at_its_end_is_its_series(entry, series, number):
    ref = read_one(entry)
    assert (ref.publisher, ref.place, ref.type.value) == ("Suhrkamp", "Frankfurt am Main", "book")
    assert ("series", series) in ref.extra and ("number", number) in ref.extra


def test_a_german_place_named_by_its_river_is_the_place():
    ref = read_one("Krämer, Sybille (2008): Medium, Bote, Übertragung. Kleine Metaphysik der Medialität. Frankfurt a. M.: "
                   "Suhrkamp, S. 45 ff.")
    assert (ref.title, ref.place, ref.publisher) == ("Medium, Bote, Übertragung. Kleine Metaphysik der Medialität",
                                                     "Frankfurt a. M", "Suhrkamp")


def test_ieee_softwares_version_and_repository():
    ref = read_one("[16] F. Pedregosa et al., *scikit-learn*, Version 1.3.2. (2023). Zenodo. [Online]. Available: "
                   "https://doi.org/10.5281/zenodo.10034229")
    assert (ref.title, ref.publisher, ref.type.value, ref.doi) == ("scikit-learn", "Zenodo", "software",
                                                                   "10.5281/zenodo.10034229")
    assert ("version", "1.3.2") in ref.extra


@pytest.mark.parametrize("entry, journal", [
    ('[8] R. E. Kalman, "A new approach to linear filtering," *J. Basic Eng.*, vol. 82, no. 1, pp. 35–45, Mar. 1960.',
     "J. Basic Eng."),
    ('[3] C. Okafor, "Low-resource MT," *IEEE Trans. Audio, Speech, Lang. Process.*, vol. 29, no. 4, pp. 1123–1135, 2021.',
     "IEEE Trans. Audio, Speech, Lang. Process."),
    ('[15] P. Virtanen et al., "SciPy 1.0," *Nat. Methods*, vol. 17, pp. 261–272, 2020.', "Nat. Methods"),
])
def test_an_abbreviated_journal_keeps_its_last_full_stop(entry, journal):
    assert read_one(entry).container == journal


def test_a_given_first_name_with_particles_in_a_list_of_several():
    """"Dana van der Berg, Eve Lee, and Fay Kim" in a plainnat list (session 14, users) was one inverted name,
    family "Dana van der Berg", given "Eve Lee": "(van der Berg et al., 2001)" a false name mismatch."""
    refs = _read_list(*_GIVEN_FIRST,
                      "[4] Dana van der Berg, Eve Lee, and Fay Kim. “Drones”. In: Remote Sensing 3 (2001), pp. 1–9.")
    assert [(n.family, n.given, n.particle) for n in refs[3].authors] == [
        ("Berg", "Dana", "van der"), ("Lee", "Eve", ""), ("Kim", "Fay", "")]
