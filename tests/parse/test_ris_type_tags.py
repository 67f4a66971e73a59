"""BibLaTeX -> RIS -> BibLaTeX keeps the fields RIS once dropped (emit.crosswalk: the type-specific
tags of the RIS specification and Zotero's RIS.js, and M2 "key: value" lines for the rest), and
RIS as Zotero writes it reads into the right BibLaTeX fields."""
from __future__ import annotations

import json

import pytest
from bibtexparser import parse_string

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.ris import parse_ris


def fields(refs):
    """Each entry's BibLaTeX fields (key -> (type, field -> value)), as the BibLaTeX writer gives them."""
    library = parse_string(to_bibtex(refs))
    return {e.key: (e.entry_type, {f.key: f.value for f in e.fields}) for e in library.entries}


def round_trip(bib: str, caplog) -> tuple[str, dict, dict]:
    original, _ = parse_bibtex(bib, "in.bib")
    with caplog.at_level("WARNING"):
        text = to_ris(original)
    again, findings = parse_ris(text, "rt.ris")
    assert not findings
    return text, fields(original), fields(again)


# one entry per type, each with the fields RIS had no tag for; the RIS lines that now hold them
CASES = {
    "inproceedings": (r"""@inproceedings{devlin2019,
  title = {BERT: Pre-training of Deep Bidirectional Transformers},
  author = {Devlin, Jacob},
  booktitle = {Proceedings of the 2019 Conference of the North American Chapter of the ACL},
  eventtitle = {NAACL-HLT 2019},
  venue = {Minneapolis},
  eventdate = {2019-06-02/2019-06-07},
  location = {Stroudsburg},
  publisher = {Association for Computational Linguistics},
  date = {2019-06},
  pages = {4171--4186}
}""", ["TY  - CPAPER", "T2  - NAACL-HLT 2019",
       "C3  - Proceedings of the 2019 Conference of the North American Chapter of the ACL",
       "C1  - Stroudsburg", "CY  - Minneapolis", "M2  - event-date: 2019-06-02/2019-06-07"]),
    "inproceedings-no-proceedings": (r"""@inproceedings{talk2020,
  title = {A Talk},
  author = {Doe, Jane},
  eventtitle = {Annual Meeting 2020},
  venue = {Lyon},
  date = {2020}
}""", ["M2  - event-title: Annual Meeting 2020", "M2  - event-place: Lyon"]),
    "inproceedings-event-as-proceedings": (r"""@inproceedings{same2021,
  title = {Same Name},
  author = {Roe, Ann},
  booktitle = {Workshop 2021},
  eventtitle = {Workshop 2021},
  date = {2021}
}""", ["T2  - Workshop 2021", "M2  - event-title: Workshop 2021"]),
    "book": (r"""@book{tolstoy2008,
  title = {War and Peace},
  author = {Tolstoy, Leo},
  date = {2008},
  origdate = {1869},
  publisher = {Vintage},
  location = {New York},
  pagetotal = {1296},
  series = {Vintage Classics},
  number = {12},
  isbn = {978-1-4000-7998-8}
}""", ["TY  - BOOK", "SP  - 1296", "OP  - 1869", "M1  - 12", "T3  - Vintage Classics"]),
    "book-pages": (r"""@book{atlas1990,
  title = {An Atlas},
  author = {Mercator, Gerard},
  date = {1990},
  publisher = {Press},
  pages = {300}
}""", ["SE  - 300"]),
    "chapter": (r"""@incollection{rosa2016,
  title = {Fishing Cooperatives},
  author = {de la Rosa, Camila},
  booktitle = {Small Ports, Big Seas},
  date = {2016},
  origdate = {2009},
  series = {Maritime Studies},
  number = {4},
  pages = {45--72}
}""", ["TY  - CHAP", "SV  - 4", "OP  - 2009", "SP  - 45", "EP  - 72"]),
    "thesis": (r"""@thesis{kim2018,
  title = {Essays on Labour Markets},
  author = {Kim, Min-jun},
  date = {2018},
  institution = {Seoul National University},
  type = {phdthesis},
  pagetotal = {212}
}""", ["TY  - THES", "SP  - 212"]),
    "report": (r"""@report{who2022,
  title = {World Health Statistics 2022},
  author = {{World Health Organization}},
  date = {2022},
  institution = {WHO},
  location = {Geneva},
  number = {WHO/2022/01},
  type = {Technical Report},
  isbn = {978-92-4-005114-0},
  pagetotal = {125},
  version = {2}
}""", ["TY  - RPRT", "SN  - WHO/2022/01", "SN  - 978-92-4-005114-0", "M2  - number-of-pages: 125",
       "M2  - version: 2"]),
    "patent": (r"""@patent{smith2001,
  title = {A Better Mousetrap},
  author = {Smith, John},
  date = {2001-05-01},
  number = {US 6,123,456 B1}
}""", ["TY  - PAT", "SN  - US 6,123,456 B1"]),
    "software": (r"""@software{numpy2020,
  title = {NumPy},
  author = {Harris, Charles R.},
  date = {2020},
  version = {1.19.2},
  edition = {2},
  url = {https://numpy.org}
}""", ["TY  - COMP", "ET  - 1.19.2", "M2  - edition: 2"]),
    "dataset": (r"""@dataset{census2021,
  title = {Census Microdata},
  author = {{Statistics Office}},
  date = {2021},
  version = {3.0},
  publisher = {Data Archive}
}""", ["TY  - DATA", "ET  - 3.0"]),
    "article": (r"""@article{adams1996,
  title = {A Survey},
  author = {Adams, Mark},
  journaltitle = {Nature Genetics},
  date = {1996},
  origdate = {1995},
  volume = {12},
  pmid = {8589715},
  pmcid = {PMC1234567}
}""", ["TY  - JOUR", "C2  - PMC1234567", "M2  - PMID: 8589715", "OP  - 1995"]),
    "article-bare-pmcid": (r"""@article{bare2000,
  title = {Bare},
  author = {Roe, Ann},
  journaltitle = {Journal},
  date = {2000},
  pmcid = {1234567}
}""", ["M2  - PMCID: 1234567"]),
    "online": (r"""@online{vaswani2017,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish},
  date = {2017-06-12},
  eprint = {1706.03762},
  eprinttype = {arxiv},
  eprintclass = {cs.CL},
  origdate = {2017}
}""", ["TY  - ELEC", "M2  - tex.eprint: 1706.03762", "M2  - tex.eprinttype: arxiv",
       "M2  - tex.eprintclass: cs.CL", "M2  - original-date: 2017"]),
}


