"""Entries a new user's reference lists misread (round 8): corporate authors in Chicago, Harvard and APA,
Chicago's volumes and Harvard's edition year, IEEE's thesis and 3GPP report, NLM's committee book,
Wikipedia's ISSN, archive date and "(PDF)", APA's podcast episode."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText, EntryType
from citecheck.parse.references import parse_reference_list

from one_reference import read_one


def _authors(ref):
    return [n.literal or (n.family, n.given) for n in ref.authors]


@pytest.mark.parametrize("entry, author, title", [
    ("Centers for Disease Control and Prevention. (2022). *Sleep in middle and high school students*. "
     "https://www.cdc.gov/healthyschools/features/students-sleep.htm",
     "Centers for Disease Control and Prevention", "Sleep in middle and high school students"),
    ('University of St Andrews. "Universal Short Title Catalogue." Accessed March 3, 2023. https://www.ustc.ac.uk/.',
     "University of St Andrews", "Universal Short Title Catalogue"),
    ("Department for Digital, Culture, Media and Sport (2019) Tourism sector deal: building a world-class "
     "experience economy. London: HM Government.",
     "Department for Digital, Culture, Media and Sport", "Tourism sector deal: building a world-class experience economy"),
    ('NOAA (National Oceanic and Atmospheric Administration). 2021. "Global Historical Climatology Network Daily '
     '(GHCN-Daily), Version 3." Dataset. NOAA National Centers for Environmental Information. '
     "https://doi.org/10.7289/V5D21VHZ.",
     "NOAA (National Oceanic and Atmospheric Administration)", "Global Historical Climatology Network Daily (GHCN-Daily), Version 3"),
])
def test_a_corporate_author_is_the_author(entry, author, title):
    ref = read_one(entry)
    assert _authors(ref) == [author] and ref.title == title


def test_a_data_set_word_is_its_kind_and_the_next_part_its_publisher():
    ref = read_one('NOAA (National Oceanic and Atmospheric Administration). 2021. "Global Historical Climatology '
                   'Network Daily (GHCN-Daily), Version 3." Dataset. NOAA National Centers for Environmental '
                   "Information. https://doi.org/10.7289/V5D21VHZ.")
    assert ref.type is EntryType.DATASET and ref.publisher == "NOAA National Centers for Environmental Information"


def test_a_firm_or_a_person_keeps_its_comma_list():
    from citecheck.parse.names import parse_author_list
    assert [n.literal for n in parse_author_list("Department for Environment, Food and Rural Affairs")] == [
        "Department for Environment, Food and Rural Affairs"]
    assert [n.literal or n.family for n in parse_author_list("World Bank, Smith, John")] == ["World Bank", "Smith"]


def test_volumes_and_an_edition_year_are_no_title_words():
    ref = read_one("Eisenstein, Elizabeth L. *The Printing Press as an Agent of Change*. 2 vols. "
                   "Cambridge: Cambridge University Press, 1979.")
    assert ref.title == "The Printing Press as an Agent of Change" and ref.publisher == "Cambridge University Press"
    ref = read_one("UNWTO (2019) International tourism highlights, 2019 edition. Madrid: World Tourism Organization.")
    assert ref.title == "International tourism highlights, 2019 edition" and ref.edition == ""


@pytest.mark.parametrize("entry, school, place", [
    ('J. Park, "Deep learning for massive MIMO channel estimation," Ph.D. dissertation, Dept. Elect. Eng., KAIST, '
     "Daejeon, South Korea, 2021.", "Dept. Elect. Eng., KAIST", "Daejeon, South Korea"),
    ('J. Doe, "Robust control of drones," M.S. thesis, MIT, Cambridge, MA, USA, 2019.', "MIT", "Cambridge, MA, USA"),
])
def test_an_ieee_thesis_gives_its_school_and_place(entry, school, place):
    ref = read_one(entry)
    assert ref.type is EntryType.THESIS and (ref.publisher, ref.place) == (school, place)


def test_a_3gpp_report_gives_its_body_number_and_version():
    ref = read_one("[5] *Study on Channel Model for Frequencies From 0.5 to 100 GHz*, 3GPP TR 38.901, v16.1.0, Dec. 2019.")
    assert ref.title == "Study on Channel Model for Frequencies From 0.5 to 100 GHz" and ref.publisher == "3GPP"
    assert ("number", "TR 38.901") in ref.extra and ("version", "16.1.0") in ref.extra and ref.container == ""


def test_nlm_committee_book_with_editors():
    ref = read_one("6. Institute of Medicine (US) Committee to Review Dietary Reference Intakes for Vitamin D and "
                   "Calcium. Dietary reference intakes for calcium and vitamin D. Ross AC, Taylor CL, Yaktine AL, "
                   "Del Valle HB, editors. Washington (DC): National Academies Press (US); 2011.")
    assert _authors(ref) == ["Institute of Medicine (US) Committee to Review Dietary Reference Intakes for Vitamin D and Calcium"]
    assert ref.title == "Dietary reference intakes for calcium and vitamin D"
    assert [n.family for n in ref.editors] == ["Ross", "Taylor", "Yaktine", "Del Valle"]
    assert (ref.year, ref.place, ref.publisher) == (2011, "Washington (DC)", "National Academies Press")


def test_wikipedia_issn_archive_date_and_pdf_mark():
    ref = read_one('Cave, Damien; Gillis, Justin (15 March 2017). "Large Sections of Australia\'s Great Reef Are Now '
                   'Dead, Scientists Find". The New York Times. ISSN 0362-4331. Retrieved 3 March 2023.')
    assert ref.container == "The New York Times" and (ref.volume, ref.issue) == ("", "")
    ref = read_one('"Great Barrier Reef". UNESCO World Heritage Centre. Archived from the original on 2 April 2019. '
                   "Retrieved 3 March 2023.")
    assert ref.year is None  # the archive's date is not the work's
    ref = read_one("Great Barrier Reef Marine Park Authority (2019). Great Barrier Reef Outlook Report 2019 (PDF). "
                   "Townsville: GBRMPA. ISBN 978-0-6485892-0-6. Retrieved 3 March 2023.")
    assert ref.title == "Great Barrier Reef Outlook Report 2019"


def test_a_podcast_episode_gives_its_show_and_number():
    ref = read_one("Roberts, D. (Host). (2020, March 4). The misinformation age (No. 112) [Audio podcast episode]. "
                   "In *Volts*. Volts Media. https://www.volts.wtf/p/misinformation")
    assert ref.container == "Volts" and ref.volume == "" and ref.note == "No. 112"


LONG_NAMES = """Mills, E. (2005). Insurance in a climate of change. Science, 309(5737), 1040–1044.
Ward, P. J., Jongman, B., Salamon, P., Simpson, A., Bates, P., De Groeve, T., Muis, S., Coughlan de
Perez, E., Rudari, R., Trigg, M. A., & Winsemius, H. C. (2015). Usefulness and limitations of
global flood risk models. Nature Climate Change, 5(8), 712–715. https://doi.org/10.1038/nclimate2742
World Bank. 2019. Leveraging Economic Migration for Development. Washington, DC: World Bank.
Vuille, M, Carey, M, Huggel, C, Buytaert, W, Rabatel, A, Jacobsen, D, Soruco, A, Villacis, M,
Yarleque, C, Elison Timm, O, Condom, T, Salzmann, N & Sicart, J-E 2018, 'Rapid decline of
snow and ice in the tropical Andes', Earth-Science Reviews, vol. 176, pp. 195–213.
World Bank 2021, Peru: integrated water resources management project, World Bank, Washington, DC.
"""


def test_an_author_list_wrapped_before_its_year_opens_an_entry():
    refs = parse_reference_list(CleanText.identity("refs.txt", LONG_NAMES))
    assert [r.authors[0].literal or r.authors[0].family for r in refs] == ["Mills", "Ward", "World Bank", "Vuille", "World Bank"]
    assert refs[1].authors[7].family == "Coughlan de Perez" and refs[1].year == 2015


def test_a_report_number_after_the_title_is_its_number():
    ref = read_one("National Center for Education Statistics. (2022). Teacher turnover: Stayers, movers, and leavers "
                   "(Condition of Education No. 2022-144). U.S. Department of Education. "
                   "https://nces.ed.gov/programs/coe/indicator/slc")
    assert ref.title == "Teacher turnover: Stayers, movers, and leavers" and ("number", "2022-144") in ref.extra
    assert ref.note == "Condition of Education" and ref.publisher == "U.S. Department of Education"


def test_a_blog_posts_date_is_no_publisher():
    ref = read_one('Pendergrast, Mark. 2019. "How Coffee Changed the World." *Smithsonian Magazine* (blog). March 12, '
                   "2019. https://www.smithsonianmag.com/history/coffee-changed-world-180971678/.")
    assert ref.publisher == "" and ref.container == "Smithsonian Magazine" and ("date", "2019-03-12") in ref.extra


def test_an_organisation_before_an_italic_title_read_as_a_container():
    ref = read_one("War Memorial of Korea. *Exhibition Guide*. Seoul: War Memorial of Korea, 2019.")
    assert _authors(ref) == ["War Memorial of Korea"] and ref.title == "Exhibition Guide" and ref.container == ""


def test_ieee_article_number_patent_with_spaces_and_book_chapter():
    ref = read_one('[2] Y. Zhang, Q. Tang, and A. A. Lee, "Identifying degradation patterns of lithium ion batteries," '
                   "*Nat. Commun.*, vol. 11, Art. no. 1706, Apr. 2020.")
    assert (ref.volume, ref.pages, ref.year) == ("11", "1706", 2020)
    ref = read_one('[7] J. Smith and R. Lee, "Method for estimating battery state of health," U.S. Patent 10 123 456, '
                   "Jan. 5, 2021.")
    assert ref.type is EntryType.PATENT and ("number", "10123456") in ref.extra and (ref.publisher, ref.pages) == ("", "")
    ref = read_one('[8] G. L. Plett, "Battery management systems," in *Battery Management Systems, Volume II: '
                   "Equivalent-Circuit Methods*. Norwood, MA, USA: Artech House, 2015, ch. 4, pp. 141–198.")
    assert ref.type is EntryType.CHAPTER and ref.volume == "" and ref.pages == "141–198"


def test_a_harvard_title_with_a_plurals_apostrophe_and_a_day_after_it():
    ref = read_one("BBC News (2018) 'Plastic pollution: Scientists' warning over microplastics', 22 January. Available "
                   "at: https://www.bbc.co.uk/news/science-environment-42815434 (Accessed: 3 March 2023).")
    assert ref.title == "Plastic pollution: Scientists' warning over microplastics" and ref.publisher == ""
    assert ("date", "2018-01-22") in ref.extra


def test_a_publication_number_kept_as_a_note_is_the_number_and_a_lone_bracket_no_note():
    ref = read_one("National Institute of Child Health and Human Development. (2000). *Report of the National Reading "
                   "Panel* (NIH Publication No. 00-4769). U.S. Government Printing Office.")
    assert ("number", "00-4769") in ref.extra and ref.note == "NIH Publication"
    ref = read_one("Justice, L. M., & Kaderavek, J. N. (2004). Embedded-explicit emergent literacy intervention I: "
                   "Background and description of approach. In S. B. Neuman & D. K. Dickinson (Eds.), *Handbook of "
                   "early literacy research* (Vol. 2, pp. 289–304). Guilford Press.")
    assert ref.note == "" and (ref.volume, ref.pages) == ("2", "289–304")


REPEATED = """Doak, Kevin M. 2007. A History of Nationalism in Modern Japan: Placing the People. Leiden:
   Brill.
