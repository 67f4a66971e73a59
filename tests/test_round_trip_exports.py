"""Bibliographies as reference managers and databases export them (Zotero, Mendeley, JabRef, EndNote,
PubMed, Web of Science, Scopus, Crossref): read, converted and read back without losing a field
silently (new-user round 9, exports)."""
from __future__ import annotations

import json
import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.model import EntryType
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

# DOI content negotiation answered with Crossref's own type name and its bookkeeping keys
CROSSREF = """{"indexed": {"date-parts": [[2024, 2, 20]]}, "reference-count": 45, "publisher": "Springer",
 "issue": "7553", "published-print": {"date-parts": [[2015, 5, 28]]}, "DOI": "10.1038/nature14539",
 "type": "journal-article", "page": "436-444", "title": "Deep learning", "volume": "521",
 "author": [{"given": "Yann", "family": "LeCun", "sequence": "first", "affiliation": []}],
 "container-title": "Nature", "issued": {"date-parts": [[2015, 5, 27]]}, "ISSN": ["0028-0836", "1476-4687"],
 "subject": ["Multidisciplinary"]}"""


def test_crossref_type_names_are_the_csl_types_they_are(caplog):
    (ref,), _ = parse_csl_json(CROSSREF, "doi.json")
    assert ref.type is EntryType.ARTICLE  # was a generic document: @misc, its volume and pages left out
    with caplog.at_level(logging.WARNING):
        bib = to_bibtex([ref])
    assert bib.startswith("@article{") and "volume = {521}" in bib and "pages = {436--444}" in bib
    assert "number = {7553}" in bib and "volume" not in caplog.text
    assert json.loads(to_csl_json([ref]))[0]["type"] == "article-journal"


def test_every_issn_survives_ris_and_csl_json():
    (ref,), _ = parse_csl_json(CROSSREF, "doi.json")
    (again,), _ = parse_ris(to_ris([ref]), "out.ris")
    assert dict(again.extra)["issn"] == "0028-0836, 1476-4687" and not again.isbn  # once: an ISBN "0028-0836, ..."
    pubmed = "TY  - JOUR\nTI  - T\nPY  - 2019\nSN  - 1533-4406\nSN  - 0028-4793\nER  - \n"
    (ref,), _ = parse_ris(pubmed, "pubmed.ris")
    (again,), _ = parse_csl_json(to_csl_json([ref]), "out.json")
    assert [line for line in to_ris([again]).splitlines() if line.startswith("SN")] == ["SN  - 1533-4406", "SN  - 0028-4793"]


def test_scopus_labelled_issn_is_an_issn():
    scopus = "TY  - JOUR\nTI  - T\nT2  - Geoderma\nPY  - 2019\nSN  - 00167061 (ISSN)\nER  - \n"
    (ref,), _ = parse_ris(scopus, "scopus.ris")
    assert dict(ref.extra)["issn"] == "00167061" and not ref.isbn  # was an ISBN "00167061 (ISSN)", left out of @article


def test_repeated_ris_tags_survive_csl_json():
    pubmed = ("TY  - JOUR\nTI  - T\nPY  - 2019\nAD  - Dept. of Medicine, Somewhere.\nAD  - Institute of Elsewhere.\n"
              "ER  - \n")
    (ref,), _ = parse_ris(pubmed, "pubmed.ris")
    item = json.loads(to_csl_json([ref]))[0]
    assert item["custom"]["ris:AD"] == ["Dept. of Medicine, Somewhere.", "Institute of Elsewhere."]
    (again,), _ = parse_csl_json(json.dumps([item]), "out.json")
    assert [line for line in to_ris([again]).splitlines() if line.startswith("AD")] == [
        "AD  - Dept. of Medicine, Somewhere.", "AD  - Institute of Elsewhere."]


def test_csl_json_names_the_urls_it_leaves_out(caplog):
    (ref,), _ = parse_ris("TY  - ELEC\nTI  - T\nPY  - 2020\nUR  - https://a.example/x\nUR  - https://b.example/y\n"
                          "ER  - \n", "in.ris")
    with caplog.at_level(logging.WARNING):
        to_csl_json([ref])
    assert "CSL-JSON holds one URL per item; https://b.example/y left out" in caplog.text


def test_mendeley_urls_in_one_field_are_several_urls():
    mendeley = (r"@article{Smith2015, author = {Smith, John}, title = {T}, journal = {Cell}, year = {2015}, "
                r"url = {http://www.cell.com/article/S0092-8674(15)00001-1/abstract{\_}v2 http://dx.doi.org/10.1016/j.cell}}")
    (ref,), findings = parse_bibtex(mendeley, "mendeley.bib")
    assert [u.url for u in ref.urls] == ["http://www.cell.com/article/S0092-8674(15)00001-1/abstract_v2",
                                         "http://dx.doi.org/10.1016/j.cell"]  # was one URL with "%20" inside
    assert not findings
    assert "UR  - http://dx.doi.org/10.1016/j.cell" in to_ris([ref]).splitlines()