@pytest.mark.parametrize("name", CASES)
def test_bib_to_ris_to_bib_keeps_every_field_and_warns_of_none(name, caplog):
    bib, lines = CASES[name]
    text, before, after = round_trip(bib, caplog)
    assert after == before
    for line in lines:
        assert line in text.splitlines(), line
    assert [r.getMessage() for r in caplog.records if "RIS has no tag" in r.getMessage()] == []


@pytest.mark.parametrize("name", CASES)
def test_ris_written_again_is_the_same(name):
    refs, _ = parse_bibtex(CASES[name][0], "in.bib")
    text = to_ris(refs)
    assert to_ris(parse_ris(text, "rt.ris")[0]) == text


def test_a_field_with_no_tag_is_an_m2_tex_line(caplog):
    """A BibLaTeX field RIS has no tag for rides on an M2 line ``tex.NAME: value``, as Better BibTeX writes
    one into Zotero's Extra (it was left out with a warning); only what is no field is still left out."""
    bib = r"""@misc{doe2020,
  title = {Something},
  author = {Doe, Jane},
  date = {2020},
  addendum = {Unpublished draft},
  eventdate = {2020-01-01}
}"""
    text, before, after = round_trip(bib, caplog)
    assert "M2  - event-date: 2020-01-01" in text.splitlines()
    assert "M2  - tex.addendum: Unpublished draft" in text.splitlines()
    assert after["doe2020"][1]["eventdate"] == "2020-01-01"
    assert after["doe2020"][1]["addendum"] == "Unpublished draft"
    assert not [r.getMessage() for r in caplog.records if "RIS has no tag" in r.getMessage()]


