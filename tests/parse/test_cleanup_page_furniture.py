"""Running footers with page numbers, bare page numbers, headers on two pages, ligatures (parse.cleanup)."""
from __future__ import annotations

from citecheck.model import PDF_MARGIN, SourceDoc
from citecheck.parse.citations import find_citations
from citecheck.parse.cleanup import fold_line, mask_page_number, page_numbers, remove_page_headers
from citecheck.parse.document import parse_document

FOOTER = "E-International Essays on Energy · {}"
ENTRIES = ["References", "", "Haddad, S. (2016) Cables and the timing of benefit-sharing. Energy Research, 19, pp. 88-97.",
           "", "Lindgren, M. (2018) Sharing the gains. Oslo: Fjord Institute."]


def lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def test_footers_that_differ_by_a_page_number_are_removed_and_a_split_citation_joined():
    src = lines("Critics add that the funds arrive too late (Haddad", FOOTER.format(3),
                "2016). In Nova Scotia, by contrast, the nations were partners.", FOOTER.format(4),
                "More text (Lindgren 2018).", FOOTER.format(5))
    cleaned = remove_page_headers("p.txt", src)
    assert "(Haddad 2016). In Nova Scotia" in cleaned.text.text
    assert "Essays on Energy" not in cleaned.text.text
    assert cleaned.removed_count == 3 and cleaned.removed == tuple(FOOTER.format(n) for n in (3, 4, 5))


def test_a_page_number_at_the_start_of_a_header_is_masked_too():
    assert mask_page_number(fold_line("12 Journal of Tides")) == mask_page_number(fold_line("13 journal of tides"))
    src = lines("12 Journal of Tides", "Text one (Smith", "13 Journal of Tides", "2019) goes on.",
                "14 Journal of Tides", "Done.")
    assert remove_page_headers("p.txt", src).text.text == "Text one (Smith 2019) goes on.\n\nDone.\n"


def test_the_last_footer_is_no_junk_reference():
    for tail in ([FOOTER.format(3)], ["", FOOTER.format(3)]):  # right after the last entry, or apart
        src = lines("Body text (Haddad", FOOTER.format(1), "2016) and (Lindgren 2018).", FOOTER.format(2),
                    *ENTRIES, *tail)
        refs = parse_document(SourceDoc("p.txt", src, "text")).references
        assert [r.authors[0].family for r in refs if r.authors] == ["Haddad", "Lindgren"] and len(refs) == 2
        assert not any("Essays" in r.raw for r in refs)


def test_bare_page_numbers_between_text_lines_are_removed():
    page = [f"Line {n} of a page of prose that goes on." for n in range(12)]
    src = lines("First paragraph ends here.", "", "12", "", *page, "Second paragraph (Haddad", "13",
                "2016) goes on.")
    cleaned = remove_page_headers("p.txt", src)
    assert cleaned.text.text == lines("First paragraph ends here.", "", *page, "Second paragraph (Haddad 2016) goes on.")
    assert cleaned.removed == ("12", "13") and cleaned.removed_count == 2
    i = cleaned.text.text.index("2016")
    span = cleaned.text.span(i, i + 4)
    assert src[span.start : span.end] == "2016" and span.line == 19


def test_numbered_lines_and_lists_of_numbers_are_kept():
    numbered = lines("Intro text.", "12.", "Smith, J. (2019). A study. Water, 3, 1-9.", "13.",
                     "Jones, K. (2018). Another. Rivers, 4, 5-6.")
    assert remove_page_headers("n.txt", numbered).text.text == numbered  # "12." carries a period
    column = lines("Intro text.", "1", "Smith, J. (2019). A study.", "2", "Jones, K. (2018). Another.",
                   "3", "Brown, A. (2017). A third.")
    assert page_numbers(column.split("\n")) == set()  # numbers close together: a list's
    edges = lines("7", "Only text here.", "2019", "More text.", "8")
    assert page_numbers(edges.split("\n")) == set()  # at the very start and end; a year is no page number


