"""BibLaTeX output: round trip through our parser, idempotence, escaping, biber validation."""
from __future__ import annotations

import logging

import os
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from citecheck.emit.bibtex import BIBLATEX_TYPES, to_bibtex
from citecheck.emit.latex import escape_url
from citecheck.model import ArchiveSnapshot, EntryType, Name, Reference, Span, Url
from citecheck.parse.bibtex import parse_bibtex

SPAN = Span("refs.md", 1, 1, 0, 0)
WAYBACK = "https://web.archive.org/web/20190614191603/https://www.hrw.org/report/2019/north_korea"


def ref(**fields) -> Reference:
    return Reference(raw="", span=SPAN, **fields)


VARIED = (
    ref(type=EntryType.ARTICLE, key="zauggNorth2019",
        authors=(Name(family="Zaugg", given="Julie"), Name(family="Beethoven", given="Ludwig", particle="van"),
                 Name(family="King", given="Martin Luther", suffix="Jr")),
        title="North Korean defectors and the NGO sector: COVID-19 in the DPRK", container="Journal of Asian Studies",
        year=2019, volume="78", issue="3", pages="131-141", doi="10.1017/S0021911819000123",
        urls=(Url(url="https://example.org/a_b%20c?x=1&y=2#sec_2"),), accessed="2020-01-02"),
    ref(type=EntryType.REPORT, key="unodcGlobal2018",
        authors=(Name(literal="United Nations Office on Drugs and Crime"),),
        title="Global Report on Trafficking in Persons 2018", publisher="United Nations", place="Vienna",
        year=2018, urls=(Url(url="https://www.unodc.org/documents/glotip_2018_BOOK_web_small.pdf"),)),
    ref(type=EntryType.WEBPAGE, key="hrwNorth2019",
        authors=(Name(literal="Human Rights Watch"),), title="North Korea: Events of 2018", container="Human Rights Watch",
        year=2019, urls=(Url(url="https://www.hrw.org/report/2019/north_korea",
                             snapshot=ArchiveSnapshot(url=WAYBACK, original="https://www.hrw.org/report/2019/north_korea",
                                                      timestamp="20190614191603")),),
        accessed="2019-06-14"),
    ref(type=EntryType.BOOK, key="haerensHuman2012",
        authors=(Name(family="Haerens", given="Margaret"), Name(family="Müller-Łukasiewicz", given="Zoë Ångström")),
        editors=(Name(family="Zwicky", given="Anna"),),
        title="Human Trafficking — a 50% solution? Ça & “quotes” über alles", publisher="Greenhaven Press",
        place="Detroit", edition="2", year=2012, isbn="978-0-7377-5721-7", pages="xii-345"),
    ref(type=EntryType.CHAPTER, key="yoonSex2019a",
        authors=(Name(family="Yoon", given="Hee-Soon"),), editors=(Name(family="Lee", given="Ji-Yeon"),),
        title="Sex work in Seoul", container="Gender in Korea", publisher="Routledge", place="London",
        year=2019, pages="45–67"),
    ref(type=EntryType.NEWS, key="boeCyber2017", authors=(Name(literal="HP Boe"),),
        title="Cybersex trafficking", container="The Guardian", year=2017,
        urls=(Url(url="https://www.theguardian.com/world/2017/cyber{sex}_trafficking"),)),
    ref(type=EntryType.MAGAZINE, key="okaforWhat2020", authors=(Name(family="Okafor", given="Chidi"),),
        title="What is IPR?", container="The Economist", year=2020, volume="12", pages="5"),
    ref(type=EntryType.THESIS, key="smithTrade2015", authors=(Name(family="Smith", given="Ann"),),
        title="Trade in persons", publisher="University of Oxford", place="Oxford", year=2015),
    ref(type=EntryType.CONFERENCE, key="liuModels2021", authors=(Name(family="Liu", given="Wei"),),
        title="Models of harm", container="Proceedings of the ACM Web Conference", publisher="ACM",
        year=2021, pages="1-9", doi="10.1145/3442381.3450001"),
    ref(type=EntryType.DOCUMENT, key="unicefChildren2016", authors=(Name(literal="UNICEF"),),
        title="Children on the move", container="Fact sheet", publisher="UNICEF", year=2016,
        note="Updated yearly; see annex #2"),
)
NO_DATE = ref(type=EntryType.WEBPAGE, key="antislaveryWhat", authors=(Name(literal="Anti-Slavery International"),),
              title="What is modern slavery?", no_date=True, urls=(Url(url="https://www.antislavery.org/slavery-today/"),))