def test_a_logo_in_a_title_is_its_text_in_ris():
    jabref = r"@Book{Lamport1994, author = {Lamport, Leslie}, title = {\LaTeX: A Document Preparation System}, year = {1994}}"
    (ref,), _ = parse_bibtex(jabref, "jabref.bib")
    text = to_ris([ref])
    assert "TI  - LaTeX: A Document Preparation System" in text.splitlines()  # was "\LaTeX", read back as \textbackslash
    assert r"title = {\LaTeX: A Document Preparation System}" in to_bibtex([ref])  # the .bib keeps its logo


def test_a_dropping_particle_survives_every_format():
    csl = json.dumps([{"id": "b", "type": "book", "title": "T", "issued": {"date-parts": [[1850]]},
                       "author": [{"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
                                  {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}]}])
    (ref,), _ = parse_csl_json(csl, "in.json")
    assert "author = {Beethoven, Ludwig van and van Gogh, Vincent}" in to_bibtex([ref])
    assert "AU  - Beethoven, Ludwig van" in to_ris([ref]).splitlines()  # as Zotero's RIS export writes it
    for write, read in ((to_bibtex, parse_bibtex), (to_ris, parse_ris), (to_csl_json, parse_csl_json)):
        (again,), _ = read(write([ref]), "out")
        authors = json.loads(to_csl_json([again]))[0]["author"]
        assert authors == [{"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
                           {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}]


def test_every_attached_file_is_one_l1_and_comes_back():
    """Zotero's RIS export writes one L1 per attachment; Better BibTeX's ``file`` joins them with ";"."""
    bbt = (r"@article{a, author = {Doe, Jane}, title = {T}, journaltitle = {J}, date = {2019}, "
           r"file = {/home/u/Zotero/storage/AB/a.pdf;/home/u/Zotero/storage/CD/Snapshot.html}}")
    (ref,), _ = parse_bibtex(bbt, "bbt.bib")
    text = to_ris([ref])
    assert [line for line in text.splitlines() if line.startswith("L1")] == [
        "L1  - /home/u/Zotero/storage/AB/a.pdf", "L1  - /home/u/Zotero/storage/CD/Snapshot.html"]
    (again,), _ = parse_ris(text, "out.ris")  # the second L1 was dropped (an info line only)
    assert "file = {/home/u/Zotero/storage/AB/a.pdf;/home/u/Zotero/storage/CD/Snapshot.html}" in to_bibtex([again])


def test_a_web_of_science_note_keeps_its_lines():
    wos = ("TY  - JOUR\r\nTI  - T\r\nPY  - 2017\r\nN1  - Times Cited in Web of Science Core Collection:  1500\r\n"
           "Total Times Cited:  1550\r\nCited Reference Count:  210\r\nER  -   \r\n")
    (ref,), _ = parse_ris(wos, "wos.ris")
    assert [" ".join(line.split()) for line in ref.note.split("\n")] == [
        "Times Cited in Web of Science Core Collection: 1500", "Total Times Cited: 1550", "Cited Reference Count: 210"]
    assert to_ris([ref]).count("\nN1  - ") == 3


def test_scopus_keywords_on_one_line_are_several():
    (ref,), _ = parse_ris("TY  - JOUR\nTI  - T\nPY  - 2019\nKW  - Carbon; Soil; Climate\nER  - \n", "scopus.ris")
    assert dict(ref.extra)["keywords"] == "Carbon, Soil, Climate"
    assert "keywords = {Carbon, Soil, Climate}" in to_bibtex([ref])


def test_zoteros_place_written_twice_is_one_place(caplog):
    """Zotero's CSL export gives an item's place as publisher-place and event-place: a book got a venue
    biber refuses on @book."""
    zotero = json.dumps([{"id": "b", "type": "book", "title": "T", "author": [{"family": "Doe", "given": "J"}],
                          "issued": {"date-parts": [[2001]]}, "publisher": "P", "publisher-place": "London",
                          "event-place": "London"}])
    (ref,), _ = parse_csl_json(zotero, "zotero.json")
    bib = to_bibtex([ref])
    assert "venue" not in bib and "location = {{London}}" in bib
    paper = json.dumps([{"id": "c", "type": "paper-conference", "title": "T", "container-title": "Proc.",
                         "issued": {"date-parts": [[2001]]}, "publisher-place": "Vienna", "event-place": "Vienna"}])
    (ref,), _ = parse_csl_json(paper, "zotero.json")
    assert json.loads(to_csl_json([ref]))[0]["event-place"] == "Vienna"  # a conference's own venue stays


def test_a_company_with_a_comma_stays_an_organisation_through_ris():
    csl = json.dumps([{"id": "c", "type": "report", "title": "T", "issued": {"date-parts": [[2020]]},
                       "author": [{"literal": "Smith & Sons, Ltd."}, {"literal": "Pfizer, Inc."}]}])
    (ref,), _ = parse_csl_json(csl, "in.json")
    (again,), _ = parse_ris(to_ris([ref]), "out.ris")
    assert [n.literal for n in again.authors] == ["Smith & Sons, Ltd.", "Pfizer, Inc."]  # was family "Smith & Sons"


def test_crossref_rest_api_answers_are_read():
    work = json.loads(CROSSREF)
    one = json.dumps({"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": work})
    (ref,), findings = parse_csl_json(one, "api.json")
    assert ref.title == "Deep learning" and ref.type is EntryType.ARTICLE and not findings  # was "no title nor author"
    listed = json.dumps({"status": "ok", "message-type": "work-list", "message": {"items": [work, work]}})
    refs, _ = parse_csl_json(listed, "api.json")
    assert [r.title for r in refs] == ["Deep learning", "Deep learning"]


def test_a_trailing_comma_in_csl_json_is_named_with_its_line():
    import pytest

    from citecheck.errors import InputError

    with pytest.raises(InputError) as caught:
        parse_csl_json('[\n {"id": "a", "type": "book", "title": "A"},\n]\n', "trailing.json")
    assert caught.value.line == 3 and "trailing comma" in str(caught.value)


def test_a_keyword_with_a_comma_stays_one_keyword():
    """MeSH headings ("Aged, 80 and over") were split into two keywords on the way back to RIS."""
    ris = "TY  - JOUR\nTI  - T\nPY  - 2019\nKW  - Humans\nKW  - Aged, 80 and over\nER  - \n"
    (ref,), _ = parse_ris(ris, "mesh.ris")
    bib = to_bibtex([ref])
    assert "keywords = {Humans, {Aged, 80 and over}}" in bib  # biblatex splits keywords outside braces only
    for write, read in ((to_bibtex, parse_bibtex), (to_ris, parse_ris), (to_csl_json, parse_csl_json)):
        (again,), _ = read(write([ref]), "out")
        assert [line for line in to_ris([again]).splitlines() if line.startswith("KW")] == [
            "KW  - Humans", "KW  - Aged, 80 and over"]


def test_a_short_titles_protected_words_survive_csl_json():
    """Better BibTeX protects words with double braces; the short title lost them through CSL-JSON."""
    bbt = (r"@article{a, author = {Doe, Jane}, title = {On the {{Equation}} of {{State}}: Gases}, "
           r"shorttitle = {On the {{Equation}} of {{State}}}, journaltitle = {J}, date = {2019}}")
    (ref,), _ = parse_bibtex(bbt, "bbt.bib")
    item = json.loads(to_csl_json([ref]))[0]
    assert item["title-short"] == ('On the <span class="nocase">Equation</span> of <span class="nocase">State</span>')
    (again,), _ = parse_csl_json(json.dumps([item]), "out.json")
    assert "shorttitle = {On the {Equation} of {State}}" in to_bibtex([again])


def test_endnote_keywords_one_a_line_are_several():
    endnote = "@article{RN12,\n   author = {Doe, Jane},\n   title = {T},\n   year = {2001},\n   keywords = {literature\nmagic realism}\n}\n"
    (ref,), _ = parse_bibtex(endnote, "endnote.bib")
    assert dict(ref.extra)["keywords"] == "literature, magic realism"  # was one keyword, "literature magic realism"
    assert [line for line in to_ris([ref]).splitlines() if line.startswith("KW")] == ["KW  - literature",
                                                                                      "KW  - magic realism"]


def test_csl_json_items_keyed_by_id_are_read():
    keyed = json.dumps({"ITEM-1": {"type": "book", "title": "One", "issued": {"date-parts": [[2001]]}},
                        "ITEM-2": {"id": "own", "type": "book", "title": "Two"}}, indent=1)
    refs, findings = parse_csl_json(keyed, "map.json")
    assert [(r.key, r.title) for r in refs] == [("ITEM-1", "One"), ("own", "Two")] and not findings
    assert refs[1].span.line == keyed.splitlines().index(' "ITEM-2": {') + 1


def test_an_article_number_in_c7_is_biblatexs_eid():
    scopus = "TY  - JOUR\nAU  - Dupont, J.-P.\nTI  - T\nT2  - Geoderma\nPY  - 2019\nC7  - 114012\nER  - \n"
    (ref,), _ = parse_ris(scopus, "scopus.ris")
    bib = to_bibtex([ref])
    assert "eid = {114012}" in bib  # was "BibLaTeX has no field for C7 (RIS); left out"
    (again,), _ = parse_bibtex(bib, "out.bib")
    assert "C7  - 114012" in to_ris([again]).splitlines()


def test_a_journal_articles_csl_number_is_biblatexs_eid_and_comes_back():
    zotero = json.dumps([{"id": "a", "type": "article-journal", "title": "T", "container-title": "Chemosphere",
                          "issue": "2", "number": "127530", "issued": {"date-parts": [[2020]]}}])
    (ref,), _ = parse_csl_json(zotero, "zotero.json")
    bib = to_bibtex([ref])
    assert "eid = {127530}" in bib  # was "BibLaTeX has no field for number; left out"
    assert "C7  - 127530" in to_ris([ref]).splitlines()
    (again,), _ = parse_bibtex(bib, "out.bib")
    item = json.loads(to_csl_json([again]))[0]
    assert (item["number"], item["issue"]) == ("127530", "2")


def test_an_access_date_without_a_url_is_kept_in_biblatex():
    """Zotero keeps an access date for an item from a library catalogue, with no URL: BibLaTeX dropped it."""
    csl = json.dumps([{"id": "a", "type": "book", "title": "T", "author": [{"family": "Doe", "given": "J"}],
                       "issued": {"date-parts": [[2020]]}, "accessed": {"date-parts": [[2021, 1, 2]]}}])
    (ref,), _ = parse_csl_json(csl, "zotero.json")
    bib = to_bibtex([ref])
    assert "urldate = {2021-01-02}" in bib
    (again,), _ = parse_bibtex(bib, "out.bib")
    assert json.loads(to_csl_json([again]))[0]["accessed"] == {"date-parts": [[2021, 1, 2]]}


def test_ris_written_from_ris_is_the_same_text():
    """A second pass changes nothing: the L1 lines read from RIS were written after the M2 lines, so
    RIS -> RIS moved them (and LA) about."""
    bbt = (r"@article{a, author = {Doe, Jane}, title = {T}, journaltitle = {J}, date = {2019}, langid = {english}, "
           r"file = {/a.pdf;/b.html}, annotation = {Read}, keywords = {x, y}}")
    (ref,), _ = parse_bibtex(bbt, "bbt.bib")
    once = to_ris([ref])
    assert to_ris(parse_ris(once, "once.ris")[0]) == once


def test_classic_bibtex_written_from_classic_bibtex_is_the_same_text():
    """The date a classic year and month make was put after every other field: a second conversion moved
    year and month to the end."""
    ris = ("TY  - JOUR\nAU  - Doe, Jane\nTI  - T\nT2  - J\nDA  - 2019/03//\nPY  - 2019\nSN  - 0021-9606\n"
           "UR  - https://example.org/a\nN1  - A note\nER  - \n")
    (ref,), _ = parse_ris(ris, "zotero.ris")
    once = to_bibtex([ref], dialect="bibtex")
    assert to_bibtex(parse_bibtex(once, "once.bib")[0], dialect="bibtex") == once


def test_csl_json_written_from_csl_json_is_the_same_text():
    """Its variables were read in the crosswalk's order and a repeated RIS tag after the rest: a second
    conversion reordered the item."""
    pubmed = ("TY  - JOUR\nAU  - Smith, J A\nTI  - T\nT2  - N Engl J Med\nPY  - 2019\nSN  - 1533-4406\n"
              "AB  - Background.\nKW  - Humans\nJ2  - N Engl J Med\nAD  - Dept. A.\nAD  - Dept. B.\nAN  - 30625050\nER  - \n")
    (ref,), _ = parse_ris(pubmed, "pubmed.ris")
    once = to_csl_json([ref])
    assert to_csl_json(parse_csl_json(once, "once.json")[0]) == once


def test_a_capitalised_particle_is_written_as_bibtex_reads_it():
    """{"non-dropping-particle": "De La"}: BibTeX reads "De La Cruz" as a family name (a von part starts lower
    case), so it is written as one ({De La Cruz}), and a second conversion writes the same."""
    csl = json.dumps([{"id": "c", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]},
                       "author": [{"family": "Cruz", "given": "María José", "non-dropping-particle": "De La"}]}])
    (ref,), _ = parse_csl_json(csl, "in.json")
    once = to_bibtex([ref])
    assert "author = {{De La Cruz}, María José}" in once
    assert to_bibtex(parse_bibtex(once, "once.bib")[0]) == once


