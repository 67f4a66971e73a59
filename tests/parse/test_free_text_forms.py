"""Free-text entry shapes found by using citecheck as a new user would (each was misread before)."""
from citecheck.model import CleanText
from citecheck.parse.references import parse_reference_list


def parse(text: str):
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    return ref


def families(ref) -> list[str]:
    return [n.family or n.literal for n in ref.authors]


def test_apa_original_publication_year_is_the_origdate_not_a_note():
    ref = parse("Kuhn, T. S. (1996). *The structure of scientific revolutions* (3rd ed.). University of Chicago "
                "Press. (Original work published 1962)")
    assert (ref.year, dict(ref.extra).get("origdate"), ref.note) == (1996, "1962", "")


def test_chicago_and_asa_first_year_before_the_year_is_the_origdate():
    """ "Du Bois, W. E. B. [1899] 1996." is the 1996 edition of an 1899 work: before, the year was 1899, so
    "Du Bois ([1899] 1996)" could never match it."""
    for entry, year, original in (
        ("Du Bois, W. E. B. [1899] 1996. *The Philadelphia Negro*. Philadelphia: University of Pennsylvania Press.",
         1996, "1899"),
        ("Durkheim, Émile. [1897] 1951. Suicide. Translated by J. A. Spaulding. New York: Free Press.", 1951, "1897"),
        ("Weber, Max. (1905) 2002. *The Protestant Ethic*. New York: Penguin.", 2002, "1905"),
    ):
        ref = parse(entry)
        assert (ref.year, dict(ref.extra).get("origdate")) == (year, original)
        assert ref.title in ("The Philadelphia Negro", "Suicide", "The Protestant Ethic")


def test_a_year_before_1500_in_brackets():
    assert parse("Chaucer, G. (1400). *The Canterbury tales*. Caxton.").year == 1400
    assert parse("Ibn Battuta. (1355). *The travels* (H. A. R. Gibb, Trans.). Hakluyt Society.").year == 1355


def test_two_translators_after_the_title_are_translators():
    ref = parse("Ricœur, Paul. *Memory, History, Forgetting*. Translated by Kathleen Blamey and David Pellauer. "
                "Chicago: University of Chicago Press, 2004.")
    assert ref.title == "Memory, History, Forgetting"
    assert dict(ref.extra)["translator"] == "Blamey, Kathleen and Pellauer, David"


def test_a_volume_and_an_article_number():
    ref = parse("Tanaka, H. (2022). Urban trees and shade. *Urban Forestry & Urban Greening*, *70*, Article 127530. "
                "https://doi.org/10.1016/j.ufug.2022.127530")
    assert (ref.volume, ref.pages, ref.note) == ("70", "127530", "")
    ref = parse("Zhang, W. and Wang, L. (2020) 'Urban greening in Shenzhen', *Landscape and Urban Planning*, 195, "
                "103708. doi: 10.1016/j.landurbplan.2019.103708.")
    assert (ref.volume, ref.pages, ref.note) == ("195", "103708", "")
    ref = parse("Lee, A. (2021). Heat. *Sustainability*, *13*(4), Article 2045.")
    assert (ref.volume, ref.issue, ref.pages) == ("13", "4", "2045")
    # PLOS's and Cambridge's "e19", a short e-number (a long one, "e0213458", was read already)
    ref = parse("Ibrahim, Z. (2024). Mobile phone data in Somalia. *Data & Policy*, *6*, e19. "
                "https://doi.org/10.1017/dap.2024.19")
    assert (ref.container, ref.volume, ref.pages, ref.note) == ("Data & Policy", "6", "e19", "")


def test_a_day_and_year_after_a_blog_name_are_no_volume_and_pages():
    ref = parse('Zwart, E. 2019. "Creeks first." Wadden Notes (blog), March 12, 2019. https://example.nl/2019/03/creeks/')
    assert (ref.volume, ref.pages) == ("", "")


def test_an_mla_book_whose_title_the_tagger_took_for_names():
    ref = parse("Morrison, Toni. *Beloved*. Alfred A. Knopf, 1987.")
    assert (families(ref), ref.title, ref.publisher, ref.year) == (["Morrison"], "Beloved", "Alfred A. Knopf", 1987)


