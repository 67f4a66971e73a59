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