def test_an_abstracts_markup_is_csl_rich_text_and_plain_words_in_ris():
    """An abstract's \\emph{...} was dropped in CSL-JSON (kept only in a title), and an unknown command's
    argument ran into it in RIS ("\\citeother"): CSL-JSON has <i>, RIS every word, and BibLaTeX the markup back."""
    bib = (r"@article{a, author = {Doe, Jane}, title = {T}, journaltitle = {J}, date = {2019}, "
           r"abstract = {We study \emph{Drosophila} and \textbf{E.~coli}, see \cite{other} and \SI{5}{\metre}.}}")
    (ref,), _ = parse_bibtex(bib, "in.bib")
    item = json.loads(to_csl_json([ref]))[0]
    assert item["abstract"] == r"We study <i>Drosophila</i> and <b>E. coli</b>, see \cite{other} and \SI{5}{\metre}."
    (back,), _ = parse_csl_json(to_csl_json([ref]), "out.json")
    assert r"abstract = {We study \emph{Drosophila} and \textbf{E. coli}, see" in to_bibtex([back])
    assert "AB  - We study Drosophila and E. coli, see \\cite{other} and \\SI{5}{\\metre}.\n" in to_ris([ref])


def test_a_zotero_abstract_in_rich_text_keeps_its_paragraphs():
    csl = json.dumps([{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]},
                       "abstract": "First <i>part</i>.\nSecond part."}])
    (ref,), _ = parse_csl_json(csl, "in.json")
    assert dict(ref.extra)["abstract"] == "First part.\nSecond part."
    assert r"abstract = {First \emph{part}. Second part.}" in to_bibtex([ref])