def test_a_vancouver_title_opening_with_a_year():
    ref = parse("Whelton PK, Carey RM, Collins KJ. 2017 ACC/AHA guideline for blood pressure. Hypertension. "
                "2018;71(6):e13-e115.")
    assert (ref.year, ref.title, ref.volume, ref.issue) == (2018, "2017 ACC/AHA guideline for blood pressure", "71", "6")


def test_apa_21_or_more_authors_with_the_ellipsis():
    ref = parse("Ng, A., Li, B., Wu, C., Xu, D., Yu, E., Zhou, F., Sun, G., Ma, H., Hu, I., Lin, J., Liu, K., Zhao, L., "
                "Gao, M., He, N., Luo, O., Song, P., Tang, Q., Han, R., Feng, S., . . . Ye, Z. (2021). A very large "
                "collaboration. *Science*, *371*(6530), 100–105.")
    assert families(ref)[-2:] == ["Feng", "Ye"] and len(ref.authors) == 20
    assert (ref.title, ref.place, ref.year) == ("A very large collaboration", "", 2021)


def test_a_sici_doi_is_kept_whole():
    ref = parse("Gamma, G. (1998). Three. *Journal of the American Society for Information Science*, 49(8), 693–705. "
                "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O")
    assert ref.doi == "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"
    assert ref.publisher == ""


def test_apa_thesis_bracket_gives_genre_and_university():
    ref = parse("Tanaka, H. (2022). *Shade equity in Tokyo* [Doctoral dissertation, University of Tokyo]. "
                "ProQuest Dissertations and Theses Global.")
    assert ref.type.name == "THESIS"
    assert (ref.publisher, ref.note, dict(ref.extra)["type"]) == (
        "University of Tokyo", "ProQuest Dissertations and Theses Global", "Doctoral dissertation")
    ref = parse("Park, J. (2018). *Heat islands* [Unpublished doctoral dissertation]. Seoul National University.")
    assert (ref.type.name, ref.publisher) == ("THESIS", "Seoul National University")


def test_an_italic_title_is_one_field():
    ref = parse("City of Chicago. (2015). *Chicago climate action plan: Progress report 2015*. https://www.chicago.gov/ccap.pdf")
    assert (ref.title, ref.note) == ("Chicago climate action plan: Progress report 2015", "")


def test_an_organisation_with_a_name_particle_is_the_author():
    ref = parse("Ludwig van Beethoven Society (2010) *Newsletter*, 4, pp. 1-3.")
    assert [n.literal for n in ref.authors] == ["Ludwig van Beethoven Society"]


def test_ieee_conference_paper_journal_thesis_and_standard():
    ref = parse('[1] K. He, X. Zhang, S. Ren, and J. Sun, "Deep residual learning for image recognition," in *Proc. IEEE '
                'Conf. Comput. Vis. Pattern Recognit. (CVPR)*, Las Vegas, NV, USA, Jun. 2016, pp. 770–778.')
    assert (ref.container, ref.place, dict(ref.extra).get("date")) == (
        "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)", "Las Vegas, NV, USA", "2016-06")
    ref = parse('[2] C. Cortes and V. Vapnik, "Support-vector networks," *Mach. Learn.*, vol. 20, no. 3, pp. 273–297, Sep. 1995.')
    assert (ref.container, ref.volume, ref.issue) == ("Mach. Learn.", "20", "3")
    ref = parse('[3] J. Doe, "Radar signal processing," Ph.D. dissertation, Dept. Elect. Eng., MIT, Cambridge, MA, USA, 2010.')
    assert (ref.publisher, ref.place) == ("Dept. Elect. Eng., MIT", "Cambridge, MA, USA")
    ref = parse("[4] *IEEE Standard for Radar Definitions*, IEEE Std 686-2017, 2017.")
    assert (ref.publisher, ref.note, ref.year) == ("IEEE", "IEEE Std 686-2017", 2017)


def test_a_full_journal_name_keeps_no_added_stop():
    ref = parse("Smith, J. (2019). Title. *Journal of Applied Physics*, 12(3), 45–67.")
    assert ref.container == "Journal of Applied Physics"