def test_with_page_marks_a_bare_number_at_a_pages_edge_is_its_number_even_on_short_pages():
    # pasted pages of a few lines: "12" and "13" were too close to be page numbers, so "13" went into
    # the DOI before it ("zsab123" + "13") and "12" became an author ("12 D. Kim")
    src = lines("Text cites [3] and [4].", "", "References", "[3]", "12", "\fD. Kim, \"Another title,\" Sleep, vol. 4, "
                "pp. 20-29, 2021.", "[4] E. Park, \"A fourth title,\" Sleep, vol. 5, pp. 30-39, 2022. doi: 10.1093/sleep/",
                "zsab123", "13", "\fThe end of the file.")
    split = src.split("\n")
    assert page_numbers(split) == {split.index("12"), split.index("13")}
    refs = parse_document(SourceDoc("p.txt", src, "text")).references
    assert [(r.authors[0].family, r.doi) for r in refs] == [("Kim", ""), ("Park", "10.1093/sleep/zsab123")]


def test_a_line_seen_twice_with_two_page_numbers_is_kept_without_page_marks():
    src = lines("Essays on Energy · 1", "x text", "Essays on Energy · 2", "y text")
    assert remove_page_headers("p.txt", src).removed_count == 0


def test_with_page_marks_a_header_on_two_pages_is_removed():
    header = "Saltmarsh Restoration in the Wadden Sea - Working Paper 7"
    src = lines(header, "Title of the paper", "The farmers want cattle on it (Bakker",
                "\f" + header, "2021). The lesson is clear.", "References", "Bakker, J. 2021. Cattle. Leeuwarden.")
    cleaned = remove_page_headers("w.txt", src)
    assert "(Bakker 2021). The lesson" in cleaned.text.text and "Working Paper" not in cleaned.text.text
    assert "\f" not in cleaned.text.text and cleaned.removed == (header,) and cleaned.removed_count == 2
    # every line of the input is either in the text or counted as removed
    kept = {cleaned.text.span(i, i + 1).line for i, ch in enumerate(cleaned.text.text) if not ch.isspace()}
    assert len(kept) + cleaned.removed_count == len([l for l in src.split("\n") if l.strip()])
    unmarked = remove_page_headers("w.txt", src.replace("\f", ""))
    assert unmarked.removed_count == 0  # pasted text: two repeats are not enough


def test_with_page_marks_a_footer_with_page_numbers_on_two_pages_is_removed():
    src = lines("Text of page one (Smith", "Journal of Tides 41", "\f2019) and page two.", "Journal of Tides 42")
    cleaned = remove_page_headers("w.txt", src)
    assert cleaned.text.text == "Text of page one (Smith 2019) and page two."
    assert cleaned.removed == ("Journal of Tides 41", "Journal of Tides 42")


def test_ligatures_become_letters_and_spans_still_point_at_the_file():
    src = lines("The ﬁrst wave of ﬂows (Smith 2019) was eﬃcient.", "",
                "References", "", "Smith, J. (2019) The ﬂux of ﬁsheries. Water, 3, 1-9. https://example.org/ﬁles/ﬂux.pdf")
    cleaned = remove_page_headers("l.txt", src).text
    assert "The first wave of flows (Smith 2019) was efficient." in cleaned.text
    assert all(ch not in cleaned.text for ch in "ﬀﬁﬂﬃﬄﬅﬆ")
    i = cleaned.text.index("flows")
    span = cleaned.span(i, i + 5)
    assert src[span.start : span.end] == "ﬂows"
    j = cleaned.text.index("Smith 2019")
    assert src[cleaned.span(j, j + 10).start : cleaned.span(j, j + 10).end] == "Smith 2019"
    (ref,) = parse_document(SourceDoc("l.txt", src, "text")).references
    assert ref.title.startswith("The flux of fisheries")
    assert [u.url for u in ref.urls] == ["https://example.org/files/flux.pdf"]