PARAGRAPHS_BIB = ("@article{a, author = {Doe, Jane}, title = {T}, journaltitle = {J}, date = {2019},\n"
                  "  abstract = {First \\emph{part}.\n  \n  Second part.\\par Third part.},\n"
                  "  note = {Note one.\n\n  Note two.}}\n")


def test_an_abstracts_and_a_notes_paragraphs_survive_every_format():
    """A blank line (or \\par) in a .bib abstract or note was read as a space: one paragraph in every output.
    BibTeX writes the blank line back, CSL-JSON "\\n\\n", RIS the lines after AB/N1 with a blank line between
    (as Zotero writes and reads them)."""
    (ref,), _ = parse_bibtex(PARAGRAPHS_BIB, "in.bib")
    assert dict(ref.extra)["abstract"] == "First part.\n\nSecond part.\n\nThird part."
    assert ref.note == "Note one.\n\nNote two."
    bib = to_bibtex([ref])
    assert "abstract = {First \\emph{part}.\n\nSecond part.\n\nThird part.}" in bib
    assert "note = {Note one.\n\nNote two.}" in bib
    item = json.loads(to_csl_json([ref]))[0]
    assert item["abstract"] == "First <i>part</i>.\n\nSecond part.\n\nThird part."
    assert item["note"] == "Note one.\n\nNote two."
    ris = to_ris([ref])
    assert "AB  - First part.\n\nSecond part.\n\nThird part.\nN1  - Note one.\n\nNote two.\n" in ris
    (from_ris,), _ = parse_ris(ris, "out.ris")
    assert dict(from_ris.extra)["abstract"] == "First part.\n\nSecond part.\n\nThird part."
    assert from_ris.note == "Note one.\n\nNote two."
    (from_csl,), _ = parse_csl_json(to_csl_json([ref]), "out.json")
    assert to_bibtex([from_csl]) == bib


