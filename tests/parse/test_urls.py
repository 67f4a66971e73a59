import pytest

from citecheck.parse.urls import (
    extract_urls,
    find_doi,
    find_doi_fragment,
    locate_doi,
    repair_url,
    to_url,
    wayback_snapshot,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://www.reuters.com/article/x/north-korean-cybersex-dens- idUSKCN1SQ105",
            "https://www.reuters.com/article/x/north-korean-cybersex-dens-idUSKCN1SQ105",
        ),
        (
            "https://www.ohchr.org/en/NewsEvents/Pages/DisplayNews.aspx?NewsID=19921 &LangID=E",
            "https://www.ohchr.org/en/NewsEvents/Pages/DisplayNews.aspx?NewsID=19921&LangID=E",
        ),
        ("https://a.org/path/\nmore", "https://a.org/path/more"),
        ("https://www.hrw.org/news/2019/10/31/chinas-bride-trafficking-problem#", "https://www.hrw.org/news/2019/10/31/chinas-bride-trafficking-problem"),
        ("https://www.ijm.org/files/IJM\\\\_2016\\\\_Casework.pdf", "https://www.ijm.org/files/IJM_2016_Casework.pdf"),
        ("https://www.ijm.org/files/IJM\\_2016.pdf", "https://www.ijm.org/files/IJM_2016.pdf"),
        ("https://a.org/x.", "https://a.org/x"),
        ("https://a.org/x),", "https://a.org/x"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("https://a.org/My Report.pdf", "https://a.org/My%20Report.pdf"),
        ("https://a.org/q?x={1}", "https://a.org/q?x=%7B1%7D"),
        ("https://a.org/über", "https://a.org/%C3%BCber"),
        ("www.example.org/page", "http://www.example.org/page"),
    ],
)
def test_repair_url(raw, expected):
    assert repair_url(raw)[0] == expected


def test_clean_url_is_unchanged_and_reports_nothing():
    url = "https://www.state.gov/reports/2021-trafficking-in-persons-report/china/"
    assert repair_url(url) == (url, ())


def test_repair_url_says_what_changed():
    _, changes = repair_url("https://x.org/a- b#")
    assert any("broken across lines" in c for c in changes)
    assert any("'#'" in c for c in changes)
    _, changes = repair_url("https://x.org/a\\_b")
    assert changes == ("removed markdown escapes",)


def test_repair_url_is_idempotent():
    for raw in ("https://x.org/a- b#", "https://a.org/My Report {1}.pdf", "https://x.org/a\\\\_b."):
        once, _ = repair_url(raw)
        assert repair_url(once) == (once, ())


def test_wayback_url_becomes_original_with_snapshot():
    raw = "http://web.archive.org/web/20190614191603/https://www.koreafuture.org/wp-content/uploads/2019/05/KFI.pdf"
    url, changes = to_url(raw)
    assert url.url == "https://www.koreafuture.org/wp-content/uploads/2019/05/KFI.pdf"
    assert url.raw == raw
    assert url.snapshot is not None
    assert url.snapshot.url == raw
    assert url.snapshot.original == url.url
    assert url.snapshot.timestamp == "20190614191603"
    assert url.snapshot.archive == "wayback"
    assert changes == ()


def test_wayback_variants():
    snap = wayback_snapshot("https://web.archive.org/web/20200101000000id_/http://example.org/a?b=1")
    assert snap and snap.original == "http://example.org/a?b=1" and snap.timestamp == "20200101000000"
    snap = wayback_snapshot("https://web.archive.org/web/2020/example.org/a")
    assert snap and snap.original == "http://example.org/a"
    snap = wayback_snapshot("https://web.archive.org/web/20200101000000/http:/example.org/")
    assert snap and snap.original == "http://example.org/"
    assert wayback_snapshot("https://example.org/web/20200101000000/http://x.org") is None


def test_markdown_link_prefers_unescaped_target():
    text = (
        "*International Justice Mission*. [https://www.ijm.org/IJM\\\\_2016\\\\_Cybersex.pdf]"
        "(https://www.ijm.org/IJM_2016_Cybersex.pdf)"
    )
    (found,) = extract_urls(text)
    assert found.url.url == "https://www.ijm.org/IJM_2016_Cybersex.pdf"
    assert found.changes == ()
    assert text[found.start : found.end].startswith("[https://")
    assert found.end == len(text)


def test_markdown_link_with_non_url_text_and_parentheses_in_target():
    (found,) = extract_urls("See [the page](https://en.wikipedia.org/wiki/A_(b)) now.")
    assert found.url.url == "https://en.wikipedia.org/wiki/A_(b)"


def test_autolink_and_bare_urls_in_order_with_spans():
    text = "A. <https://a.org/x#> then https://b.org/y. and (https://c.org/z)."
    found = extract_urls(text)
    assert [f.url.url for f in found] == ["https://a.org/x", "https://b.org/y", "https://c.org/z"]
    assert text[found[0].start : found[0].end] == "<https://a.org/x#>"
    assert text[found[1].start : found[1].end] == "https://b.org/y"
    assert text[found[2].start : found[2].end] == "https://c.org/z"
    assert found[0].changes and not found[1].changes and not found[2].changes


def test_bare_url_rejoined_across_line_wrap_but_not_into_words():
    (found,) = extract_urls("Site. https://x.org/news/story-\nidUSK123. Accessed 3 May 2020.")
    assert found.url.url == "https://x.org/news/story-idUSK123"
    (found,) = extract_urls("Site. https://x.org/ Accessed 3 May 2020.")
    assert found.url.url == "https://x.org/"