def test_a_link_after_the_title_is_the_url_not_the_title():
    ref = parse('"Learn About Heat Islands <https://www.epa.gov/heatislands/learn>". *US EPA*. 2014-02-28. Retrieved 2023-02-15.')
    assert ref.title == "Learn About Heat Islands"
    assert [u.url for u in ref.urls] == ["https://www.epa.gov/heatislands/learn"]


def test_a_book_in_volumes_is_a_book():
    ref = parse("Howard, Luke (1833). *The Climate of London*. Vol. 1. London: Harvey and Darton. p. 8. ISBN 978-1-108-04953-6.")
    assert (ref.type.name, ref.volume, ref.publisher) == ("BOOK", "1", "Harvey and Darton")


def test_an_mla_book_from_a_university_press():
    ref = parse("Okafor, Chidi. *Rivers of Lagos*. Lagos UP, 2015.")
    assert (ref.title, ref.container, ref.publisher, ref.type.name) == ("Rivers of Lagos", "", "Lagos UP", "BOOK")


def test_an_archived_copy_of_the_entrys_own_address_is_its_snapshot():
    ref = parse('"Learn About Heat Islands <https://www.epa.gov/heat>". *US EPA*. 2014-02-28. Archived '
                '<https://web.archive.org/web/20230101000000/https://www.epa.gov/heat> from the original on 2023-01-01. '
                "Retrieved 2023-02-15.")
    (url,) = ref.urls
    assert url.url == "https://www.epa.gov/heat"
    assert url.snapshot.url == "https://web.archive.org/web/20230101000000/https://www.epa.gov/heat"


def test_apa_volume_inside_the_journals_italics():
    ref = parse("García-López, M., Ng, K., & Schmidt, P. (2021). Trust in science. *Nature Human Behaviour, 5*(3), "
                "301–310. https://doi.org/10.1038/s41562-021-01045-1")
    assert (ref.container, ref.volume, ref.issue, ref.pages, ref.note) == ("Nature Human Behaviour", "5", "3", "301–310", "")
    ref = parse("García-López, M. (2021). Trust in science. *Nature Human Behaviour, 5*, 301–310.")
    assert (ref.container, ref.volume, ref.pages) == ("Nature Human Behaviour", "5", "301–310")


def test_harvard_edition_and_a_place_named_in_the_title():
    ref = parse("O'Neill, S. (2017) *Dublin's Georgian squares*. 2nd edn. Dublin: Four Courts Press.")
    assert (ref.edition, ref.place, ref.publisher) == ("2", "Dublin", "Four Courts Press")


def test_apa_book_volume():
    ref = parse("Khan, S., & Patel, R. (2019). *Public health communication* (Vol. 2). Routledge.")
    assert (ref.type.name, ref.title, ref.container, ref.volume, ref.publisher) == (
        "BOOK", "Public health communication", "", "2", "Routledge")


def test_forthcoming_and_in_press_are_the_publication_status():
    ref = parse("Smith, John. Forthcoming. *Floods*. Chicago: University of Chicago Press.")
    assert (ref.title, ref.no_date, dict(ref.extra).get("pubstate")) == ("Floods", True, "forthcoming")
    ref = parse("Lee, A. (in press). Water futures. *Water Policy*.")
    assert (ref.type.name, ref.container, dict(ref.extra).get("pubstate")) == ("ARTICLE", "Water Policy", "inpress")


def test_vancouver_editor_singular():
    ref = parse("Smith J, editor. Tropical medicine. 3rd ed. London: Elsevier; 2018.")
    assert ([(n.family, n.given) for n in ref.editors], ref.title, ref.edition) == ([("Smith", "J.")], "Tropical medicine", "3")
    ref = parse("Lee K. Malaria vaccines. In: Smith J, editor. Tropical medicine. 3rd ed. London: Elsevier; 2018. p. 120-35.")
    assert (ref.title, ref.container, ref.pages) == ("Malaria vaccines", "Tropical medicine", "120-35")
    assert [n.family for n in ref.editors] == ["Smith"]


