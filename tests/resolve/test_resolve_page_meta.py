"""Page metadata: every form publishers use, pure (no network); the files are the ones the page server serves."""
from __future__ import annotations

import pytest

from citecheck.resolve.page_meta import AuthorForm, extract_page_metadata

CNN = "https://www.cnn.com/2019/06/09/asia/north-korea-defectors-intl-hnk/index.html"


@pytest.fixture
def page(fixture_text):
    return lambda name, url="https://example.org/a": extract_page_metadata(fixture_text(f"pages/{name}"), url)


def forms(metadata):
    return [(a.name, a.form) for a in metadata.authors]


def test_cnn_meta_author_json_ld_person_and_byline_without_the_outlet(page):
    meta = page("cnn.html", CNN)
    assert forms(meta) == [
        ("Julie Zaugg", AuthorForm.META_AUTHOR),
        ("Julie Zaugg", AuthorForm.JSONLD_PERSON),
        ("Julie Zaugg", AuthorForm.BYLINE),
    ]
    assert meta.authors[0].tag == '<meta name="author">'
    assert meta.title == "These North Korean defectors were sold into China as cybersex slaves. Then they escaped"
    assert meta.source_of("title") == '<meta property="og:title">'
    assert (meta.date, meta.year, meta.site_name) == ("2019-06-10T01:31:05Z", 2019, "CNN")
    assert meta.notes == ()


def test_article_author_urls_are_not_names(page):
    assert all(a.form is not AuthorForm.OPEN_GRAPH for a in page("cnn.html", CNN).authors)


def test_highwire_citation_tags_one_per_author(page):
    meta = page("highwire.html", "https://muse.jhu.edu/article/195935")
    assert forms(meta) == [("Davis, Kathleen", AuthorForm.CITATION), ("Roe, Jane", AuthorForm.CITATION)]
    assert meta.title.startswith("Brides, Bruises and the Border: The Trafficking")
    assert meta.source_of("title") == '<meta name="citation_title">'
    assert (meta.date, meta.year) == ("2006/01/01", 2006)
    assert meta.site_name == "SAIS Review of International Affairs"


def test_dublin_core_in_any_case(page):
    meta = page("dublin_core.html", "https://www.unodc.org/report.html")
    assert forms(meta) == [("Kangaspunta, Kristiina", AuthorForm.DUBLIN_CORE), ("Chen Shasha", AuthorForm.DUBLIN_CORE)]
    assert meta.authors[0].tag == '<meta name="DC.Creator">'
    assert (meta.title, meta.date) == ("Global Report on Trafficking in Persons 2020", "2021-02-02")
    assert meta.site_name == "United Nations Office on Drugs and Crime"


def test_open_graph_author_and_a_byline_listing_two_people_and_the_outlet(page):
    meta = page("opengraph.html", "https://www.foxnews.com/us/human-trafficking-in-america")
    assert forms(meta) == [
        ("Perry Chiaramonte", AuthorForm.OPEN_GRAPH),
        ("Perry Chiaramonte", AuthorForm.BYLINE),
        ("Andrew Keiper", AuthorForm.BYLINE),
    ]
    assert meta.site_name == "Fox News"


def test_json_ld_graph_with_id_references_and_split_names(page):
    meta = page("jsonld_graph.html", "https://thediplomat.com/brides/")
    assert forms(meta) == [("Heather Barr", AuthorForm.JSONLD_PERSON), ("Emma Batha", AuthorForm.JSONLD_PERSON)]
    assert meta.authors[0].tag == "JSON-LD Article.author (Person)"  # @type ["Article", "NewsArticle"]
    assert (meta.title, meta.date, meta.site_name) == ("Why North Korean brides run", "2020-03-01T08:00:00+00:00", "The Diplomat")


def test_malformed_json_ld_is_skipped_and_noted_the_rest_still_read(page):
    meta = page("jsonld_malformed.html", "https://www.ijm.org/cybersex")
    assert forms(meta) == [
        ("Sam Enos", AuthorForm.JSONLD_TEXT),
        ("Mina Kim", AuthorForm.JSONLD_TEXT),
        ("International Justice Mission", AuthorForm.JSONLD_ORGANIZATION),
    ]
    assert len(meta.notes) == 1 and "JSON-LD block 1 is malformed" in meta.notes[0]
    assert meta.title == "Cybersex trafficking" and meta.date == "2016-05-02"


def test_conflicting_author_tags_are_all_kept_with_their_sources(page):
    meta = page("conflicting.html")
    assert [(a.name, a.tag) for a in meta.authors] == [
        ("Julie Zuagg", '<meta name="author">'),
        ("Zaugg, Julie", '<meta name="citation_author">'),
        ("Julie Zaugg", "JSON-LD NewsArticle.author (Person)"),
        ("Julie Zuagg", "visible byline"),
    ]  # "Example News Staff" is not a person


@pytest.mark.parametrize("title, expected", [
    ("Brides and borders | Reuters", "Brides and borders"),
    ("Brides and borders - CNN", "Brides and borders"),
    ("CNN - Brides and borders", "Brides and borders"),
    ("Brides and borders: a report - The Economist", "Brides and borders: a report"),
])
def test_title_minus_the_site_suffix(title, expected):
    url = "https://www.cnn.com/x" if "CNN" in title else "https://www.reuters.com/x"
    html = f"<html><head><title>{title}</title></head></html>"
    meta = extract_page_metadata(html, url)
    assert meta.title == expected
    assert meta.source_of("title") == "<title> minus the site suffix"


def test_a_page_without_metadata_and_broken_markup_yield_nothing_not_errors(page):
    assert page("no_metadata.html").authors == ()
    broken = extract_page_metadata("<html><head><meta name='author' content='A Person'><div class='byline'>By <b>Ann Lee", "u")
    assert [a.name for a in broken.authors] == ["A Person", "Ann Lee"]
    assert extract_page_metadata("", "u") == extract_page_metadata("", "u")
    assert extract_page_metadata("\x00<<<>>>", "u").authors == ()


@pytest.mark.parametrize("content, names", [
    ("Zaugg, Julie, CNN", ["Zaugg, Julie"]),
    ("Julie Zaugg and Jane Roe, CNN", ["Julie Zaugg", "Jane Roe"]),
    ("By Julie Zaugg | CNN", ["Julie Zaugg"]),
])
def test_meta_author_forms_lose_the_outlet_but_keep_inverted_names(content, names):
    meta = extract_page_metadata(f'<meta name="author" content="{content}">', "https://www.cnn.com/x")
    assert [a.name for a in meta.authors] == names


def test_a_headline_with_digits_is_kept_and_the_site_suffix_dropped():
    from citecheck.resolve.page_meta import extract_page_metadata

    html = "<html><head><title>Climate change: US pledges to halve emissions by 2030 - BBC News</title></head></html>"
    assert extract_page_metadata(html, "https://www.bbc.co.uk/news/x").title == \
        "Climate change: US pledges to halve emissions by 2030"