HOSTILE_TITLES = (
    r"$\input{/etc/passwd}$",
    r"\write18{rm -rf /}",
    r"\immediate\openout5=x.tex",
    "^^5cinput{/etc/shadow}",
    "}{ unbalanced {{ braces }",
    "100% of #hashtags cost $5 & a_b ~ x^2 <tag>|pipe",
    "trailing backslash \\",
    "@article{inner, title={x}}",
)
COMPARED = ("type", "key", "authors", "editors", "year", "no_date", "title", "container", "publisher", "place",
            "volume", "issue", "pages", "edition", "doi", "isbn", "accessed", "note")


def fields(r: Reference) -> dict:
    out = {name: getattr(r, name) for name in COMPARED}
    out["pages"] = r.pages.replace("\u2013", "-")  # ranges are read back with a hyphen-minus
    out["authors"] = tuple(replace(n, raw="") for n in r.authors)
    out["editors"] = tuple(replace(n, raw="") for n in r.editors)
    out["urls"] = tuple((escape_url(u.url), u.snapshot and (u.snapshot.url, u.snapshot.timestamp, u.snapshot.archive)) for u in r.urls)
    return out


def round_trip(refs):
    text = to_bibtex(refs)
    back, problems = parse_bibtex(text, "out.bib")
    assert problems == ()
    return text, back


@pytest.mark.parametrize("original", VARIED + (NO_DATE,), ids=lambda r: r.key)
def test_round_trip_keeps_every_field(original):
    _, back = round_trip([original])
    assert len(back) == 1
    assert fields(back[0]) == fields(original)


def test_round_trip_of_the_whole_set_keeps_order_and_keys():
    _, back = round_trip(VARIED)
    assert [r.key for r in back] == [r.key for r in VARIED]


def test_emit_parse_emit_is_idempotent():
    text = to_bibtex(VARIED + (NO_DATE,))
    back, _ = parse_bibtex(text, "out.bib")
    assert to_bibtex(back) == text


def test_output_is_stable_and_formatted():
    text = to_bibtex(VARIED)
    assert text == to_bibtex(VARIED)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.count("\n\n@") == len(VARIED) - 1
    assert "\n\n\n" not in text
    assert to_bibtex([]) == ""


def test_entry_types_and_fields_map_to_biblatex():
    text = to_bibtex(VARIED)
    heads = re.findall(r"^@(\w+)\{(\w+),", text, re.MULTILINE)
    assert heads == [("article", "zauggNorth2019"), ("report", "unodcGlobal2018"), ("online", "hrwNorth2019"),
                     ("book", "haerensHuman2012"), ("incollection", "yoonSex2019a"), ("article", "boeCyber2017"),
                     ("article", "okaforWhat2020"), ("thesis", "smithTrade2015"), ("inproceedings", "liuModels2021"),
                     ("misc", "unicefChildren2016")]
    assert "  author = {{United Nations Office on Drugs and Crime}},\n" in text
    assert "  author = {Zaugg, Julie and van Beethoven, Ludwig and King, Jr, Martin Luther},\n" in text
    assert "  pages = {131--141},\n" in text and "  pages = {45--67},\n" in text
    assert "  entrysubtype = {newspaper},\n" in text and "  entrysubtype = {magazine},\n" in text
    assert "  institution = {{United Nations}},\n" in text and "  type = {Report},\n" in text
    assert "  title = {North {Korean} defectors and the {NGO} sector: {COVID-19} in the {DPRK}},\n" in text  # a name
    assert "  urldate = {2020-01-02},\n" in text and "  date = {2019},\n" in text