SETS_BIB = """@xdata{springer, publisher = {Springer}, location = {Berlin}}
@book{b, author = {Weber, Max}, title = {Economy}, xdata = {springer}, date = {2020}}
@article{a, author = {Doe, Jane}, title = {T}, journaltitle = {J}, date = {2019}}
@set{s, entryset = {a,b}}
@manual{m, title = {Manual}, organization = {Org}, date = {2020}}
"""


def test_a_set_and_a_data_container_come_back_through_csl_json_and_ris(caplog):
    """@set, @xdata (and @manual) through CSL-JSON or RIS came back @misc with ``date = {XXXX}``, and each
    read as "neither a title nor an author": Better BibTeX's ``referencetype`` carries the type."""
    refs, _ = parse_bibtex(SETS_BIB, "in.bib")
    once = to_bibtex(refs)
    item = {i["id"]: i for i in json.loads(to_csl_json(refs))}
    assert item["s"]["custom"] == {"entryset": "a,b", "referencetype": "set"}
    assert "M2  - tex.referencetype: set\n" in to_ris(refs)
    with caplog.at_level(logging.WARNING):
        from_csl, _ = parse_csl_json(to_csl_json(refs), "out.json")
        from_ris, _ = parse_ris(to_ris(refs), "out.ris")
    assert "neither a title" not in caplog.text
    assert [f.message for r in from_ris for f in r.findings] == []  # was: "record has no year ... nor n.d." for s, springer
    for back in (from_csl, from_ris):
        bib = to_bibtex(back)
        assert "@set{s,\n  entryset = {a,b},\n}" in bib and "@xdata{springer," in bib and "@manual{m," in bib
        assert "XXXX" not in bib
    assert to_bibtex(from_csl) == once


