"""An essay's reference list copied out of a PDF: one entry after another with no blank line and no hanging
indent, links wrapped over lines and broken by spaces, author lists wrapped before the year (parse.references)."""
from __future__ import annotations

from citecheck.model import CleanText
from citecheck.parse.references import looks_like_entry_start, parse_reference_list
from citecheck.parse.urls import extract_urls


def _parse(*lines: str):
    return parse_reference_list(CleanText.identity("refs.md", "\n".join(lines) + "\n"))


def test_an_entry_starts_after_a_link_wrapped_over_three_lines_or_broken_by_a_space():
    refs = _parse(
        "Historic UN Human Rights case opens door to climate change asylum claims. (2020). OHCHR. https://",
        "www.ohchr.org/en/press-releases/2020/01/historic-un-human-rights-case-opens-door-climate-change-",
        "asylum-claims",
        "IDMC. (2021). Global Report on Internal Displacement 2021. Internal Displacement Monitoring",
        "Centre. https://www.internal-displacement.org/global- report/grid2021/",
        "IOM. (2019). Glossary on Migration. International Organization for Migration. https://",
        "publications.iom.int/system/files/pdf/iml_34_glossary.pdf",
        "Foresight. (2011). Migration and Global Environmental Change. London: The Government Office for Science.",
    )
    assert [r.raw[:10] for r in refs] == ["Historic U", "IDMC. (202", "IOM. (2019", "Foresight."]
    assert refs[0].urls[0].url == ("https://www.ohchr.org/en/press-releases/2020/01/historic-un-human-rights-case-opens-door-"
                           "climate-change-asylum-claims")
    assert refs[1].urls[0].url == "https://www.internal-displacement.org/global-report/grid2021/"


def test_an_entry_starts_after_a_link_whose_last_line_is_one_word():
    refs = _parse("Climate change and displacement. (2018). Forced Migration Review. https://www.fmreview.org/climate",
                  "change-disasters",
                  "CNA Military Advisory Board. (2007). National Security and the Threat of Climate Change. Alexandria,",
                  "VA: CNA Corporation.")
    assert len(refs) == 2 and refs[1].authors[0].literal == "CNA Military Advisory Board"


def test_an_author_list_that_ends_its_line_before_the_year_opens_an_entry():
    refs = _parse(
        "Bettini, Giovanni. (2013). Climate Barbarians at the Gate? Geoforum 45, 63-72.",
        "Black, Richard, W. Neil Adger, Nigel W. Arnell, Stefan Dercon, Andrew Geddes and David Thomas.",
        "(2011). The effect of environmental change on human migration. Global Environmental Change 21, S3-",
        "S11.",
        "Platform on Disaster Displacement. (n.d.). Our Response. https://disasterdisplacement.org/the-",
        "platform/our-response",
        "Rigaud, Kanta Kumari, Alex de Sherbinin, Bryan Jones, Jonas Bergmann, Viviane Clement, Kayly Ober,",
        "Jacob Schewe, Susana Adamo and Amelia Midgley. (2018). Groundswell: Preparing for Internal Climate",
        "Migration. World Bank. https://openknowledge.worldbank.org/handle/10986/29461",
    )
    assert [r.authors[0].family for r in refs if r.authors and r.authors[0].family] == ["Bettini", "Black", "Rigaud"]
    assert len(refs) == 4 and len(refs[1].authors) == 6 and len(refs[3].authors) == 9
    assert refs[1].year == 2011 and refs[3].year == 2018


def test_a_links_rest_with_a_bracketed_year_inside_is_the_links_not_an_entry():
    assert not looks_like_entry_start("EPRS_BRI(2018)621893_EN.pdf")
    refs = _parse("Apap, Joanna. (2019). The concept of ‘climate refugee’: Towards a possible definition. European",
                  "Parliamentary Research Service. https://www.europarl.europa.eu/RegData/etudes/BRIE/2018/621893/",
                  "EPRS_BRI(2018)621893_EN.pdf",
                  "Bettini, Giovanni. (2013). Climate Barbarians at the Gate? Geoforum 45, 63-72.")
    assert len(refs) == 2
    assert refs[0].urls[0].url == "https://www.europarl.europa.eu/RegData/etudes/BRIE/2018/621893/EPRS_BRI(2018)621893_EN.pdf"