def test_a_csl_variable_with_no_tag_travels_on_an_m2_line(caplog):
    """It was left out with a warning; as in a .bib (``csl-dimensions``), it is an M2 line ``tex.csl-dimensions``,
    read back as the variable (session 16, user)."""
    from citecheck.emit.csl import to_csl_json
    from citecheck.parse.csl_json import parse_csl_json

    # (CSL's source, the catalogue, is RIS's DP: ``tests/emit/test_ris_archive.py``)
    refs, _ = parse_csl_json('[{"id": "a", "type": "book", "title": "T", "dimensions": "24 cm"}]', "in.json")
    with caplog.at_level("WARNING"):
        text = to_ris(refs)
    assert "M2  - tex.csl-dimensions: 24 cm\n" in text
    assert not [r.getMessage() for r in caplog.records if "RIS has no tag" in r.getMessage()]
    back, _ = parse_ris(text, "in.ris")
    assert json.loads(to_csl_json(back))[0]["dimensions"] == "24 cm"


# RIS as zotero/translators RIS.js writes it: its exportOrder, TY CONF for a conference paper
# (T2 conferenceName, C1 place, C3 proceedingsTitle), RPRT (SN reportNumber, PB institution,
# M3 reportType) and BOOK (SP numPages, ET edition, SN ISBN); dates YYYY/MM/DD/, CRLF lines.
ZOTERO = """TY  - CONF\r
TI  - BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding\r
AU  - Devlin, Jacob\r
AU  - Chang, Ming-Wei\r
T2  - NAACL-HLT 2019\r
A2  - Burstein, Jill\r
C1  - Minneapolis, Minnesota\r
C3  - Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics\r
DA  - 2019/06//\r
PY  - 2019\r
DO  - 10.18653/v1/N19-1423\r
SP  - 4171\r
EP  - 4186\r
PB  - Association for Computational Linguistics\r
UR  - https://aclanthology.org/N19-1423\r
Y2  - 2024/01/05/10:11:12\r
ER  - \r
\r
TY  - RPRT\r
TI  - World Health Statistics 2022\r
AU  - World Health Organization\r
CY  - Geneva\r
DA  - 2022///\r
PY  - 2022\r
LA  - en\r
M3  - Technical report\r
PB  - World Health Organization\r
SN  - WHO/2022/01\r
UR  - https://www.who.int/publications/i/item/9789240051140\r
ER  - \r
\r
TY  - BOOK\r
TI  - War and Peace\r
AU  - Tolstoy, Leo\r
A4  - Pevear, Richard\r
CY  - New York\r
DA  - 2008///\r
PY  - 2008\r
ET  - 1st Vintage Classics ed.\r
SP  - 1296\r
LA  - en\r
PB  - Vintage\r
SN  - 978-1-4000-7998-8\r
ER  - \r
\r
"""


