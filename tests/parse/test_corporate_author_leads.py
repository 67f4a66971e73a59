"""An organisation that leads an entry is its author, not a title-first entry's title: one whose
name has a word of an organisation's ("Panel"), or whose acronym follows it in brackets."""
from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("entry, author, title", [
    ("Ministère de la Transition écologique. (2020). *Stratégie nationale bas-carbone*. Paris.",
     "Ministère de la Transition écologique", "Stratégie nationale bas-carbone"),
    ("Ministère de la Transition écologique. (2020). *Titre*.", "Ministère de la Transition écologique", "Titre"),
    ("Agence nationale de la recherche. (2019). *Rapport annuel*. Paris: ANR.", "Agence nationale de la recherche",
     "Rapport annuel"),
])
def test_a_body_named_in_sentence_case_is_the_author(entry, author, title):
    """A French body's name has lower-case words ("écologique"): before, the entry was read as title-first, the
    body's name its title."""
    ref = _read(entry)
    assert [n.literal for n in ref.authors] == [author]
    assert ref.title == title


def test_a_title_first_entry_opening_with_a_bodys_word_stays_title_first():
    ref = _read("Agencia y estructura social. (2019). Madrid: Akal.")
    assert not ref.authors and ref.title == "Agencia y estructura social"


@pytest.mark.parametrize("text, first_words", [
    # ABNT: a body in capitals, its title in bold
    ("OLIVEIRA, Maria; COSTA, Pedro. **Pesquisa**. São Paulo: Atlas, 2007.\n"
     "FAO. **The state of food**. Rome: FAO, 2019.\n", ["OLIVEIRA", "FAO"]),
    # DIN 1505: the body's colon
    ("MCCARTHY, Cormac: The road. New York : Knopf, 2014.\n"
     "WORLD HEALTH ORGANIZATION: Title. Geneva, 2020.\n", ["MCCARTHY", "WORLD"]),
    # its acronym in brackets
    ("SILVA, J. A. da. **Direito constitucional**. São Paulo: Malheiros, 2009.\n"
     "INSTITUTO BRASILEIRO DE GEOGRAFIA E ESTATÍSTICA (IBGE). **Censo 2010**. Rio de Janeiro: IBGE, 2011.\n",
     ["SILVA", "INSTITUTO"]),
])
def test_a_body_in_capitals_opens_a_new_entry_on_the_next_line(text, first_words):
    """Before, "FAO. **The state of food**. ..." on the line after an entry (no blank line) was joined to it: "(FAO,
    2019)" was a missing reference and the entry above got a year mismatch."""
    refs = parse_reference_list(CleanText.identity("refs.md", text))
    assert [r.raw.split()[0].rstrip(",.:;") for r in refs] == first_words


@pytest.mark.parametrize("text", [
    # a title in capitals after the author's initials
    "SILVA, J. A.\nHISTÓRIA DO BRASIL. São Paulo: Atlas, 2009.\n",
    # "NASA" opening a wrapped title
    "SOUZA, Maria. Report on the\nNASA. Programme of space flight. Houston: NASA, 2019.\n",
    # a Vancouver journal's abbreviation in capitals
    "SMITH J, LEE K. Title of the study on 2018 data.\nJAMA. 2019;321(5):123-9.\n",
    "LEE K, PARK S. ANOTHER STUDY 2017.\nBMJ. Title; 2018;378:1-9.\n",
    # a link's label in capitals
    "SILVA, João. **Relatório**. São Paulo: Atlas, 2019.\nURL: https://example.org/report2019.pdf.\n",
    # a list not in capitals
    "Smith, J. (2018). A title. Publisher.\nNASA. A history of space flight. Houston: NASA, 2019.\n",
])
def test_a_wrapped_line_merely_starting_with_capitals_stays_in_its_entry(text):
    assert len(parse_reference_list(CleanText.identity("refs.md", text))) == 1


@pytest.mark.parametrize("text, author, title", [
    ("Oxfam Novib. (2019). Annual review of our work in 2018. Retrieved January 2, 2020, from "
     "https://www.oxfamnovib.nl/annual-review-2018", "Oxfam Novib", "Annual review of our work in 2018"),
    ("Médecins Sans Frontières. (n.d.). Cholera: Treatment centres and oral vaccination. Retrieved January 9, 2024, "
     "from https://www.msf.org/cholera-treatment-centres", "Médecins Sans Frontières",
     "Cholera: Treatment centres and oral vaccination"),
])
def test_an_organisation_lead_before_a_title_holding_an_organisations_word(text, author, title):
    """"review", "centres" are words of organisations' names, but a title written in sentence case, with a colon
    or a number, is no organisation's name: the lead is the author (it was the title, and the title was lost)."""
    ref = _read(text)
    assert [n.literal for n in ref.authors] == [author]
    assert (ref.title, ref.publisher) == (title, "")


def test_a_title_first_entry_before_an_organisation_publisher_stays_so():
    ref = _read("Cybersex Trafficking. (2020). International Justice Mission. https://www.ijm.org/cybersex")
    assert (ref.authors, ref.title, ref.publisher) == ((), "Cybersex Trafficking", "International Justice Mission")


def test_a_harvard_organisation_lead_before_a_report_with_its_year():
    """The tagger half reads "Annual report" as a genre: a genre with a year of its own is the title, and the
    organisation the author (it was the title, and "Annual report 2019" the publisher)."""
    ref = _read("Statista (2019) Annual report 2019. Available at: https://example.org/annual-2019 "
                "(Accessed: 3 May 2021).")
    assert [n.literal or n.family for n in ref.authors] == ["Statista"]
    assert (ref.title, ref.publisher) == ("Annual report 2019", "")