def test_a_bracket_of_its_own_after_a_link_is_not_its_rest():
    (found,) = extract_urls("See https://www.example.org/reports/ (2018). Next.")
    assert found.url.url.endswith("/reports/")


def test_a_link_cut_after_an_escaped_space_goes_on_on_the_next_line():
    (found,) = extract_urls("Vision for US Cyber Command. https://www.cybercom.mil/Portals/56/Documents/USCYBERCOM%20\n"
                            "Vision%20April%202018.pdf")
    assert found.url.url == "https://www.cybercom.mil/Portals/56/Documents/USCYBERCOM%20Vision%20April%202018.pdf"


def test_an_organisation_that_opens_with_un_or_eu_in_capitals_is_no_person():
    from citecheck.parse.names import parse_author_list
    for text in ("UN GGE", "UN OEWG", "UN Women", "EU ISS"):
        (name,) = parse_author_list(text)
        assert name.literal == text
    (knuth,) = parse_author_list("Knuth DE")  # a Vancouver name stays one
    assert knuth.family == "Knuth"
    refs = _parse("UN GGE. (2015). Report of the Group of Governmental Experts on Developments in the Field of",
                  "Information and Telecommunications in the Context of International Security. A/70/174. United",
                  "Nations General Assembly. https://undocs.org/A/70/174",
                  "UN OEWG. (2021). Final Substantive Report. United Nations. https://front.un-arm.org/wp-content/",
                  "uploads/2021/03/Final-report-A-AC.290-2021-CRP.2.pdf")
    assert [r.authors[0].literal for r in refs] == ["UN GGE", "UN OEWG"]


def test_a_title_first_entry_whose_year_opens_the_next_line_is_an_entry_of_its_own():
    refs = _parse("Reuters. (2020). WTO appeals in limbo as body’s last judge departs. Reuters. https://",
                  "www.reuters.com/article/us-trade-wto-idUSKBN27G1ZP",
                  "Statement on a Mechanism for Developing, Documenting and Sharing Practices in Trade Disputes.",
                  "(2020). World Trade Organization. JOB/DSB/1/Add.12. https://trade.ec.europa.eu/doclib/docs/2020/",
                  "april/tradoc_158685.pdf")
    assert len(refs) == 2 and refs[1].year == 2020
    assert refs[1].title.startswith("Statement on a Mechanism")
    assert refs[1].urls[0].url == "https://trade.ec.europa.eu/doclib/docs/2020/april/tradoc_158685.pdf"


def test_an_author_list_cut_after_an_initial_stays_one_entry():
    refs = _parse("Usher, Ann Danaiya. (2021). A beautiful idea: how COVAX has fallen short. The Lancet 397(10292),",
                  "2322-2325. https://doi.org/10.1016/S0140-6736(21)01367-2",
                  "Wouters, Olivier J., Kenneth C. Shadlen, Maximilian Salcher-Konrad, Andrew J. Pollard, Heidi J.",
                  "Larson, Yot Teerawattananon and Mark Jit. (2021). Challenges in ensuring global access to COVID-19",
                  "vaccines. The Lancet 397(10278), 1023-1034.",
                  "Yang, Wei. (2020). A short note. Science 1, 2-3.")
    assert [r.authors[0].family for r in refs] == ["Usher", "Wouters", "Yang"]
    assert [a.family for a in refs[1].authors][-3:] == ["Larson", "Teerawattananon", "Jit"]


