"""A URL or DOI that a line break cut before a bare word or number ("https://ourworldindata.org/" +
"coronavirus", ".../item/978924" + "0012345", "pnas.18175" + "61116") is rejoined and reported when
that word ends the entry; with more text after it the join would be a guess, so it is a warning."""
from __future__ import annotations

import pytest

from citecheck.model import Kind, Severity

from one_reference import read_one as parse

HEAD = "Ritchie, H. (2021). *Coronavirus pandemic (COVID-19)*. Our World in Data. "


@pytest.mark.parametrize("tail, url", [
    ("https://ourworldindata.org/\ncoronavirus", "https://ourworldindata.org/coronavirus"),
    ("https://www.who.int/publications/i/item/978924\n0012345", "https://www.who.int/publications/i/item/9789240012345"),
    ("https://ourworldindata.org/\ncoronavirus (accessed 3 May 2021).", "https://ourworldindata.org/coronavirus"),
])
def test_a_url_cut_before_the_entrys_last_word_is_rejoined_and_reported(tail, url):
    ref = parse(HEAD + tail)
    assert [u.url for u in ref.urls] == [url] and ref.publisher in ("", "Our World in Data")
    repaired, = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert repaired.severity is Severity.INFO and "line end" in repaired.message and repaired.fix.after == url


def test_a_doi_url_cut_before_its_last_digits_gives_the_whole_doi():
    ref = parse("Ziter, C. D. (2019). Scale-dependent interactions. *PNAS*, *116*(15), 7575–7580. "
                "https://doi.org/10.1073/pnas.18175\n61116")
    assert ref.doi == "10.1073/pnas.1817561116" and ref.publisher == ""
    assert [f.kind for f in ref.findings] == [Kind.URL_REPAIRED]


def test_a_doi_label_cut_before_its_last_digits_is_rejoined_and_reported():
    ref = parse("Ziter, C. D. (2019). Scale-dependent interactions. PNAS, 116(15), 7575–7580. doi:10.1073/pnas.18175\n61116")
    assert ref.doi == "10.1073/pnas.1817561116" and ref.publisher == ""
    repaired, = ref.findings
    assert repaired.kind is Kind.URL_REPAIRED and repaired.fix.field == "doi"
    assert repaired.fix.after == "10.1073/pnas.1817561116"


@pytest.mark.parametrize("tail, what", [
    ("https://ourworldindata.org/\ncoronavirus and the data behind it.", "URL"),
    ("doi:10.1073/pnas.18175\n61116 PMID 30886089.", "DOI"),
])
def test_a_cut_with_more_text_after_its_rest_is_a_warning_not_a_guess(tail, what):
    ref = parse(HEAD + tail)
    warning, = [f for f in ref.findings if f.kind is Kind.MALFORMED_REFERENCE]
    assert warning.severity is Severity.WARNING and warning.message.startswith(f"{what} looks cut at a line end")
    assert not [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]


@pytest.mark.parametrize("tail", [
    "https://ourworldindata.org/covid\nAccessed 3 May 2021.",  # a word of the entry, capitalised
    "https://ourworldindata.org/covid\n2021.",                 # a year
    "https://ourworldindata.org/covid\n12345",                 # digits after a word's letters
    "https://ourworldindata.org/covid.pdf\nextra",             # a whole address
    "https://ourworldindata.org/covid\naccessed 3 May 2021.",  # a word of prose
    "https://ourworldindata.org/covid coronavirus",            # a space, not a line break
])
def test_what_follows_a_whole_url_is_neither_joined_nor_warned_of(tail):
    ref = parse(HEAD + tail)
    assert ref.urls[0].url == tail.split()[0]
    assert not [f for f in ref.findings if f.kind in (Kind.URL_REPAIRED, Kind.MALFORMED_REFERENCE)]


