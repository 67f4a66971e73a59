"""Splitting a reference list with no blank lines (text copied from a PDF): a line that opens the way
the list's entries open ("Garcia, M. (2020).") starts an entry even after a line without a final
full stop; wrapped lines that merely start with a capital stay in their entry."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.lines import entry_shape, list_shape
from citecheck.parse.references import parse_reference_list, split_entries


def entries(text: str) -> list[str]:
    return [text[e.start : e.end] for e in split_entries(CleanText.identity("f", text))]


def test_an_entry_without_a_final_period_does_not_swallow_the_next():
    text = ("Lee, B. (2018). A very long title. Example Site. Available at: https://example.org/a.html\n"
            "Accessed 3 May 2020\n"
            "Garcia, M. (2020). Report. Publisher.\n"
            "Smith, J. (2017). Chapter title. In Big Book, pp. 33-45\n"
            "Zhou, K. (2016). Another report. Publisher.\n")
    assert [e.split(".")[0] for e in entries(text)] == ["Lee, B", "Garcia, M", "Smith, J", "Zhou, K"]
    assert entries(text)[0].endswith("Accessed 3 May 2020")


def test_an_entry_ending_in_a_url_pypdf_broke_at_its_underscores():
    text = ("Zaugg, J. (2019). China's bride trafficking problem. CNN.\n"
            "Lee, B. (2018). A very long title that takes up much of the line so the link\n"
            "wraps. Example Site. http://example.org/articles/some-very-long-\n"
            "slug-name with underscores.html\n"
            "Garcia, M. (2020). Report. Publisher.\n"
            "https://doi.org/10.1080/13691058.2019.1234567890123456\n")
    refs = parse_reference_list(CleanText.identity("f", text))
    assert [r.authors[0].family for r in refs] == ["Zaugg", "Lee", "Garcia"]
    assert (refs[1].doi, refs[2].doi) == ("", "10.1080/13691058.2019.1234567890123456")


def test_chicago_lists_are_split_by_their_own_shape():
    text = ("Lee, Bora. 2018. A Long Title. Seoul: Press. https://example.org/a.html\n"
            "Garcia, Maria. 2020. Report. New York: Publisher\n"
            "Smith, John. 2017. Chapter Title. Boston: Beacon.\n")
    assert [e.split(".")[0] for e in entries(text)] == ["Lee, Bora", "Garcia, Maria", "Smith, John"]


@pytest.mark.parametrize("text", [
    # wrapped lines starting with a capitalised word, not in the list's shape
    "Lee, B. (2018). A very long title about\nKorea and China. Example Site\nSmith, J. (2017). T. P.\nKim, C. (2016). U. P.\n",
    # an author list wrapped after "&": the line in the list's shape is the entry's
    "Lee, B., Park, S., &\nKim, C. (2018). A title. Press.\nSmith, J. (2017). T. P.\nKim, C. (2016). U. P.\n",
    # a review naming the reviewed work
    "Lee, B. (2018). Review of\nKim, C. (2016). Title. Journal.\nSmith, J. (2017). T. P.\nKim, C. (2016). U. P.\n",
    # a hanging indent
    "Lee, B. (2018). A title. Example Site\n    Kim, C. (2016). Quoted. P.\nSmith, J. (2017). T. P.\nKim, C. (2016). U. P.\n",
])
def test_lines_that_go_on_with_an_entry_stay_in_it(text):
    assert len(entries(text)) == 3


def test_a_shape_is_the_lists_only_when_entries_share_it():
    assert entry_shape("Garcia, M. (2020). Report.") == entry_shape("Lee, B., & Kim, C. (2019, May 3). T.")
    assert entry_shape("Garcia, Maria. 2020. Report.") != entry_shape("Garcia, M. (2020). Report.")
    assert entry_shape("Accessed 3 May 2020") is None and entry_shape("Korea and China. Example Site") is None
    assert list_shape(["Garcia, M. (2020). R.", "Accessed 3 May 2020"]) is None
    assert list_shape(["Garcia, M. (2020). R.", "Lee, B. (2018). T.", "Smith, John. 2017. T."]) == "initials (year)"
    # one entry swallowing all others teaches nothing: no shape, no split
    one = "Lee, B. (2018). A title. Example Site\nGarcia, M. (2020). Report. Publisher.\n"
    assert entries(one) == [one.strip()]


def test_bibtex_standard_styles_entries_end_with_their_year():
    # plainnat's list out of a pdflatex PDF: given names first, the year last, no blank lines
    text = ("Tom Cap. Caption work. J, 2003.\n"
            "Fay Foot. Footnote work. J, 2004.\n"
            "Donald E. Knuth. The TEXbook. Addison-Wesley, 1984.\n"
            "John Smith and Jane Doe. A study of things. Journal of Stuff, 3:1–10,\n"
            "2019.\n"
            "World Health Organization. Report on health, 2021. URL\n"
            "https://www.who.int/report.\n")
    assert [e.split(".")[0] for e in entries(text)] == ["Tom Cap", "Fay Foot", "Donald E", "John Smith and Jane Doe",
                                                        "World Health Organization"]
    refs = parse_reference_list(CleanText.identity("f", text))
    assert [(r.year, r.authors[0].family if r.authors else None) for r in refs][:4] == [
        (2003, "Cap"), (2004, "Foot"), (1984, "Knuth"), (2019, "Smith")]


def test_bibtex_standard_styles_entries_end_with_their_identifiers_after_the_year():
    """plainnat prints an entry's doi, ISBN and URL after its year: before, such an entry ran on into the next
    one ("... 2019. doi: 10.1016/j.uclim.2019.01.001. World Health Organization. Heat ... 2021.", one reference
    listed as 2021, and both its works' citations wrong)."""
    text = ("María García. Cities in the Anthropocene. Oxford University Press, Oxford,\n"
            "2020. ISBN 978-0-19-954218-8.\n"
            "Kim Lee and Min Choi. Measuring street temperatures with drones. In Proceedings\n"
            "of the Conference on Remote Sensing, pages 33–41, 2018. URL\n"
            "https://example.org/proceedings/lee.pdf.\n"
            "John Smith and Mary Jones. Urban heat islands and vegetation. Journal of\n"
            "Urban Climate, 12:1–20, 2019. doi: 10.1016/j.uclim.2019.01.001.\n"
            "Aiko Nakamura. Shade maps for every street. https://example.org/blog/\n"
            "shade_maps.html, 2021. Accessed 2022-03-01.\n"
            "Patrick O’Connor. Trees and tarmac. Landscape Research, 42(3):201–215, 2017.\n"
            "World Health Organization. Heat and health. Technical Report\n"
            "WHO/HH/2021.1, WHO, 2021.\n")
    assert [e.split(".")[0] for e in entries(text)] == ["María García", "Kim Lee and Min Choi",
                                                        "John Smith and Mary Jones", "Aiko Nakamura",
                                                        "Patrick O’Connor", "World Health Organization"]
    refs = parse_reference_list(CleanText.identity("f", text))
    assert [r.year for r in refs] == [2020, 2018, 2019, 2021, 2017, 2021]


def test_a_url_pdflatex_broke_after_a_slash_ends_its_entry():
    """pdflatex's \\url breaks a long URL after a "/", and pypdf gives a space before the full stop after it:
    "2018. URL https://example.org/papers/" / "green_roofs_seoul.pdf .". Before, that entry ran on into the next
    one (Lee 2018 read as 2019, a false year mismatch, and Smith and Jones 2019 a false missing reference)."""
    text = ("María García and Karl Müller. Street Trees and Sur-\n"
            "face Temperature . Springer, Berlin, 2020.\n"
            "Jin Lee, Soo Park, and Hana Kim. Green roofs in\n"
            "Seoul: A field study. In Proceedings of the In-\n"
            "ternational Conference on Urban Climate , pages\n"
            "1–12, 2018. URL https://example.org/papers/\n"
            "green_roofs_seoul.pdf .\n"
            "Alice Smith and Bob Jones. Hotter cities: Causes and\n"
            "consequences. Journal of Urban Climate , 12(3):\n"
            "100–120, 2019. doi: 10.1016/j.uclim.2019.01.001.\n"
            "World Health Organization. Heat and health. https:\n"
            "//www.who.int/news-room/fact-sheets/\n"
            "detail/climate-change-heat-and-health ,\n"
            "2021. Accessed 2022-03-01.\n")
    assert [e.split(".")[0].split(",")[0] for e in entries(text)] == [
        "María García and Karl Müller", "Jin Lee", "Alice Smith and Bob Jones", "World Health Organization"]
    refs = parse_reference_list(CleanText.identity("f", text))
    assert [r.year for r in refs] == [2020, 2018, 2019, 2021]


def test_one_entry_with_a_year_at_a_line_end_is_not_split():
    text = "Smith, J. (2019). A history. Originally published 1850.\nReprint, Oxford: Clarendon Press.\n"
    assert len(entries(text)) == 1


def test_a_line_that_goes_on_after_a_date_stays_in_its_entry():
    text = ("Tom Cap. Caption work. J, 2003.\n"
            "Fay Foot. A web page, 2004.\n"
            "Accessed May 3, 2020.\n"
            "Donald E. Knuth. The TEXbook. Addison-Wesley, 1984.\n")
    assert [e.split(".")[0] for e in entries(text)] == ["Tom Cap", "Fay Foot", "Donald E"]
    assert entries(text)[1].endswith("Accessed May 3, 2020.")


def test_a_din_list_one_entry_a_line_without_full_stops_is_split_after_each_year():
    """DIN 1505 pasted one entry a line, each ending "..., 2020" with no full stop: before, the whole list was one
    reference (and every citation of it but the first a missing reference)."""
    text = ("QUASCHNING, Volker: Regenerative Energiesysteme. 10. Aufl. München : Hanser, 2020\n"
            "KEMFERT, Claudia: Das fossile Imperium schlägt zurück. Hamburg : Murmann, 2017\n"
            "VAN DER BERG, Jan: Dutch water. Amsterdam : Boom, 2011\n"
            "WORLD HEALTH ORGANIZATION: Air quality guidelines. Geneva : WHO, 2018\n"
            "NG, Andrew: Machine learning. Stanford : SUP, 2012\n")
    assert [e.split(",")[0].split(":")[0] for e in entries(text)] == [
        "QUASCHNING", "KEMFERT", "VAN DER BERG", "WORLD HEALTH ORGANIZATION", "NG"]
    refs = parse_reference_list(CleanText.identity("f", text))
    assert [r.year for r in refs] == [2020, 2017, 2011, 2018, 2012]


@pytest.mark.parametrize("text", [
    # one entry whose wrapped lines end with a year and no full stop: a single such line is no list
    "QUASCHNING, Volker: Regenerative Energiesysteme. München : Hanser, 2020\nKEMFERT, Claudia (Hrsg.).\n",
    # a year and no full stop before a line that opens no DIN entry
    "Smith, J. (2019). Papers of the conference, 2019\nProceedings, 2020\nVolume 3. Oxford: Press.\n",
])
def test_lines_ending_with_a_year_but_no_full_stop_stay_in_their_entry(text):
    assert len(entries(text)) == 1


def test_apa_entries_run_together_on_one_line_are_split():
    """A reference list whose line breaks a copy lost, APA entries one after another on one line: before, the
    first entry swallowed the others ("Jones, B. (2018). Cold cities. ..." in no reference and in no finding, and
    "Lee, C" read as the first one's place)."""
    text = ("Smith, A. (2019). Hot cities. Journal of Heat, 1, 1-2. Jones, B., & Park, S. (2018). Cold cities. "
            "Journal of Cold, 2, 3-4. https://doi.org/10.1000/cold World Health Organization. (2021, June 1). "
            "Heat and health. WHO.\n"
            "Lee, C. (2017). Warm cities. Journal of Warmth, 3, 5-6.\n")
    assert [e.split(" (")[0] for e in entries(text)] == ["Smith, A.", "Jones, B., & Park, S.",
                                                         "World Health Organization.", "Lee, C."]
    refs = parse_reference_list(CleanText.identity("f", text))
    assert [(r.authors[0].family or r.authors[0].literal, r.year) for r in refs] == [
        ("Smith", 2019), ("Jones", 2018), ("World Health Organization", 2021), ("Lee", 2017)]


@pytest.mark.parametrize("text", [
    "Smith, A. (2019). A reply to Jones, B. (2018). Journal of Heat, 1, 1-2.\n",  # no entry's end before it
    "Smith, A. (2019). Hot cities. In Jones, B. (Ed.), Cities (pp. 1-2). Springer.\n",
    "Hot cities, by A. Smith. Jones, B. (2018). Cold cities. J, 2, 3-4.\n",  # the line opens no APA entry
])
def test_an_apa_lead_inside_one_entry_does_not_split_it(text):
    assert len(entries(text)) == 1


@pytest.mark.parametrize(("text", "leads"), [
    # Chicago's author-date, names inverted and the year bare
    ("Smith, Alice. 2019. Hot Cities. Oxford: Oxford University Press. Jones, Bob, and Carl Lee. 2018. Cold Cities. "
     "London: Verso. Lee, Carl. 2017. Warm Cities. Berlin: Springer.\n", ["Smith", "Jones", "Lee"]),
    # Harvard's bracketed year without a full stop after it
    ("Smith, A. and Jones, B. (2019) Hot cities. Journal of Heat, 1, pp. 1-2. Lee, C. (2018) 'Cold cities', "
     "Journal of Cold, 2, pp. 3-4.\n", ["Smith", "Lee"]),
    # IEEE's labels, "[2]" after the full stop that ends "[1]"
    ('[1] A. Smith, "Hot cities," J. Heat, vol. 1, pp. 1-2, 2019. [2] B. Jones, "Cold cities," J. Cold, vol. 2, '
     'pp. 3-4, 2018.\n[3] C. Brown, "Warm cities," J. Warmth, vol. 3, 2017. See also [5].\n', ["A", "B", "C"]),
])
def test_entries_of_other_styles_run_together_on_one_line_are_split(text, leads):
    found = entries(text)
    assert [e.lstrip("[]0123456789 ").split(",")[0].split(".")[0] for e in found] == leads
    assert [e.label for e in split_entries(CleanText.identity("f", text))][:1] in ([""], ["1"])


def test_a_plain_subheading_of_the_list_is_no_entry():
    """Subheadings a copy from Word keeps as plain lines ("Books", "Journal articles", "Websites"): before, each was
    an entry with no year and no title, four false warnings a line."""
    text = ("Books\n\nSmith, A. (2019). Hot cities. Oxford University Press.\n\nJournal articles\n\n"
            "Jones, B. (2018). Cold cities. Journal of Cold, 2, 3-4.\n\nWebsites:\n\n"
            "WHO. (2021). Heat and health. https://www.who.int/x\n\nFurther reading\n\n"
            "Lee, C. (2017). Books. Springer.\n")
    assert [e.split(" (")[0] for e in entries(text)] == ["Smith, A.", "Jones, B.", "WHO.", "Lee, C."]


def test_plainnat_identifiers_on_a_line_of_their_own_or_cut_after_a_dot_end_their_entry():
    """A longer plainnat list in a two-column PDF (session 14, users): a DOI on a line of its own after the year
    ("2002." / "doi: 10.1000/uc.2002.12."), a DOI cut after one of its dots ("doi: 10.1000/uc." / "1990.0.") and a
    URL with pypdf's space before its full stop on the year's line each ran on into the next entry (five false
    missing references and a false year mismatch in a 24-entry list)."""
    text = ("Anna Dubois and Bob Jones. Study number 12 of\n"
            "urban heat. Journal of Urban Climate , 13(1):121–129, 2002.\n"
            "doi: 10.1000/uc.2002.12.\n"
            "Carl García. A Book About Heat, Volume 1 . Oxford\n"
            "University Press, Oxford, 1991.\n"
            "Dana Tanaka and Fay Kim. Measuring heat. In Proceedings , pages 5–13, 1995. "
            "URL https://example.org/proceedings/paper_5.pdf .\n"
            "Anna Smith and Bob Jones. Study number 0 of urban\n"
            "heat. Journal of Urban Climate , 1(1):1–9, 1990. doi: 10.1000/uc.\n"
            "1990.0.\n"
            "Dana Zhang, Eve Lee, and Fay Kim. Measuring street temperatures. In Proceedings , pages 8–16,\n"
            "1998. URL https://example.org/proceedings/paper_8.pdf .\n")
    assert [e.split(" ")[1] for e in entries(text)] == ["Dubois", "García.", "Tanaka", "Smith", "Zhang,"]
    refs = parse_reference_list(CleanText.identity("f", text))
    assert [r.year for r in refs] == [2002, 1991, 1995, 1990, 1998]


def test_abbrvnat_doi_cut_right_after_its_10_ends_its_entry():
    text = ("A. Chen and B. Jones. Study number 21 of urban\nheat. Journal\n"
            "of Urban Climate , 22(2):211–219, 2011. doi: 10.\n1000/uc.2011.21.\n"
            "A. Dubois and B. Jones. Study number 12 of urban\nheat. Journal\n"
            "of Urban Climate , 13(1):121–129, 2002. doi: 10.\n1000/uc.2002.12.\n"
            "C. García. A Book About Heat, Volume 1 . Oxford\nUniversity Press, Oxford, 1991.\n")
    assert [e.split(" ")[1] for e in entries(text)] == ["Chen", "Dubois", "García."]


def test_a_chicago_lead_of_many_authors_is_not_split_at_an_inner_name():
    """"Youdas, James W., David A. Krause, ... Rindflesch. 2007. Title." holds one year mark: the lead found at
    "Krause, Nathan J. ... 2007." after "David A." shares the entry's own year, so it opens no second entry (it was
    split in three, "Youdas, James W., David A.", "Krause", "Hellyer ...")."""
    entry = ("Youdas, James W., David A. Krause, Nathan J. Hellyer, John H. Hollman, and Aaron B. Rindflesch. 2007. "
             "Perceived usefulness of reciprocal peer teaching among doctor of physical therapy students in the gross "
             "anatomy laboratory. Journal of Physical Therapy Education 21 (2) (Fall 2007): 30-38.")
    text = f"{entry}\n\nLee, Carl. 2017. Warm Cities. Chicago: Press.\n"
    refs = parse_reference_list(CleanText.identity("list.txt", text))
    assert [[a.family for a in r.authors][:2] for r in refs] == [["Youdas", "Krause"], ["Lee"]]


def test_a_chicago_lead_of_many_authors_is_not_split_at_an_inner_name_when_a_doi_holds_the_year():
    """The DOI's ".2008.02" is no second year mark, and the entry before a cut must have a date of its own:
    "Kaptchuk, Ted J., John M." has none (the entry was cut in five, four of them "could not be read")."""
    entry = ("Kaptchuk, Ted J., John M. Kelley, Aaron Deykin, Peter M. Wayne, Louis C. Lasagna, Ingrid O. Epstein, "
             "Irving Kirsch, and Michael E. Wechsler. 2008. “Do ‘placebo Responders’ Exist?” Contemporary Clinical "
             "Trials 29 (4): 587–95. doi:10.1016/j.cct.2008.02.002.")
    for text in (entry, f"{entry} Lee, Carl. 2009. Warm Cities. Chicago: Press."):
        refs = parse_reference_list(CleanText.identity("list.txt", text))
        assert [r.authors[0].family for r in refs] == ["Kaptchuk", "Lee"][: len(refs)] and len(refs[0].authors) == 8
    assert len(parse_reference_list(CleanText.identity("list.txt", f"{entry} Lee, Carl. 2009. Warm Cities."))) == 2


def test_an_undated_entry_run_together_with_the_next_is_split():
    text = "Smith, A. (n.d.). Hot cities. Heat Blog. Jones, B. (2018). Cold cities. Journal of Cold, 2, 3-4.\n"
    refs = parse_reference_list(CleanText.identity("list.txt", text))
    assert [r.authors[0].family for r in refs] == ["Smith", "Jones"]


def test_entries_run_together_on_one_line_are_still_split():
    text = ("Smith, A. (2019). Hot cities. Journal of Heat, 1, 1-2. Jones, B. (2018). Cold cities. Journal of Cold, 2, 3-4.\n\n"
            "Lee, Carl. 2017. Warm Cities. Chicago: Verso. Kim, Dana. 2016. Cool Cities. London: Verso.\n")
    refs = parse_reference_list(CleanText.identity("list.txt", text))
    assert [r.authors[0].family for r in refs] == ["Smith", "Jones", "Lee", "Kim"]


def test_a_two_entry_list_of_a_standard_style_is_two_entries():
    """A pdflatex PDF of a paper citing two works (plainnat): one line ends with a year before the last, where the
    split asks two, and the two ran into one reference, 'Nineteen Eighty-Four. Secker & Warburg', with the second's
    journal, pages and DOI (session 16, user). Both open with a person's given name: split. A wrapped line that
    opens with no person's name stays in its entry."""
    two = ("George Orwell. Nineteen Eighty-Four. Secker & Warburg, London, 1949.\n"
           "Jane Smith and Karl Müller. Urban heat islands. Urban Climate, 27:\n1–12, 2019.\n")
    assert [e.split(".")[0] for e in entries(two)] == ["George Orwell", "Jane Smith and Karl Müller"]
    one = "George Orwell. Nineteen Eighty-Four. Secker & Warburg, London, 1949.\nOxford University Press, reprint.\n"
    assert len(entries(one)) == 1