def test_an_entry_led_by_a_body_names_it_the_author():
    reuters, paris = _parse(
        "Reuters. (2020). WTO appeals in limbo as body’s last judge departs. Reuters. https://www.reuters.com/a/b",
        "Paris Call. (2018). Paris Call for Trust and Security in Cyberspace. https://pariscall.international/en/")
    assert reuters.authors[0].literal == "Reuters" and not reuters.authors[0].family
    assert paris.authors[0].literal == "Paris Call"
    assert paris.title == "Paris Call for Trust and Security in Cyberspace" and not paris.note


def test_a_slug_wrapped_after_its_hyphen_keeps_it():
    (ref,) = _parse("WHO. (2021). World Health Assembly agrees to develop a global accord on pandemic prevention.",
                    "https://www.who.int/news/item/01-12-2021-world-health-assembly-agrees-to-launch-process-to-",
                    "develop-historic-global-accord-on-pandemic-",
                    "prevention-preparedness-and-response")
    assert ref.urls[0].url.endswith("/01-12-2021-world-health-assembly-agrees-to-launch-process-to-develop-historic-"
                                    "global-accord-on-pandemic-prevention-preparedness-and-response")


def test_a_query_with_a_colon_wrapped_onto_the_next_line_is_the_links():
    (ref,) = _parse("WTO. (2020). Waiver from certain provisions of the TRIPS Agreement. IP/C/W/669.",
                    "https://docs.wto.org/dol2fe/Pages/SS/directdoc.aspx?",
                    "filename=q:/IP/C/W669.pdf")
    assert ref.urls[0].url == "https://docs.wto.org/dol2fe/Pages/SS/directdoc.aspx?filename=q:/IP/C/W669.pdf"


def test_a_lead_that_names_the_linked_site_is_its_author_and_the_next_segment_the_title():
    owid, pdd, borgen = _parse(
        "Our World in Data. (2021). Coronavirus (COVID-19) Vaccinations. https://ourworldindata.org/covid-vaccinations",
        "Platform on Disaster Displacement. (n.d.). Our Response. https://disasterdisplacement.org/the-platform/our-response",
        "Bride Trafficking in China. (2020). Borgen Magazine. https://www.borgenmagazine.com/bride-trafficking-in-china/")
    assert (owid.authors[0].literal, owid.title) == ("Our World in Data", "Coronavirus (COVID-19) Vaccinations")
    assert (pdd.authors[0].literal, pdd.title) == ("Platform on Disaster Displacement", "Our Response")
    assert (borgen.authors, borgen.title) == ((), "Bride Trafficking in China")  # the outlet is the site: title first


def test_a_headline_of_two_sentences_keeps_both_and_its_newspaper_is_the_publisher():
    elsig, smith, lee = _parse(
        "Elsig, Manfred, Mark Pollack and Gregory Shaffer. (2016). The U.S. is causing a major controversy in the World",
        "Trade Organization. Here’s what’s happening. The Washington Post. https://www.washingtonpost.com/news/a/",
        "Smith, Ann. (2019). Why tariffs fail. What the data show. Reuters. https://www.reuters.com/a",
        "Lee, Ann. (2019). Why tariffs fail. Reuters. Updated 3 May. https://www.reuters.com/b")
    assert elsig.title == ("The U.S. is causing a major controversy in the World Trade Organization. "
                           "Here’s what’s happening")
    assert (elsig.publisher, elsig.note, elsig.type.value) == ("The Washington Post", "", "article-newspaper")
    assert (smith.title, smith.note) == ("Why tariffs fail. What the data show", "")
    assert (lee.title, lee.note) == ("Why tariffs fail", "Updated 3 May")  # after the outlet: a note


def test_a_documents_symbol_is_a_note_not_the_publisher():
    (ref,) = _parse("WTO. (2020). Waiver from certain provisions of the TRIPS Agreement for the prevention, containment",
                    "and treatment of COVID-19. IP/C/W/669. https://docs.wto.org/dol2fe/Pages/SS/directdoc.aspx?",
                    "filename=q:/IP/C/W669.pdf")
    assert (ref.publisher, ref.note) == ("", "IP/C/W/669")