@pytest.mark.parametrize("tail, url", [
    ("https://www.example.org/reports/annual.\n2019/summary.pdf", "https://www.example.org/reports/annual.2019/summary.pdf"),
    ("https://data.example.org/sets/v2.\n3/table.csv (accessed 3 May 2021).", "https://data.example.org/sets/v2.3/table.csv"),
    ("https://www.who.\nint/publications/i/item/9789240051164", "https://www.who.int/publications/i/item/9789240051164"),
    # pdflatex's \url breaks before a file's extension: ".html" was dropped (and --fix would write the cut URL)
    ("https://www.example.org/reports/1993/\nannual-summary-of-the-dubois-working-group.\nhtml",
     "https://www.example.org/reports/1993/annual-summary-of-the-dubois-working-group.html"),
    ("https://www.example.org/reports/annual-summary.\npdf (accessed 3 May 2021).", "https://www.example.org/reports/annual-summary.pdf"),
])
def test_a_url_cut_after_a_full_stop_inside_it_is_rejoined(tail, url):
    """ "…/annual." + "2019/summary.pdf": the stop is the URL's own when the next line goes on in lower
    case or digits with a path's punctuation inside (new user, round 8)."""
    ref = parse(HEAD + tail)
    assert [u.url for u in ref.urls] == [url]
    repaired, = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert "after a full stop" in repaired.message and repaired.fix.after == url


@pytest.mark.parametrize("tail, doi", [
    ("doi:10.1016/j.\ncell.2019.01.002", "10.1016/j.cell.2019.01.002"),
    ("https://doi.org/10.1371/journal.\npone.0123456", "10.1371/journal.pone.0123456"),
    ("https://doi.org/10.1111/jcpp.\n13278", "10.1111/jcpp.13278"),  # Wiley's number alone (was "10.1111/jcpp")
    ("doi:10.1111/jcpp.\n13278.", "10.1111/jcpp.13278"),
])
def test_a_doi_cut_after_a_full_stop_inside_it_is_rejoined(tail, doi):
    ref = parse(HEAD + tail)
    assert ref.doi == doi
    repaired, = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert "after a full stop" in repaired.message


@pytest.mark.parametrize("tail", [
    "https://www.example.org/page.\nAccessed 3 May 2021.",  # the next sentence
    "https://www.example.org/page.\n2021.",                 # a year
    "https://www.example.org/page.\ne.g. the archive",      # prose
    "https://www.example.org/page.\ncited 2021 May 3",      # a word of prose
    "https://www.example.org/report.pdf.\nabc/def.html",    # a whole address before the stop
    "https://www.example.org/page. ab/cd.html",             # a space, not a line break
])
def test_a_url_that_ends_its_sentence_is_not_joined_to_the_next_line(tail):
    ref = parse(HEAD + tail)
    assert ref.urls[0].url == tail.split()[0].rstrip(".")
    assert not [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]


def test_a_url_ending_its_sentence_is_not_joined_to_a_doi_on_the_next_line():
    ref = parse(HEAD + "https://www.example.org/page.\n10.1016/j.cell.2019.01.002")
    assert ref.urls[0].url == "https://www.example.org/page" and ref.doi == "10.1016/j.cell.2019.01.002"


def test_a_cochrane_doi_cut_after_its_full_stop_is_rejoined_and_its_rest_no_field():
    ref = parse("Spurling GK, Del Mar CB. Delayed antibiotic prescriptions for respiratory infections. Cochrane "
                "Database Syst Rev. 2017;9(9):CD004417. doi:10.1002/14651858.\nCD004417.pub5")
    assert ref.doi == "10.1002/14651858.CD004417.pub5" and ref.place == "" and ref.publisher == ""