def test_mla_publisher_with_initials_and_an_editor_et_al():
    ref = parse("Gates, Henry Louis, Jr., and Nellie Y. McKay, editors. *The Norton Anthology of African American "
                "Literature*. 2nd ed., W. W. Norton, 2004.")
    assert (ref.publisher, ref.place, ref.edition) == ("W. W. Norton", "", "2")
    ref = parse('Hooks, Bell. "Representing Whiteness." *Cultural Studies*, edited by Lawrence Grossberg et al., '
                "Routledge, 1992, pp. 338-46.")
    assert (ref.publisher, ref.place) == ("Routledge", "")
    assert [n.family or n.literal for n in ref.editors] == ["Grossberg", "others"]


def test_chicago_place_alone_stays_the_place():
    ref = parse("Augustine. *On Christian Doctrine*. Translated by D. W. Robertson. Oxford, 1958.")
    assert ref.publisher != "Oxford"


def test_report_numbers_arxiv_ids_and_apa_descriptions_are_kept():
    ref = parse("World Health Organization. (2021). *Immunization agenda 2030* (Report No. WHO/IVB/21.01). "
                "https://www.who.int/ia2030")
    assert (ref.type.name, dict(ref.extra)["number"], ref.note) == ("REPORT", "WHO/IVB/21.01", "")
    ref = parse("U.S. Department of the Interior. 2018. *Water Resources Report*. Report No. WR-2018-04. Washington, "
                "DC: Government Printing Office.")
    assert (ref.type.name, dict(ref.extra)["number"]) == ("REPORT", "WR-2018-04")
    ref = parse('[1] National Aeronautics and Space Administration, "Flood observatory," NASA, Washington, DC, USA, '
                "Tech. Rep. NASA/TM-2020-220567, 2020.")
    assert (ref.type.name, dict(ref.extra)["number"]) == ("REPORT", "NASA/TM-2020-220567")
    ref = parse('[2] H. Li, "Water segmentation," arXiv:2103.01234, 2021.')
    assert (dict(ref.extra)["eprint"], dict(ref.extra)["eprinttype"]) == ("2103.01234", "arxiv")
    ref = parse("Patel, R., & Kim, S. (2022, May 12–14). *Urban heat islands* [Paper presentation]. Annual Meeting "
                "of the American Association of Geographers, New York, NY, United States.")
    assert (ref.title, dict(ref.extra)["type"], ref.note) == ("Urban heat islands", "Paper presentation", "")  # its genre


def test_apa_patent_data_set_and_software():
    ref = parse("Garcia, M. (2019). *Water filter apparatus* (U.S. Patent No. 10,123,456). U.S. Patent and Trademark Office.")
    assert (ref.type.name, dict(ref.extra)["number"], ref.note) == ("PATENT", "10123456", "")
    ref = parse("Zhang, Y., Li, X., & Wang, Q. (2022). *Vaccine tweets corpus* (Version 2) [Data set]. Zenodo. "
                "https://doi.org/10.5281/zenodo.1234567")
    assert (ref.type.name, dict(ref.extra)["version"], ref.publisher, ref.note) == ("DATASET", "2", "Zenodo", "")
    ref = parse("R Core Team. (2023). *R: A language and environment for statistical computing* (Version 4.3.1) "
                "[Computer software]. R Foundation for Statistical Computing. https://www.R-project.org/")
    assert (ref.type.name, dict(ref.extra)["version"], ref.note) == ("SOFTWARE", "4.3.1", "")


def test_chicago_edition_and_reprint_before_the_imprint():
    ref = parse("Miller, Sarah. 2010. *Rivers of Empire*. 2nd ed. New York: Norton.")
    assert (ref.edition, ref.place, ref.publisher) == ("2", "New York", "Norton")
    ref = parse("Adams, Jane. 2018. *Dutch Dikes*. 1925; repr., New York: Dover.")
    assert (dict(ref.extra).get("origdate"), ref.place, ref.publisher, dict(ref.extra).get("date")) == (
        "1925", "New York", "Dover", None)


def test_a_journal_named_reports_gives_no_report_number():
    for text in ("Kim, J., & Lee, S. (2022). Heat stress in cities. *Sci. Rep.*, 12, 3456.",
                 "Kim J, Lee S. Heat stress in cities. Sci Rep. 2022;12:3456.",
                 "Kim, J. (2022). Heat stress in cities. Sci. Rep. 12, 3456."):
        ref = parse(text)
        assert "number" not in dict(ref.extra) and ref.type.name == "ARTICLE", text