def test_archived_copy_is_an_eprint_and_url_stays_original():
    text = to_bibtex([VARIED[2]])
    assert "  url = {https://www.hrw.org/report/2019/north_korea},\n" in text
    assert "  eprinttype = {Wayback Machine},\n" in text
    assert f"  eprint = {{{WAYBACK}}},\n" in text


def test_no_date_is_an_unspecified_year():
    text = to_bibtex([NO_DATE])
    assert "  date = {XXXX},\n" in text and "year" not in text
    assert parse_bibtex(text, "x.bib")[0][0].no_date


@pytest.mark.parametrize("incomplete, missing", [
    (replace(VARIED[1], authors=()), "author"),                     # report without author
    (replace(VARIED[1], publisher=""), "institution"),              # report without institution
    (replace(VARIED[5], authors=()), "author"),                     # news article without author
    (replace(VARIED[0], container=""), "journaltitle"),             # article without journal
    (replace(NO_DATE, urls=()), "url or doi or eprint"),            # web page without URL
], ids=["report-no-author", "report-no-institution", "news-no-author", "article-no-journal", "online-no-url"])
def test_entries_missing_a_mandatory_field_keep_their_type_with_a_warning(incomplete, missing, caplog):
    text = to_bibtex([incomplete])
    bibtype = text[1:text.index("{")]
    assert bibtype == BIBLATEX_TYPES[incomplete.type] and "entrysubtype = {" + incomplete.type.value not in text
    place = f"{incomplete.span.file}:{incomplete.span.line}"  # the file and line, then the key (session 12)
    assert f"{place}: {incomplete.key}: @{bibtype} lacks {missing}" in caplog.text
    back, _ = parse_bibtex(text, "x.bib")
    assert back[0].type is incomplete.type
    assert (back[0].title, back[0].authors, back[0].container, back[0].publisher) == (
        incomplete.title, tuple(replace(n, raw=a.raw) for n, a in zip(incomplete.authors, back[0].authors)),
        incomplete.container, incomplete.publisher)
    assert to_bibtex(back) == text


def test_a_chapter_without_editor_and_a_crossref_child_are_complete(caplog):
    chapter = replace(VARIED[4], editors=())
    child = replace(VARIED[4], key="child", editors=(), container="", extra=(("crossref", "parent"),))
    text = to_bibtex([chapter, child])
    assert text.count("@incollection{") == 2 and "lacks" not in caplog.text


def test_an_edited_book_is_a_collection_and_a_book_for_bibtex():
    book = replace(VARIED[3], key="", authors=(), editors=(Name(family="Doe", given="Jane"),))
    text = to_bibtex([book])
    assert text.startswith("@collection{doe") and "  editor = {Doe, Jane},\n" in text  # its key from the editor
    assert to_bibtex([book], dialect="bibtex").startswith("@book{doe")
    assert parse_bibtex(text, "x.bib")[0][0].type is EntryType.BOOK


def test_an_article_published_without_a_journal_has_its_publisher_as_journal():
    news = replace(VARIED[5], container="", publisher="Fox News")
    assert "  journaltitle = {Fox News},\n" in to_bibtex([news])


def test_missing_keys_are_generated_and_clashing_keys_made_unique():
    a = replace(VARIED[0], key="")
    text = to_bibtex([a, a, replace(VARIED[1], key="same"), replace(VARIED[2], key="same")])
    assert re.findall(r"^@\w+\{([^,]+),", text, re.MULTILINE) == ["zauggNorth2019a", "zauggNorth2019b", "same", "same-2"]


def test_extra_fields_follow_the_known_ones_in_order():
    r = replace(VARIED[0], extra=(("keywords", "trafficking, Korea"), ("abstract", "A 50% study"), ("date", "2019-05-03")))
    text = to_bibtex([r])
    body = text.splitlines()
    assert body[-4:] == ["  keywords = {trafficking, Korea},", "  abstract = {A 50\\% study},", "  date = {2019-05-03},", "}"]
    assert "  date = {2019},\n" not in text
    back, _ = parse_bibtex(text, "x.bib")
    assert back[0].year == 2019 and dict(back[0].extra)["date"] == "2019-05-03"
    assert to_bibtex(back) == text