def test_a_corporate_translator_or_book_author_stays_one_name_in_csl_json_and_ris():
    """``translator = {{World Health Organization} and Doe, Jane}`` became "Organization, World Health" in CSL-JSON,
    RIS and back (the braces were decoded away), and ``bookauthor``'s "Jr." was lost on its RIS M2 line."""
    bib = ("@incollection{a, author = {Doe, J.}, title = {T}, booktitle = {B}, date = {2020}, "
           "translator = {{World Health Organization} and Doe, Jane}, bookauthor = {King, Jr., Martin Luther}}")
    (ref,), _ = parse_bibtex(bib, "in.bib")
    item = json.loads(to_csl_json([ref]))[0]
    assert item["translator"] == [{"literal": "World Health Organization"}, {"family": "Doe", "given": "Jane"}]
    ris = to_ris([ref])
    assert "A4  - World Health Organization\n" in ris and "M2  - container-author: King || Martin Luther, Jr.\n" in ris
    once = to_bibtex([ref])
    assert "translator = {{World Health Organization} and Doe, Jane}" in once
    for back in (parse_csl_json(to_csl_json([ref]), "out.json")[0], parse_ris(ris, "out.ris")[0]):
        assert to_bibtex(back) == once


def test_tex_for_bibtexs_name_reading_is_written_back():
    """``{\\relax Ch}ristopher`` (an initial of two letters) and ``{\\noopsort{a}}`` (a sort key) in an author
    were written back as "Christopher" and "Zed": the .bib's sorting and initials changed."""
    bib = r"@book{a, author = {{\relax Ch}ristopher, Anna and {\noopsort{a}}Zed, B. and M{\"u}ller, J.}, title = {T}, date = {2020}}"
    (ref,), _ = parse_bibtex(bib, "in.bib")
    assert [n.family for n in ref.authors] == ["Christopher", "Zed", "Müller"]
    assert r"author = {{\relax Ch}ristopher, Anna and {\noopsort{a}}Zed, B. and Müller, J.}" in to_bibtex([ref])
    assert r"author = {{\relax Ch}ristopher, Anna and {\noopsort{a}}Zed, B. and Müller, J.}" in to_bibtex([ref], dialect="bibtex")


def test_a_data_sets_software_and_patents_type_survives_ris():
    """RIS M3 of a data set (software, patent) came back as words: ``type = {techreport}`` -> "Technical report"."""
    (ref,), _ = parse_bibtex("@dataset{a, author = {Doe, J.}, title = {T}, date = {2020}, type = {techreport}}", "in.bib")
    (back,), _ = parse_ris(to_ris([ref]), "out.ris")
    assert dict(back.extra)["type"] == "techreport"


def test_an_annotations_paragraphs_survive_csl_json():
    (ref,), _ = parse_bibtex("@book{a, author = {Doe, J.}, title = {T}, date = {2020}, annotation = {One.\n\nTwo.}}", "in.bib")
    item = json.loads(to_csl_json([ref]))[0]
    assert item["custom"]["annotation"] == "One.\n\nTwo."
    (back,), _ = parse_csl_json(json.dumps([item]), "out.json")
    assert to_bibtex([back]) == to_bibtex([ref])


def test_biblatex_quotation_commands_are_quotes_in_csl_json_and_ris():
    """``\\mkbibquote{quoted}`` / ``\\enquote{...}`` lost their quotation marks in CSL-JSON and RIS ("On quoted
    words"); ``\\mkbibemph`` its italics in CSL-JSON."""
    bib = (r"@book{a, author = {Doe, J.}, title = {On \mkbibquote{quoted} and \enquote{other} \mkbibemph{words}}, "
           r"date = {2020}}")
    (ref,), _ = parse_bibtex(bib, "in.bib")
    assert ref.title == "On \u201cquoted\u201d and \u201cother\u201d words"
    assert json.loads(to_csl_json([ref]))[0]["title"] == "On \u201cquoted\u201d and \u201cother\u201d <i>words</i>"
    assert "TI  - On \u201cquoted\u201d and \u201cother\u201d words\n" in to_ris([ref])
    assert r"title = {On \mkbibquote{quoted} and \enquote{other} \mkbibemph{words}}" in to_bibtex([ref])


def test_zotero_extra_lines_in_a_bib_extra_field_are_fields():
    """A .bib ``extra`` field (Zotero's Extra) was one line, "Original Date: 1850 tex.howpublished: ... PMID: ...":
    its lines naming a field are those fields; the others stay."""
    bib = ("@article{a, author = {Jones, A.}, title = {T}, journaltitle = {J}, date = {2019}, pmid = {1},\n"
           "  extra = {Original Date: 1850\ntex.howpublished: Privately printed\nPMID: 123456\nRead twice}}\n")
    (ref,), _ = parse_bibtex(bib, "in.bib")
    fields = dict(ref.extra)
    assert (fields["origdate"], fields["howpublished"], fields["pmid"]) == ("1850", "Privately printed", "1")
    assert fields["extra"] == "PMID: 123456 Read twice"  # the entry's own pmid wins: the line is kept
    assert json.loads(to_csl_json([ref]))[0]["original-date"] == {"date-parts": [[1850]]}