def test_initials_glued_to_the_family_name_and_a_numbered_marker_with_a_stop():
    ref = parse("[51]. J. Dandurand, V. Samouillan, M.H. Lacoste-Ferre, C. Lacabanne, B.Bochicchio, A. Pepe. "
                "Conformational and thermal characterization of a synthetic peptidic fragment. Pathologie Biologie 62 "
                "(2014) 100–107.")
    assert families(ref) == ["Dandurand", "Samouillan", "Lacoste-Ferre", "Lacabanne", "Bochicchio", "Pepe"]
    assert ref.authors[4].given == "B."
    assert dict(ref.extra)["label"] == "51"


def test_wikipedia_semicolon_list_of_family_names_and_initials_and_a_chapter_before_its_book():
    ref = parse('Press, WH; Teukolsky, SA; Vetterling, WT; Flannery, BP (2007), "Section 3.7.1. Radial Basis Function '
                'Interpolation", Numerical Recipes: The Art of Scientific Computing (3rd ed.), New York: Cambridge '
                "University Press, ISBN 978-0-521-88068-8")
    assert [(n.family, n.given) for n in ref.authors] == [("Press", "WH"), ("Teukolsky", "SA"), ("Vetterling", "WT"),
                                                          ("Flannery", "BP")]
    assert ref.title == "Section 3.7.1. Radial Basis Function Interpolation"
    assert ref.container == "Numerical Recipes: The Art of Scientific Computing"
    assert (ref.edition, ref.publisher, ref.place) == ("3", "Cambridge University Press", "New York")


def test_a_book_with_a_trailing_doi_stays_a_book():
    for doi in ("doi:10.7208/chicago/9780226123456.001.0001.", "https://doi.org/10.7208/chicago/9780226123456.001.0001"):
        ref = parse(f"Smith, John. 2010. The Rise of Cities. Chicago: University of Chicago Press. {doi}\n")
        assert (ref.type.name, ref.publisher, ref.doi) == ("BOOK", "University of Chicago Press",
                                                           "10.7208/chicago/9780226123456.001.0001")
    ref = parse("Smith, J. (2010). The rise of cities. University of Chicago Press. https://doi.org/10.7208/x.1\n")
    assert ref.type.name == "BOOK"


def test_a_data_set_in_a_repository_with_a_doi_is_no_book():
    ref = parse("Lee, A. (2021). Rainfall at Lagos, 1990-2020. Zenodo. https://doi.org/10.5281/zenodo.123456\n")
    assert ref.type.name != "BOOK"


def test_harvard_publisher_then_place_after_the_title():
    for publisher, place in (("Routledge", "London"), ("Heinemann", "Oxford")):
        ref = parse(f"Smith, J. and Jones, P. (2005) The Coast, {publisher}, {place}.\n")
        assert (ref.title, ref.publisher, ref.place, ref.type.name) == ("The Coast", publisher, place, "BOOK")


def test_a_city_and_its_region_stay_the_place():
    for place in ("Cambridge, MA", "Oxford, England", "Berlin, Germany", "Boston, Mass."):  # an abbreviation's stop kept
        ref = parse(f"Smith, J. (2005) The Coast, {place.rstrip('.')}.\n")
        assert (ref.publisher, ref.place) == ("", place)


def test_acs_bold_year_is_no_part_of_the_journal():
    ref = parse("Miyaura, N.; Suzuki, A. Palladium-Catalyzed Cross-Coupling Reactions of Organoboron Compounds. "
                "*Chem. Rev.* **1995**, *95*, 2457–2483.\n")
    assert (ref.container, ref.year, ref.volume, ref.pages) == ("Chem. Rev.", 1995, "95", "2457–2483")


def test_acs_book_names_its_publisher_before_its_place():
    ref = parse("Reichardt, C.; Welton, T. *Solvents and Solvent Effects in Organic Chemistry*, 4th ed.; "
                "Wiley-VCH: Weinheim, 2011.\n")
    assert (ref.title, ref.publisher, ref.place, ref.edition) == (
        "Solvents and Solvent Effects in Organic Chemistry", "Wiley-VCH", "Weinheim", "4")
    chicago = parse("Reichardt, C., and T. Welton. *Solvents and Solvent Effects in Organic Chemistry*. 4th ed. "
                    "Weinheim: Wiley-VCH, 2011.\n")
    assert (chicago.publisher, chicago.place) == ("Wiley-VCH", "Weinheim")