def test_fields_a_type_does_not_accept_are_kept(caplog):
    """An article's publisher (MathSciNet's, Zotero's, Google Scholar's) was left out with a warning while a
    .bib's own unknown fields were kept: it is the user's data, which biblatex ignores for the type (biblatex
    issue 837), so it is kept too, as is any field the type lacks, and read back (session 12, structured2)."""
    article = replace(VARIED[0], publisher="Cambridge University Press", place="Cambridge", isbn="978-0-7377-5721-7")
    with caplog.at_level(logging.WARNING):
        text = to_bibtex([article])
        classic = to_bibtex([article], dialect="bibtex")
    assert "publisher = {{Cambridge University Press}}" in text and "location = {{Cambridge}}" in text
    assert "isbn = {978-0-7377-5721-7}" in text and "address = {{Cambridge}}" in classic
    assert "left out" not in caplog.text
    for written in (text, classic):
        (back,), _ = parse_bibtex(written, "x.bib")
        assert (back.publisher, back.place, back.isbn) == (article.publisher, article.place, article.isbn)


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_titles_come_out_inert_and_read_back_exactly(title):
    r = replace(VARIED[7], title=title, note=title, authors=(Name(family=title, given=title),))
    text = to_bibtex([r])
    assert not re.search(r"\\(input|include|write|openout|immediate|catcode|def|csname)\b", text)
    assert "^^" not in text
    assert len(re.findall(r"^\s*@", text, re.MULTILINE)) == 1
    back, problems = parse_bibtex(text, "x.bib")
    assert problems == () and len(back) == 1
    assert back[0].title == title and back[0].note == title
    assert (back[0].authors[0].family, back[0].authors[0].given) == (title.strip(), title.strip())


def test_every_entry_has_balanced_braces():
    r = replace(VARIED[7], title="}{ }}} {{{", container="a}b", note="\\}")
    for line in to_bibtex([r]).splitlines()[1:-1]:
        value = line.split(" = ", 1)[1].rstrip(",")
        depth = 0
        for ch in value:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            assert depth >= 0, line
        assert depth == 0, line


@pytest.mark.parametrize("url", [
    "https://example.org/a b/{c}\\d",
    "https://example.org/%7Euser/a_b?q=1&r=x%20y#frag",
    "https://example.org/100%/ü",
])
def test_url_fields_are_percent_encoded_never_latex(url):
    r = replace(VARIED[5], urls=(Url(url=url),), doi="10.1002/(SICI)1097-4571<693::AID>3.0.CO;2-O")
    text = to_bibtex([r])
    url_line = next(line for line in text.splitlines() if line.startswith("  url = "))
    doi_line = next(line for line in text.splitlines() if line.startswith("  doi = "))
    for line in (url_line, doi_line):
        value = line[len("  url = {"):-2] if line.startswith("  url") else line[len("  doi = {"):-2]
        assert "\\" not in value and "{" not in value and "}" not in value and " " not in value
        assert re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", value), value
    assert url_line == f"  url = {{{escape_url(url)}}},"
    back, _ = parse_bibtex(text, "x.bib")
    assert back[0].urls[0].url == escape_url(url)
    assert back[0].doi == "10.1002/(SICI)1097-4571<693::AID>3.0.CO;2-O"


def _biber():
    biber = shutil.which("biber")
    if biber is None:
        if os.environ.get("CI"):
            pytest.fail("biber is not installed; .ci/run installs the Debian package biber")
        pytest.skip("biber not installed (Debian package biber)")
    return biber