def test_a_pdf_viewers_soft_hyphens_and_non_breaking_spaces_do_not_split_a_cited_name():
    # a viewer's copy keeps the soft hyphen where a line broke a name: "Kowal\u00ad" / "ski" was cited as
    # "Kowal­ ski" (a missing reference), and "Lef\u00adèvre" as "Müller (2005)" alone
    src = lines("Shift work harms sleep (Baker & Kowal\u00ad", "ski, 2001). As Lef\u00adèvre\u00a0and\u00a0Müller (2005)",
                "showed, nights are short.", "", "References", "",
                "Baker, A. B., & Kowalski, C. (2001). Longitudinal analysis of first-shift workers. Sleep, 4(2), 101–121.",
                "Lefèvre, A. B., & Müller, C. (2005). Field fatigue. Sleep, 8(2), 105–125.")
    cleaned = remove_page_headers("p.txt", src).text
    assert "(Baker & Kowalski, 2001). As Lefèvre and Müller (2005)" in cleaned.text
    k = cleaned.text.index("ski, 2001")
    assert src[cleaned.span(k, k + 3).start:].startswith("ski, 2001")  # spans still point at the file
    parsed = parse_document(SourceDoc("p.txt", src, "text"))
    names = [c.name_texts for c in find_citations(parsed.body)]
    assert names == [("Baker", "Kowalski"), ("Lefèvre", "Müller")]


def test_with_page_marks_a_line_at_the_bottom_of_one_page_and_the_top_of_the_next_is_kept():
    src = lines("Adams, B. 2017. Polders.", "Amsterdam: Boom.", "Smith, J. 2019. A history of dikes.",
                "London: Routledge.", "\fLondon: Routledge.", "Jones, K. 2018. Another history of",
                "the coast. Leiden: Brill.", "Young, P. 2012. Tides. Delft: Deltares.")
    assert remove_page_headers("w.txt", src).removed_count == 0  # a header is at the top of both pages


WRAPPED = ["Text cites (Smith, 2019), (Jones, 2018) and (Brown, 2017).", "", "## References", "",
           "Smith, J. (2019). A long title of a book about rivers.", "Oxford University Press.",
           "Jones, K. (2018). Another long title of a book about tides.", "Oxford University Press.",
           "Brown, L. (2017). Yet another long title of a book on coasts.", "Oxford University Press."]


def test_a_line_repeated_lines_apart_in_a_reference_list_is_no_running_header():
    src = lines(*WRAPPED)
    assert remove_page_headers("w.md", src).removed_count == 0
    refs = parse_document(SourceDoc("w.md", src, "text")).references
    assert [(r.authors[0].family, r.publisher) for r in refs] == [
        ("Smith", "Oxford University Press"), ("Jones", "Oxford University Press"), ("Brown", "Oxford University Press")]
    # an entry listed three times, and "Ibid." lines, are text too
    entry = "Smith, J. (2019). A book about things. Oxford University Press."
    other = "Jones, K. (2020). Another title here. Journal of Stuff, 3(2), 1-10."
    listed = lines("Text cites (Smith, 2019).", "", "## References", "", entry, other, entry, other, entry,
                   "Ibid.", "Ibid.", "Ibid.")
    assert remove_page_headers("d.md", listed).removed_count == 0
    refs = parse_document(SourceDoc("d.md", listed, "text")).references
    assert sum(1 for r in refs if r.authors and r.authors[0].family == "Smith") == 3
    # years at a line's end are no page numbers when they do not rise a page at a time
    years = lines("Adams, B. The polders of the north.", "Oxford: Clarendon Press, 2019", "Bakker, J. Cattle.",
                  "Oxford: Clarendon Press, 2015", "Cole, P. Tides.", "Oxford: Clarendon Press, 2018")
    assert remove_page_headers("y.txt", years).removed_count == 0