def test_din_1505_edition_issue_and_isbn_dash():
    book = parse("QUASCHNING, Volker: *Regenerative Energiesysteme: Technologie – Berechnung – Klimaschutz*. "
                 "11. Aufl. München : Hanser, 2019\n")
    assert (families(book), book.title, book.edition, book.publisher, book.place) == (
        ["Quaschning"], "Regenerative Energiesysteme: Technologie – Berechnung – Klimaschutz", "11", "Hanser", "München")
    article = parse("MÜLLER, Karl ; WEBER, Anna: Speicherbedarf im Stromnetz. In: *Energiewirtschaftliche "
                    "Tagesfragen* 70 (2020), Nr. 3, S. 12–16\n")
    assert (article.container, article.volume, article.issue, article.pages) == (
        "Energiewirtschaftliche Tagesfragen", "70", "3", "12–16")
    isbn = parse("KEMFERT, Claudia: *Das fossile Imperium schlägt zurück*. Hamburg : Murmann, 2017. — "
                 "ISBN 978-3-86774-584-3\n")
    assert (isbn.pages, isbn.isbn) == ("", "978-3-86774-584-3")


def test_science_bold_volume_before_an_article_number_and_pages_that_read_as_years():
    ref = parse("3. D. Breitburg *et al.*, Declining oxygen in the global ocean and coastal waters. *Science* **359**, "
                "eaam7240 (2018).\n")
    assert (ref.container, ref.volume, ref.pages, ref.year) == ("Science", "359", "eaam7240", 2018)
    ref = parse("2. K. von Schuckmann *et al.*, Heat stored in the Earth system: where does the energy go? "
                "*Earth Syst. Sci. Data* **12**, 2013–2041 (2020).\n")
    assert (ref.authors[0].family, ref.container, ref.volume, ref.pages, ref.year) == (
        "Schuckmann", "Earth Syst. Sci. Data", "12", "2013–2041", 2020)


def test_bluebook_law_review_article_and_book():
    article = parse("Kerr, Orin S. *The Case for the Third-Party Doctrine*, 107 Mich. L. Rev. 561 (2009).\n")
    assert (article.title, article.container, article.volume, article.pages, article.year) == (
        "The Case for the Third-Party Doctrine", "Mich. L. Rev.", "107", "561", 2009)
    book = parse("Solove, Daniel J. *Understanding Privacy* (Harvard Univ. Press 2008).\n")
    assert (book.publisher, book.year, book.type.name) == ("Harvard Univ. Press", 2008, "BOOK")


def test_oscola_edition_and_publisher_in_one_bracket():
    ref = parse("Witting C, *Street on Torts* (15th edn, OUP 2018)\n")
    assert (ref.title, ref.edition, ref.publisher, ref.year, ref.type.name) == ("Street on Torts", "15", "OUP", 2018, "BOOK")


def test_aaa_translator_named_before_the_role():
    ref = parse("Mauss, Marcel\n1990 [1925] The Gift: The Form and Reason for Exchange in Archaic Societies. "
                "W. D. Halls, trans. London: Routledge.\n")
    assert (ref.editors, dict(ref.extra).get("translator"), ref.publisher) == ((), "Halls, W. D.", "Routledge")


def test_a_four_digit_issue_after_a_bold_volume_is_the_issue_not_a_year():
    """Science's "**330** (6001): 12–14" (Wikipedia's citation template): the issue was read as Chicago's year in
    brackets ("330 (2010): 12–14") and lost; a year there is still one."""
    (science,) = parse_reference_list(CleanText.identity(
        "refs.md", "Doe, J. (2010). Heat in towns. *Science*, **330** (6001): 12–14.\n"))
    assert (science.container, science.volume, science.issue, science.pages, science.year) == (
        "Science", "330", "6001", "12–14", 2010)
    (chicago,) = parse_reference_list(CleanText.identity(
        "refs.md", 'Doe, Jane. 2010. "Heat." *Science* 330 (2010): 12–14.\n'))
    assert (chicago.volume, chicago.issue, chicago.pages) == ("330", "", "12–14")