def test_an_encyclopedia_entry_is_biblatexs_inreference():
    """CSL's entry-encyclopedia (Zotero's encyclopedia article) became @incollection and came back a "chapter";
    a .bib's @inreference came back @incollection."""
    csl = json.dumps([{"id": "e", "type": "entry-encyclopedia", "title": "Kant", "author": [{"family": "Rohlf"}],
                       "container-title": "Stanford Encyclopedia of Philosophy", "issued": {"date-parts": [[2020]]}}])
    refs, _ = parse_csl_json(csl, "in.json")
    bib = to_bibtex(refs)
    assert bib.startswith("@inreference{e,") and "booktitle = {Stanford Encyclopedia of Philosophy}" in bib
    assert to_bibtex(refs, dialect="bibtex").startswith("@incollection{e,")
    back, _ = parse_bibtex(bib, "out.bib")
    assert json.loads(to_csl_json(back)) == json.loads(to_csl_json(refs)) == json.loads(csl)
    assert to_bibtex(parse_ris(to_ris(back), "out.ris")[0]) == bib


def test_an_archived_copy_survives_csl_json():
    """A URL's Wayback copy (``eprinttype = {Wayback Machine}``, ``eprint = {http://web.archive.org/...}``) was left out
    of CSL-JSON, silently: it is in ``custom``, read back as the URL's copy."""
    wayback = "http://web.archive.org/web/20190614191603/https://example.org/report.pdf"
    bib = ("@report{a, author = {Doe, J.}, title = {T}, institution = {I}, date = {2019}, "
           f"url = {{https://example.org/report.pdf}}, eprinttype = {{Wayback Machine}}, eprint = {{{wayback}}}}}")
    (ref,), _ = parse_bibtex(bib, "in.bib")
    item = json.loads(to_csl_json([ref]))[0]
    assert item["custom"] == {"eprinttype": "Wayback Machine", "eprint": wayback}
    (back,), _ = parse_csl_json(json.dumps([item]), "out.json")
    assert back.urls == ref.urls and back.urls[0].snapshot.timestamp == "20190614191603"
    assert to_bibtex([back]) == to_bibtex([ref])


def test_a_particle_ending_in_an_apostrophe_or_hyphen_is_written_against_the_family_name():
    """{"non-dropping-particle": "d'", "family": "Alembert"} came out as "d' Alembert" (BibTeX, RIS): CSL joins
    such a particle without a space (citeproc-js; the CSL tests' name_ParsedNonDroppingParticleWithApostrophe)."""
    csl = json.dumps([{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]},
                       "author": [{"family": "Alembert", "given": "Jean", "non-dropping-particle": "d'"},
                                  {"family": "Hashimi", "given": "Ali", "non-dropping-particle": "al-"},
                                  {"family": "Alembert", "given": "Jean", "non-dropping-particle": "D\u2019"}]}])
    (ref,), _ = parse_csl_json(csl, "in.json")
    assert "author = {d'Alembert, Jean and al-Hashimi, Ali and D\u2019Alembert, Jean}" in to_bibtex([ref])
    assert "AU  - d'Alembert, Jean\nAU  - al-Hashimi, Ali\nAU  - D\u2019Alembert, Jean\n" in to_ris([ref])
    assert [a.display() for a in ref.authors] == ["Jean d'Alembert", "Ali al-Hashimi", "Jean D\u2019Alembert"]


def test_an_articles_type_in_ris_comes_back_to_bibtex(caplog):
    """EndNote's BibTeX export writes its reference type as ``type = {Journal Article}``; through RIS (M3) it
    came back as no field ("BibLaTeX has no field for M3 (RIS); left out")."""
    bib = (r"@article{RN12, author = {Barr, Heather}, title = {T}, journal = {The Diplomat}, year = {2019}, "
           r"type = {Journal Article}}")
    (ref,), _ = parse_bibtex(bib, "endnote.bib")
    ris = to_ris([ref])
    assert "M3  - Journal Article\n" in ris
    (back,), _ = parse_ris(ris, "out.ris")
    with caplog.at_level(logging.WARNING):  # biblatex's @article has no ``type`` (biber: "Invalid field 'type'",
        text = to_bibtex([back])  # pandoc prints it after the title): the tag's own field, read back as M3
    assert "ris-m3 = {Journal Article}" in text and "type =" not in text
    assert "M3" not in caplog.text
    (again,), _ = parse_bibtex(text, "again.bib")
    assert "M3  - Journal Article\n" in to_ris([again])
    (doi,), _ = parse_ris("TY  - JOUR\nTI  - T\nT2  - J\nPY  - 2019\nM3  - 10.1000/xyz\nER  - \n", "endnote.ris")
    assert "type =" not in to_bibtex([doi])  # EndNote's DOI in M3 is no type