def test_zotero_ris_reads_into_the_right_biblatex_fields():
    refs, findings = parse_ris(ZOTERO, "zotero.ris")
    assert not findings
    plain = [(bibtype, {k: v.strip("{}") for k, v in entry.items()}) for bibtype, entry in fields(refs).values()]
    (paper_type, paper), (report_type, report), (book_type, book) = plain
    assert paper_type == "inproceedings"
    assert paper["booktitle"] == ("Proceedings of the 2019 Conference of the North American Chapter of the "
                                  "Association for Computational Linguistics")  # C3, not T2
    assert (paper["eventtitle"], paper["location"]) == ("NAACL-HLT 2019", "Minneapolis, Minnesota")
    assert "venue" not in paper  # Zotero has one place (C1): the place of publication
    assert (paper["editor"], paper["pages"], paper["date"]) == ("Burstein, Jill", "4171--4186", "2019-06")
    assert report_type == "report"
    assert (report["number"], report["institution"], report["location"]) == (
        "WHO/2022/01", "World Health Organization", "Geneva")
    assert report["type"] == "techreport" and report["langid"] == "english"
    assert book_type == "book"
    assert (book["pagetotal"], book["isbn"]) == ("1296", "978-1-4000-7998-8")
    assert book["edition"] == "1st Vintage Classics ed."
    assert "pages" not in book and book["translator"] == "Pevear, Richard"
    assert not any(k.startswith("ris:") for ref in refs for k, _ in ref.extra)  # every tag read


def test_a_conference_paper_without_c3_or_c1_reads_t2_and_cy_as_before():
    """Databases (IEEE, Scopus ...) write the proceedings in T2 and the place in CY."""
    refs, _ = parse_ris("TY  - CONF\nTI  - A paper\nAU  - Roe, Ann\nT2  - Proc. of ICX 2019\nCY  - Paris\n"
                        "PY  - 2019\nER  - \n", "db.ris")
    ref = refs[0]
    assert (ref.container, ref.place) == ("Proc. of ICX 2019", "Paris")
    assert "eventtitle" not in dict(ref.extra) and "venue" not in dict(ref.extra)


def test_type_specific_tags_are_read_only_where_they_mean_the_field():
    refs, _ = parse_ris(
        "TY  - BOOK\nTI  - Ranged\nPY  - 2000\nSP  - 11\nEP  - 40\nER  - \n"  # a range: pages, not pagetotal
        "TY  - RPRT\nTI  - Catalogued\nPY  - 2000\nSN  - 978-92-4-005114-0\nIS  - 7\nER  - \n"  # an ISBN stays one
        "TY  - JOUR\nTI  - Scopus\nPY  - 2000\nC2  - 31234567\nOP  - Originally in French\nER  - \n"
        "TY  - PAT\nTI  - Patent\nPY  - 2000\nOP  - 2000\nER  - \n"  # OP: a patent's priority numbers
        "TY  - BOOK\nTI  - Numbered\nPY  - 2000\nIS  - 12\nER  - \n",  # no M1: IS is still its number
        "x.ris")
    book, report, article, patent, numbered = refs
    assert numbered.issue == "12"
    assert (book.pages, dict(book.extra).get("pagetotal")) == ("11-40", None)
    assert (report.isbn, report.issue) == ("978-92-4-005114-0", "7")
    assert dict(article.extra)["ris:C2"] == "31234567" and "pmcid" not in dict(article.extra)
    assert dict(article.extra)["ris:OP"] == "Originally in French" and "origdate" not in dict(article.extra)
    assert dict(patent.extra)["ris:OP"] == "2000"


def test_m2_lines_use_zoteros_labels_and_other_m2_lines_are_kept():
    text = ("TY  - BOOK\nTI  - Old\nPY  - 2001\nM2  - Original Date: 1850\nM2  - Number of Pages: 90\n"
            "M2  - PMID: 123\nM2  - citation count 4\nM2  - edition: 3\nET  - 2\nER  - \n")
    refs, _ = parse_ris(text, "x.ris")
    extra = dict(refs[0].extra)
    assert (extra["origdate"], extra["pagetotal"], extra["pmid"]) == ("1850", "90", "123")
    assert refs[0].edition == "2"  # a book's edition is ET; its M2 "edition" is not read as one
    assert [v for k, v in refs[0].extra if k == "ris:M2"] == ["citation count 4", "edition: 3"]
    again = to_ris(refs)
    assert "M2  - citation count 4" in again.splitlines() and "OP  - 1850" in again.splitlines()