def _validate(tmp_path, text):
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [_biber(), "--tool", "--validate-datamodel", f"--output-file={tmp_path / 'out.bib'}", "refs.bib"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    return proc, (proc.stdout + proc.stderr).splitlines()


@pytest.mark.biber
def test_biber_validates_every_type_without_errors_or_warnings(tmp_path):
    hostile = replace(VARIED[9], key="hostile", title=HOSTILE_TITLES[0] + " " + HOSTILE_TITLES[4],
                      urls=(Url(url="https://example.org/a b/{c}\\d%zz#x"),))
    proc, lines = _validate(tmp_path, to_bibtex(VARIED + (hostile,)))
    assert proc.returncode == 0, lines
    assert any("Datamodel validation complete" in line for line in lines), lines
    assert not [line for line in lines if line.startswith(("ERROR", "WARN"))]
    assert (tmp_path / "out.bib").read_text(encoding="utf-8").count("@") == len(VARIED) + 1


@pytest.mark.biber
def test_biber_accepts_undated_incomplete_and_extra_laden_entries(tmp_path):
    refs = (
        NO_DATE,
        replace(VARIED[1], key="noAuthor", authors=(), no_date=True, year=None),
        replace(VARIED[5], key="noJournal", authors=(), container=""),
        replace(VARIED[0], key="extras", extra=(("keywords", "a, b"), ("doi_fragment", "d6.0004"), ("label", "Z19"))),
    )
    text = to_bibtex(refs)
    assert "doi_fragment" not in text and "  label = {Z19},\n" in text
    proc, lines = _validate(tmp_path, text)
    assert proc.returncode == 0, lines
    # the incomplete entries keep their type: biber names what they lack (as citecheck's warning does), nothing else
    assert not [line for line in lines if line.startswith("ERROR")]
    warnings = [line for line in lines if line.startswith("WARN")]
    assert warnings and all(re.match(r"WARN - Datamodel: Entry '(noAuthor|noJournal)' .*Missing mandatory field", line)
                            for line in warnings), warnings


@pytest.mark.biber
def test_biber_reports_a_broken_file(tmp_path):
    """The harness itself can fail: biber exits non-zero with an ERROR line on bad input."""
    proc, lines = _validate(tmp_path, "@article{x, title = {unclosed\n")
    assert proc.returncode != 0
    assert any(line.startswith("ERROR") for line in lines)


def test_a_list_cut_short_round_trips_as_and_others():
    from citecheck.model import Name, Reference, Span
    from citecheck.emit.bibtex import to_bibtex
    from citecheck.parse.bibtex import parse_bibtex

    ref = Reference(raw="", span=Span("f", 1, 1, 0, 0), key="brown2016", title="T", year=2016,
                    authors=(Name(family="Brown", given="A."), Name(literal="others")))
    text = to_bibtex([ref])
    assert "author = {Brown, A. and others}" in text
    back, problems = parse_bibtex(text, "x.bib")
    assert not problems and back[0].authors[-1].literal == "others"


def test_a_users_own_field_survives_conversion_and_citechecks_notes_do_not_leak():
    from citecheck.parse.bibtex import parse_bibtex

    text = ("@article{smith2019, author = {Smith, John}, title = {Sleep}, journaltitle = {J. Sleep}, date = {2019},"
            " customfield = {kept}, x-status = {read}}\n")
    refs, _ = parse_bibtex(text, "in.bib")
    refs = (replace(refs[0], extra=refs[0].extra + (("doi_fragment", "d6.0004"), ("csl:number-of-pages", "300"))),)
    for dialect in ("biblatex", "bibtex"):
        out = to_bibtex(refs, dialect=dialect)
        assert "  customfield = {kept},\n" in out and "  x-status = {read},\n" in out
        assert "doi_fragment" not in out  # citecheck's own note; a CSL variable with no field is the user's:
        assert "  csl-number-of-pages = {300},\n" in out  # kept as a field of its own (session 12)
        back, problems = parse_bibtex(out, "out.bib")
        assert not problems and dict(back[0].extra)["customfield"] == "kept"


def test_an_access_date_in_a_locales_slashed_order_is_read_when_only_one_order_is_a_date():
    """Citavi writes ``urldate`` in the computer's locale, ``5/23/2021`` or ``23/5/2021``: it was left out of
    BibLaTeX ("not a date biber reads"); "3/5/2021" is March or May and still is, with the warning."""
    from citecheck.emit.bibtex import iso_date

    assert iso_date("5/23/2021") == iso_date("23/5/2021") == "2021-05-23"
    assert iso_date("7/7/2021") == "2021-07-07" and iso_date("3/5/2021") == "" and iso_date("31/2/2021") == ""