def test_a_thin_space_survives_every_format_and_comes_back_as_latex():
    """\\, was read as a plain space: 'J.\\,R.\\,R. Tolkien' and 'pages = {1\\,--\\,10}' came back without it."""
    bib = (r"@book{t, author = {J.\,R.\,R. Tolkien}, title = {The Hobbit}, publisher = {Allen \& Unwin}, "
           r"date = {1937}, pages = {1\,--\,10}}")
    (ref,), _ = parse_bibtex(bib, "in.bib")
    assert ref.authors[0].given == "J.\u202fR.\u202fR." and ref.pages == "1-10"
    once = to_bibtex([ref])
    assert r"author = {Tolkien, J.\,R.\,R.}" in once and r"pages = {1\,--\,10}" in once
    item = json.loads(to_csl_json([ref]))[0]
    assert item["author"] == [{"family": "Tolkien", "given": "J.\u202fR.\u202fR."}] and item["page"] == "1-10"
    for text, parse in ((to_csl_json([ref]), parse_csl_json), (to_ris([ref]), parse_ris)):
        (back,), _ = parse(text, "out")
        assert r"author = {Tolkien, J.\,R.\,R.}" in to_bibtex([back])
    assert to_bibtex(parse_bibtex(once, "once.bib")[0]) == once


JSTOR = """Provider: JSTOR http://www.jstor.org
Database: JSTOR
Content: text/plain; charset="us-ascii"


TY  - JOUR
TI  - Is Rape a Cultural Universal? A Re-examination of the Ethnographic Data
AU  - Palmer, Craig
C1  - Full publication date: Jan., 1989
DB  - JSTOR
DO  - 10.2307/3773639
EP  - 16
IS  - 1
PY  - 1989
SN  - 00141828
SP  - 1
T2  - Ethnology
UR  - http://www.jstor.org/stable/3773639
VL  - 28
ER  - 
"""


def test_a_jstor_export_is_read_without_warnings_and_keeps_its_month():
    """JSTOR's header lines were three "not an RIS tag line" warnings, and its full date (C1) was left out."""
    (ref,), findings = parse_ris(JSTOR, "jstor.ris")
    assert findings == () and (ref.year, dict(ref.extra)["date"]) == (1989, "1989-01")
    assert "date = {1989-01}" in to_bibtex([ref]) and dict(ref.extra)["ris:C1"] == "Full publication date: Jan., 1989"
    older = "TY  - JOUR\nTI  - T\nPY  - 2004\nM1  - ArticleType: research-article / Full publication date: Sep., 2004 / Copyright\nER  - \n"
    assert dict(parse_ris(older, "jstor.ris")[0][0].extra)["date"] == "2004-09"


def test_ebscos_repeated_abstract_and_doi_are_no_fields_left_out(caplog):
    """EBSCO writes the abstract as AB and N2 and the DOI as DO and L3: the copies were "left out" warnings."""
    ebsco = ("TY  - JOUR\nAU  - Garcia, Luis\nT1  - Urban heat\nJO  - Environmental Research\nY1  - 2018/06//\n"
             "AB  - Heat is bad.\nN2  - Heat is bad.\nDO  - 10.1016/j.envres.2018.02.001\nL3  - 10.1016/j.envres.2018.02.001\n"
             "DP  - EBSCOhost\nER  - \n")
    (ref,), _ = parse_ris(ebsco, "ebsco.ris")
    assert "ris:N2" not in dict(ref.extra) and "ris:L3" not in dict(ref.extra) and dict(ref.extra)["csl:source"] == "EBSCOhost"
    with caplog.at_level(logging.WARNING):
        text = to_bibtex([ref])
    assert "N2" not in caplog.text and "L3" not in caplog.text
    # DP, the catalogue (Zotero's libraryCatalog), is CSL's source, kept as a field of its own
    assert "csl-source = {EBSCOhost}" in text and "no field for" not in caplog.text


def test_a_missing_value_in_csl_json_is_not_called_a_trailing_comma():
    """'"title": ]' lacks a value: the message asked "a trailing comma before ']'?" where there is none (session 14)."""
    import pytest

    from citecheck.errors import InputError

    with pytest.raises(InputError) as caught:
        parse_csl_json('[{"id": "a", "type": "book", "title": "T"},\n {"id": "b", "title": ]', "missing.json")
    assert caught.value.line == 2 and "column 23" in str(caught.value) and "trailing comma" not in str(caught.value)
