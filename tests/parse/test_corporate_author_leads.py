"""An organisation that leads an entry is its author, not a title-first entry's title: one whose
name has a word of an organisation's ("Panel"), or whose acronym follows it in brackets."""
from __future__ import annotations

from citecheck.model import CleanText, EntryType
from citecheck.parse.references import parse_reference_list

from one_reference import read_one as _read


def test_an_apa_organisation_author_before_an_italic_title():
    ref = _read("Intergovernmental Panel on Climate Change. (2021). *Climate change 2021: The physical science "
                "basis*. Cambridge University Press. https://doi.org/10.1017/9781009157896")
    assert [n.literal for n in ref.authors] == ["Intergovernmental Panel on Climate Change"]
    assert ref.title == "Climate change 2021: The physical science basis"
    assert (ref.publisher, ref.place, ref.type) == ("Cambridge University Press", "", EntryType.BOOK)


def test_a_harvard_organisation_author_with_its_acronym_in_brackets():
    ref = _read("World Tourism Organization (UNWTO) (2019) International tourism highlights, 2019 edition. "
                "Madrid: UNWTO.")
    assert [n.literal for n in ref.authors] == ["World Tourism Organization (UNWTO)"]
    assert ref.title == "International tourism highlights"
    assert (ref.place, ref.publisher) == ("Madrid", "UNWTO")


def test_an_organisation_with_its_acronym_opens_a_new_entry_in_a_list_without_blank_lines():
    """Chicago's "World Meteorological Organization (WMO). 2020." after an entry, no blank line between (a PDF's
    text): before, it was read into the entry above (whose publisher became "World Meteorological Organization"),
    and "(WMO 2020)" was a missing reference."""
    text = ('Robine, J. M. 2008. "Death Toll." Comptes Rendus Biologies 331 (2): 171–178.\n'
            "World Meteorological Organization (WMO). 2020. State of the Global Climate. Geneva: WMO.\n")
    robine, wmo = parse_reference_list(CleanText.identity("refs.txt", text))
    assert robine.publisher == "" and robine.pages == "171–178"
    assert [n.literal for n in wmo.authors] == ["World Meteorological Organization (WMO)"] and wmo.year == 2020