———. 2012a. “Narrating China, Ordering East Asia.” In Nation and Nationalism in Japan, edited by Sandra
   Wilson, 85–117. London: Routledge.
———, ed. 2012b. Pan-Asianism in Modern Japanese History. London: Routledge.
Em, Henry H. 2013. The Great Enterprise. Durham, NC: Duke University Press.
"""


def test_a_repeated_author_dash_opens_an_entry_in_a_wrapped_list():
    refs = parse_reference_list(CleanText.identity("refs.txt", REPEATED))
    assert [(r.year, r.year_suffix) for r in refs] == [(2007, ""), (2012, "a"), (2012, "b"), (2013, "")]
    assert refs[1].authors[0].family == "Doak" and refs[2].editors[0].family == "Doak"


TWO_LINES_OF_NAMES = """Cellini, N., Canale, N., Mioni, G., & Costa, S. (2020a). Changes
in sleep pattern during COVID-19 lockdown in Italy. Journal of Sleep Research, 29(4), e13074.
https://doi.org/10.1111/jsr.13074
Cellini, N., Conte, F., De Rosa, O., Giganti, F., Malloggi,
S., Reyt, M., Guillemin, C., Schmidt, C., Muto, V., &
Ficca, G. (2020b). Changes in sleep timing during the COVID-19 lockdown in Italy and Belgium.
Sleep Medicine, 77, 112–119.
"""


def test_an_author_list_wrapped_over_two_lines_before_its_year_opens_an_entry():
    # a PDF's narrow column wraps ten authors twice before "(2020b)": the entry was merged into the one before
    refs = parse_reference_list(CleanText.identity("refs.txt", TWO_LINES_OF_NAMES))
    assert [(r.authors[0].family, r.year, len(r.authors)) for r in refs] == [("Cellini", 2020, 4), ("Cellini", 2020, 10)]
    assert refs[1].title == "Changes in sleep timing during the COVID-19 lockdown in Italy and Belgium"