def test_a_running_header_is_a_page_apart():
    prose = [f"Line {n} of a page of prose that goes on." for n in range(16)]
    header = "Journal of Tides. All rights reserved."
    src = lines(header, *prose, header, *prose, header, "Done.")
    cleaned = remove_page_headers("p.txt", src)
    assert cleaned.removed == (header,) and cleaned.removed_count == 3
    close = lines(header, *prose[:8], header, *prose[:8], header, "Done.")  # a full stop: a page is longer
    assert remove_page_headers("p.txt", close).removed_count == 0
    # where pages are marked, a header is on different pages; three times on one page is text
    paged = lines("Text one.", header, "Text two.", header, "Text three.", header, "\fText four.", "Text five.")
    assert remove_page_headers("p.txt", paged).removed_count == 0
    on_pages = lines("Text one.", header, "\fText two.", header, "\fText three.", header, "\fText four.")
    assert remove_page_headers("p.txt", on_pages).removed_count == 3


def test_a_line_a_pdf_draws_in_its_margin_is_removed_once_and_the_notes_after_it_stay_apart():
    # inputs.pdf marks a line drawn in a page's margin (PDF_MARGIN) and writes the pages' footnotes after the
    # text: the footer is removed and named though seen once, and the note is not run into the entry before it
    src = lines("Body text (Zeldin 2019).", "", "References", "",
                "Zeldin, R. 2019. Grazing and salt. https://example.org/", "collections/grazing/", "salt.pdf",
                PDF_MARGIN + "2 Preprint - not peer reviewed", "", "[^1]: See also Zeldin (2019) on grazing.")
    cleaned = remove_page_headers("p.pdf", src)
    assert cleaned.removed == ("2 Preprint - not peer reviewed",) and cleaned.removed_count == 1
    assert cleaned.text.text.endswith("\nsalt.pdf\n\n[^1]: See also Zeldin (2019) on grazing.\n")
    parsed = parse_document(SourceDoc("p.pdf", src, "pdf"))
    assert [r.raw for r in parsed.references] == [
        "Zeldin, R. 2019. Grazing and salt. https://example.org/ collections/grazing/ salt.pdf"]
    assert [c.text for c in find_citations(parsed.body)] == ["Zeldin 2019", "Zeldin (2019)"]


EIR_TITLE = "Moving Without Leaving: Climate Mobility"


def _eir_pages() -> str:
    """E-International Relations' PDF layout: title and "Written by" on every page, the title again as the
    essay's heading a few lines into page one, and "... Page N/M" footers."""
    prose = [f"Sentence {n} of a page of prose about displacement goes on here." for n in range(8)]
    pages = []
    for page in (1, 2, 3):
        pages += [EIR_TITLE, "Written by Ana Ortiz", *(["This PDF is auto-generated.", "", EIR_TITLE] if page == 1 else []),
                  *prose, "", f"E-International Relations ISSN 2053-8626 Page {page}/3", ""]
    return lines(*pages)


def test_page_n_of_m_footers_and_a_title_repeated_as_page_ones_heading_are_removed():
    cleaned = remove_page_headers("e.txt", _eir_pages())
    assert "Page" not in cleaned.text.text and EIR_TITLE not in cleaned.text.text
    assert cleaned.removed_count == 3 + 4 + 3  # Written by, the title (with page one's heading), the footers
    assert mask_page_number(fold_line("Journal ISSN 1 Page 2/5")) == mask_page_number(fold_line("journal issn 1 page 3/5"))
    assert mask_page_number(fold_line("Page 2 of 12")) == mask_page_number(fold_line("Page 3 of 12")) == "page#"


def test_a_line_repeated_close_together_then_a_page_apart_only_twice_is_kept():
    prose = [f"Prose line {n} of the essay." for n in range(8)]
    src = lines("Cambridge: Cambridge University Press", "x.", "Cambridge: Cambridge University Press", *prose,
                "Cambridge: Cambridge University Press", *prose)
    assert remove_page_headers("c.txt", src).removed_count == 0  # three in all: not "more than MIN_REPEATS"