def test_autolink_with_space_inside_is_repaired():
    (found,) = extract_urls("<https://x.org/a?NewsID=1 &LangID=E>")
    assert found.url.url == "https://x.org/a?NewsID=1&LangID=E"
    assert found.url.raw == "https://x.org/a?NewsID=1 &LangID=E"
    assert found.repaired == found.url.url


def test_found_url_repaired_is_archive_url_for_snapshots():
    (found,) = extract_urls("<https://web.archive.org/web/20190614191603/https://k.org/a.pdf>")
    assert found.repaired == "https://web.archive.org/web/20190614191603/https://k.org/a.pdf"
    assert found.url.url == "https://k.org/a.pdf"


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("Journal, 1(2), 3-4. https://doi.org/10.1080/0969229X.2019.1", "10.1080/0969229X.2019.1"),
        ("http://dx.doi.org/10.1353/sais.2006.0004.", "10.1353/sais.2006.0004"),
        ("doi:10.1000/xyz123", "10.1000/xyz123"),
        ("DOI: 10.1000/xyz123, accessed", "10.1000/xyz123"),
        ("see 10.1000/abc- def.", "10.1000/abc-def"),
        ("doi:10.1000/ abc", "10.1000/abc"),
        # a SICI DOI keeps its "<...::...>" part (it is the DOI Crossref registered)
        ("(doi:10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O)",
         "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"),
        ("https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O",
         "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"),
        ("doi:10.1000/a<b", "10.1000/a"),  # no SICI: "<" ends it
        ("doi:10.1000/a\\_b", "10.1000/a_b"),
    ],
)
def test_find_doi(text, doi):
    assert find_doi(text) == doi


def test_find_doi_none_and_location():
    assert find_doi("No identifier here, 2019, 131-141.") is None
    text = "Pages 1-2. doi:10.1000/xyz. Next"
    found = locate_doi(text)
    assert found and text[found.start : found.end] == "doi:10.1000/xyz"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("d6.0004.", "d6.0004"),
        ("sais.2006.0004", "sais.2006.0004"),
        ("doi:", "doi:"),
        ("doi: 10.1353", "doi: 10.1353"),
        ("10.1353.", "10.1353"),
        ("6.0004", "6.0004"),
    ],
)
def test_find_doi_fragment(text, fragment):
    assert find_doi_fragment(text) == fragment


@pytest.mark.parametrize("text", ["doi:10.1353/sais.2006.0004", "131-141", "Detroit, MI", "", "Vol 2.5"])
def test_no_doi_fragment(text):
    assert find_doi_fragment(text) is None


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_repair_url_is_idempotent_for_any_input(tail):
    once, _ = repair_url("https://example.org/" + tail)
    assert repair_url(once)[0] == once
    assert " " not in once


def test_mla_addresses_without_a_scheme_are_urls_of_their_own():
    from citecheck.parse.urls import schemeless_urls

    found = schemeless_urls("*The Diplomat*, 21 July 2003, thediplomat.com/resources/crime-and-the-pandemic/.")
    assert [(f.url.url, f.url.raw) for f in found] == [
        ("https://thediplomat.com/resources/crime-and-the-pandemic/", "thediplomat.com/resources/crime-and-the-pandemic/")]
    for text in ("and/or, e.g./i.e., U.S./Mexico", "write to user@mail.com/x", "https://a.org/b", "pp. 3.5/10"):
        assert schemeless_urls(text) == ()


def test_an_mla_entry_keeps_its_address_as_written_and_proposes_no_repair():
    from citecheck.model import CleanText, Kind
    from citecheck.parse.references import parse_reference_list

    (ref,) = parse_reference_list(CleanText.identity("refs.md", "Cohen, Rachel. “Ending Violence Against Children.” "
                                                     "*Medium*, 9 Aug. 2003, medium.com/2003/01/12/ending-violence."))
    assert [(u.url, u.raw) for u in ref.urls] == [("https://medium.com/2003/01/12/ending-violence",
                                                   "medium.com/2003/01/12/ending-violence")]
    assert not [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]


def test_a_scheme_cut_off_from_its_host_by_a_pdf_wrap_is_joined():
    (found,) = extract_urls("Workbook. < http:// www.resalliance.org/ index.php/ >")
    assert found.url.url == "http://www.resalliance.org/index.php/"
    assert extract_urls("a bare http:// with nothing after") == ()


def test_a_line_broken_after_the_schemes_colon_keeps_https():
    # LaTeX's url package breaks "https://..." after the colon; the lines rejoined leave "https: //"
    (found,) = extract_urls("Global report. https: //www.who.int/publications/i/item/ 9789240051164-report, 2020.")
    assert found.url.url == "https://www.who.int/publications/i/item/9789240051164-report"  # not http://www...
    assert extract_urls("Note: see it at this https: page") == ()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("text", ["[" * 30_000 + "]" * 30_000, "[" * 60_000, "[a](" * 20_000])
def test_an_entry_of_many_brackets_is_read_in_linear_time(text):
    """Each "[" was matched by a scan of its own: a file of nested brackets (a JSON file of lists given on
    standard input, read as text) took minutes on one entry."""
    assert [f.url.url for f in extract_urls(text + " [site](https://e.org/a_(b)) and x")] == ["https://e.org/a_(b)"]


def test_markdown_links_with_nested_and_escaped_brackets_are_still_found():
    found = extract_urls("[a [b] c](https://e.org/x_(y)) then \\[d](https://f.org/z) and [e](https://g.org)")
    assert [f.url.url for f in found] == ["https://e.org/x_(y)", "https://f.org/z", "https://g.org"]