@pytest.mark.parametrize("tail, url", [
    ("https://www.gov.uk/government/publications/antimicrobial-utilisa-\ntion-and-resistance-report",
     "https://www.gov.uk/government/publications/antimicrobial-utilisation-and-resistance-report"),
    ("https://doi.org/10.1016/j.geofo-\nrum.2013.02.008", "https://doi.org/10.1016/j.geoforum.2013.02.008"),
])
def test_a_line_break_hyphen_in_a_word_the_entry_writes_whole_is_dropped(tail, url):
    ref = parse("Boelens, R. (2014). Antimicrobial utilisation in Geoforum. *Geoforum*, 57, 234–247. " + tail)
    assert [u.url for u in ref.urls] == [url] or ref.doi == url.split("doi.org/")[-1]


def test_a_hyphen_the_entry_does_not_write_away_stays():
    ref = parse("Boelens, R. (2014). Water. *Geoforum*, 57, 234–247. https://example.org/anti-\nmicrobial-report")
    assert [u.url for u in ref.urls] == ["https://example.org/anti-microbial-report"]


def test_a_hyphen_before_a_line_break_stays_the_urls_own_and_the_finding_says_so():
    ref = parse("Okafor, C. (2017). Water. WHO. https://www.who.int/news-room/fact-sheets/detail/drink-\n"
                "ing-water (accessed 3 May 2021).")
    assert [u.url for u in ref.urls] == ["https://www.who.int/news-room/fact-sheets/detail/drink-ing-water"]
    repaired, = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert "kept the hyphen before the line break in 'drink-ing'" in repaired.message
    assert "'drinking'" in repaired.message


def test_a_hyphen_the_entry_writes_away_is_removed_and_no_kept_hyphen_is_claimed():
    ref = parse("Park, C. (2018). The report. Example. https://example.org/files/re-\nport.pdf")
    assert [u.url for u in ref.urls] == ["https://example.org/files/report.pdf"]
    repaired, = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert "kept the hyphen" not in repaired.message


@pytest.mark.parametrize("tail, doi", [
    ("https://doi.org/10.1016/0165-1781(89)\n90047-4", "10.1016/0165-1781(89)90047-4"),
    ("doi:10.1016/S0140-6736(20)\n32656-8.", "10.1016/S0140-6736(20)32656-8"),
])
def test_an_elsevier_doi_cut_after_its_bracketed_year_is_rejoined(tail, doi):
    """A PDF's column breaks an old Elsevier DOI after "(89)": the item number on the next line was the
    publisher ("90047-4") and the DOI ended at its year."""
    ref = parse(HEAD + tail)
    assert ref.doi == doi and ref.publisher == "Our World in Data"
    repaired, = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert repaired.fix.after.endswith(doi)


def test_biblatex_urls_and_dois_spaced_at_their_breakpoints_in_a_pdf_are_read_whole():
    # biblatex's \url breaks after "." "/" "-"; pypdf gives the breakpoints' glue as spaces: the DOI was dropped
    # ("doi: 10 . 1038 / nature13462") and a hyphen inside the URL taken for a line's ("city-heatislands.html")
    ref = parse("Zhao, Lei et al. (2014). “Strong contributions of local background climate to urban heat islands”. "
                   "In: Nature 511.7508, pp. 216–219. doi: 10 . 1038 /\nnature13462.")
    assert ref.doi == "10.1038/nature13462" and ref.pages == "216–219"
    assert parse("Lee, K. (2019). Cells. In: Cell 3, pp. 1–2. doi: 10 . 1016 / j . cell . 2019 . 01 . 002.").doi == \
        "10.1016/j.cell.2019.01.002"
    ref = parse("Popovich, Nadja and Christopher Flavelle (2021). Summer in the City Is Hot. url: https://www.nytimes.com/\n"
                   "interactive/2019/08/09/climate/city- heat- islands.html (visited\non 02/01/2024).")
    assert [u.url for u in ref.urls] == ["https://www.nytimes.com/interactive/2019/08/09/climate/city-heat-islands.html"]
    assert parse("Kim, A. (2019). A well- known fact. Journal of Facts 3, pp. 1–2.").title == "A well-known fact"
