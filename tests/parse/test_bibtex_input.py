"""Reading BibTeX/BibLaTeX input into Reference records."""
from __future__ import annotations

import pytest

from citecheck.model import EntryType, Kind, Severity
from citecheck.parse.bibtex import decode_text, decode_url, parse_bibtex, parse_name

SAMPLE = r"""% A hand-written file, BibTeX and BibLaTeX mixed.
@string{hrw = "Human Rights Watch"}

@Article{Zaugg:2019,
  author    = {Zaugg, Julie and M{\"u}ller, J{\"{o}}rg and Jean-Paul {\'E}mile and {United Nations Office on Drugs and Crime}},
  title     = {North {Korean} Defectors \& the {NGO} Sector: 50\% of {\it Them}},
  journal   = "Journal of {A}sian Studies",
  year      = 2019,
  volume    = {78},
  number    = {3},
  pages     = {131--141},
  doi       = {https://doi.org/10.1017/S0021911819000123},
  url       = {https://example.org/a\_b%20c#frag},
  urldate   = {2020-01-02},
  keywords  = {trafficking, Korea},
}

@techreport{unodc2018,
  author = {{United Nations Office on Drugs and Crime}},
  title = {Global Report},
  institution = {United Nations},
  address = {Vienna},
  year = {2018},
}

@book{broken,
  title = {Never closed,
  year = {2001}

@online{hrw2019,
  author = hrw,
  title = {North Korea},
  url = {https://www.hrw.org/north_korea},
  eprinttype = {Wayback Machine},
  eprint = {https://web.archive.org/web/20190614191603/https://www.hrw.org/north_korea},
  date = {2019-06-14},
}

@misc{Zaugg:2019,
  title = {Duplicate key},
  howpublished = {\url{https://example.org/x_y}},
}

@phdthesis{van2015,
  author = {van der Berg, Jr., Jan and de la Cruz, María},
  title = {Thesis},
  school = {Oxford},
  year = {2015},
  note = {Translated by {\v S}ime {\L}uka and {\ss} \o\ \ae},
}
"""


def line_of(start: str) -> int:
    return next(i for i, line in enumerate(SAMPLE.splitlines(), 1) if line.startswith(start))


def parsed():
    return parse_bibtex(SAMPLE, "refs.bib")


def test_entries_are_read_and_the_broken_one_is_reported():
    refs, findings = parsed()
    assert [r.key for r in refs] == ["Zaugg:2019", "unodc2018", "hrw2019", "Zaugg:2019", "van2015"]
    unparsed = [f for f in findings if f.kind is Kind.UNPARSED_ENTRY]
    assert len(unparsed) == 1
    failure = unparsed[0]
    assert failure.severity is Severity.ERROR
    assert failure.span.line == line_of("@book{broken") == 26 and failure.span.column == 1
    assert SAMPLE[failure.span.start:failure.span.end].startswith("@book{broken,")
    assert "line 26" in failure.message


def test_duplicate_keys_are_reported():
    _, findings = parsed()
    duplicates = [f for f in findings if f.kind is Kind.DUPLICATE_KEY]
    assert len(duplicates) == 1
    assert duplicates[0].reference == "Zaugg:2019" and duplicates[0].span.line == line_of("@misc{Zaugg")


def test_spans_point_at_each_entry():
    refs, _ = parsed()
    starts = ["@Article", "@techreport", "@online", "@misc", "@phdthesis"]
    assert [r.span.line for r in refs] == [line_of(s) for s in starts] == [4, 18, 30, 39, 44]
    for r in refs:
        assert SAMPLE[r.span.start:r.span.end] == r.raw and r.raw.startswith("@")


def test_article_fields():
    zaugg = parsed()[0][0]
    assert zaugg.type is EntryType.ARTICLE
    assert [(a.family, a.given, a.literal) for a in zaugg.authors] == [
        ("Zaugg", "Julie", ""), ("Müller", "Jörg", ""), ("Émile", "Jean-Paul", ""),
        ("", "", "United Nations Office on Drugs and Crime"),
    ]
    assert zaugg.title == "North Korean Defectors & the NGO Sector: 50% of Them"
    assert zaugg.container == "Journal of Asian Studies"
    assert (zaugg.year, zaugg.volume, zaugg.issue, zaugg.pages) == (2019, "78", "3", "131-141")
    assert zaugg.doi == "10.1017/S0021911819000123"
    assert zaugg.urls[0].url == "https://example.org/a_b%20c#frag"
    assert zaugg.accessed == "2020-01-02"
    assert zaugg.extra == (("keywords", "trafficking, Korea"),
                           ("bibtex:title", "North {Korean} Defectors & the NGO Sector: 50% of Them"),
                           # the title and journal as written: markup ({\it ...}), protected words ({A}sian)
                           ("latex:title", r"North {Korean} Defectors \& the {NGO} Sector: 50\% of {\it Them}"),
                           ("latex:container", "Journal of {A}sian Studies"),
                           ("bibtex:before", "% A hand-written file, BibTeX and BibLaTeX mixed."))  # the file's comment


def test_report_thesis_and_aliases():
    refs, _ = parsed()
    unodc, thesis = refs[1], refs[4]
    assert unodc.type is EntryType.REPORT
    assert (unodc.publisher, unodc.place) == ("United Nations", "Vienna")
    assert unodc.authors[0].literal == "United Nations Office on Drugs and Crime"
    assert thesis.type is EntryType.THESIS and thesis.publisher == "Oxford"
    assert dict(thesis.extra)["type"] == "phdthesis"
    van, cruz = thesis.authors
    assert (van.particle, van.family, van.suffix, van.given) == ("van der", "Berg", "Jr.", "Jan")
    assert (cruz.particle, cruz.family, cruz.given) == ("de la", "Cruz", "María")
    assert thesis.note == "Translated by Šime Łuka and ß ø æ"


def test_string_macros_dates_and_archived_copies():
    hrw = parsed()[0][2]
    assert hrw.type is EntryType.WEBPAGE
    assert hrw.authors[0].family == "Watch" or hrw.authors[0].literal == "Human Rights Watch"
    assert hrw.year == 2019 and dict(hrw.extra)["date"] == "2019-06-14"
    url = hrw.urls[0]
    assert url.url == "https://www.hrw.org/north_korea"
    assert url.snapshot.url == "https://web.archive.org/web/20190614191603/https://www.hrw.org/north_korea"
    assert (url.snapshot.timestamp, url.snapshot.archive, url.snapshot.original) == (
        "20190614191603", "wayback", "https://www.hrw.org/north_korea")
    assert "eprint" not in dict(hrw.extra) and "eprinttype" not in dict(hrw.extra)


def test_howpublished_url_becomes_the_url_and_missing_year_is_unknown():
    misc = parsed()[0][3]
    assert misc.type is EntryType.DOCUMENT
    assert misc.urls[0].url == "https://example.org/x_y"
    # no year field: the year is unknown (no made-up n.d., which only "n.d." or date = {XXXX} says)
    assert not misc.no_date and misc.year is None and misc.container == ""
    assert not any(name.startswith("latex:") for name, _ in misc.extra)


def test_decoding_is_limited_to_text():
    assert decode_text(r"{\"u}ber \'{\i}ndice na\"{\i}ve \c{c}a \~n \^o \`a \v{s} \H{o} \r{a} \k{a}") == \
        "über índice naïve ça ñ ô à š ő å ą"
    assert decode_text(r"\textbackslash{}input\textbraceleft{}x\textbraceright{} \$ \# \_ \& \%") == r"\input{x} $ # _ & %"
    # a logo is its text (RIS and CSL-JSON get "LaTeX", not "\LaTeX"); a command it does not know stays
    assert decode_text(r"\emph{Kept} \LaTeX{} \foo{} a~b") == r"Kept LaTeX \foo a b"
    # ... with its arguments as written: its words were run together ("see \citeother", "\SI5\metre")
    assert decode_text(r"see \cite[p.~5]{other} and \SI{5}{\metre}.") == r"see \cite[p.~5]{other} and \SI{5}{\metre}."
    # BibTeX's \noopsort{key} only sorts: no text ("\noopsortb1973" was the year's text)
    assert decode_text(r"{\noopsort{b}}1973") == "1973" and parse_name(r"{\noopsort{b}}Smith, John").family == "Smith"
    assert decode_url(r"\url{https://e.org/a\_b\%20\#x}") == "https://e.org/a_b%20#x"
    assert decode_url("https://e.org/a_b--c") == "https://e.org/a_b--c"


def test_single_names():
    assert parse_name("{Human Rights Watch}").literal == "Human Rights Watch"
    assert parse_name("{\\\"U}nal, Ali").family == "Ünal"
    plain = parse_name("Donald E. Knuth")
    assert (plain.family, plain.given) == ("Knuth", "Donald E.")


def test_empty_and_garbage_input():
    assert parse_bibtex("", "empty.bib") == ((), ())
    refs, findings = parse_bibtex("just some text\n@@@ {\n", "junk.bib")
    assert refs == ()


def test_a_missing_comma_between_fields_is_said_and_the_fields_are_read():
    """``title = {Six} journal = {J}``: bibtex stops ("I was expecting a `,' or a `}'"); it was read
    silently as the title "Six journal = J"."""
    text = ("@article{five, author = {I, J}, title = {Five}, journal = {J}, year = {2005}}\n"
            "@article{six, author = {K, L}, title = {Six} journal = {J}, year = {2006}}\n"
            "@article{seven, author = {M, N}, title = {Seven}, journal = {J}, year = {2007}}\n")
    refs, findings = parse_bibtex(text, "b.bib")
    assert [(r.key, r.title, r.container) for r in refs] == [("five", "Five", "J"), ("six", "Six", "J"),
                                                             ("seven", "Seven", "J")]
    assert [(f.span.line, f.reference, f.message) for f in findings] == [
        (2, "six", "line 2: no comma after field title (bibtex stops there); read as title and journal")]


@pytest.mark.parametrize("entry", [
    "@article{a, title = {T}, year = }",  # nothing before the closing brace
    "@article(a, title = {T}, year = )",
    "@article{a, title = {T}, year = , journal = {J}}",
])
def test_a_field_with_no_value_is_said_not_a_crash(entry):
    """``year = }``: bibtexparser gives the field an empty value, which ended the missing-comma check with
    an IndexError (an internal error for the whole run); bibtex stops there. The rest is read, the field
    left out and said."""
    refs, findings = parse_bibtex(entry + "\n", "b.bib")
    assert [(r.key, r.title, r.year) for r in refs] == [("a", "T", None)]
    assert [f.message for f in findings] == ["line 1: field year has no value after its '=' (bibtex stops there); left out"]


def test_a_concatenation_with_nothing_after_its_hash_is_said():
    refs, findings = parse_bibtex('@article{a, title = "Part" # , year = {2001}}\n', "b.bib")
    assert [(r.title, r.year) for r in refs] == [("Part", 2001)]
    assert [f.message for f in findings] == [
        "line 1: field title has a '#' with nothing on one side (bibtex stops there); read without it"]


def test_a_comment_between_fields_loses_no_field():
    """biber skips a % line between fields; bibtexparser read it into the next field's name, and that
    field (here author and journal) was lost without a word."""
    text = ("@article{a,\n  % read on the train\n  author = {Doe, Jane},\n  title = {Title}, % check the year\n"
            "  journal = {J},\n  year = {2001},\n}\n")
    (ref,), findings = parse_bibtex(text, "c.bib")
    assert [n.family for n in ref.authors] == ["Doe"] and ref.container == "J" and not findings
    from citecheck.emit.bibtex import to_bibtex

    out = to_bibtex([ref])
    assert "% read on the train\n% check the year\n\n@article{a," in out  # the comments kept, before the entry
    assert "author = {Doe, Jane}" in out and "journaltitle = {J}" in out


def test_a_comment_before_the_closing_brace_fails_no_entry():
    """"year = {2001}, % last" then "}": bibtexparser failed the whole entry (biber reads it)."""
    text = "@article{c,\n  author = {A, B},\n  title = {T},\n  year = {2001}, % last\n}\n@misc{d, title = {50%}, year = 2002 % odd\n}\n"
    refs, findings = parse_bibtex(text, "c.bib")
    assert [(r.key, r.year, r.title) for r in refs] == [("c", 2001, "T"), ("d", 2002, "50%")] and not findings
    assert refs[0].raw == "@article{c,\n  author = {A, B},\n  title = {T},\n  year = {2001}, % last\n}"  # as written


def test_an_extra_closing_brace_that_ends_an_entry_early_is_said():
    """``title = {Too many}}, journal = ...``: the entry ends at the extra brace (as bibtex and biber read
    it) and its later fields were left out without a word."""
    text = ("@article{one, author = {A, B}, title = {One}, journal = {J}, year = {2001}}\n\n"
            "@article{extra, author = {C, D}, title = {Too many}}, journal = {J}, year = {2002}}\n\n"
            "@article{three, author = {E, F}, title = {Three}, journal = {J}, year = {2003}}\n")
    refs, findings = parse_bibtex(text, "b.bib")
    assert [r.key for r in refs] == ["one", "extra", "three"]
    assert [(f.span.line, f.reference, f.kind) for f in findings] == [(3, "extra", Kind.MALFORMED_REFERENCE)]
    assert "extra '}' ends the entry before journal" in findings[0].message


def test_texs_dashes_and_quotes_are_their_characters_in_plain_text_and_kept_in_bibtex():
    """``growth'' and 1939--1945 reached RIS and CSL-JSON as written, TeX's ligatures and all."""
    from citecheck.emit.bibtex import to_bibtex
    from citecheck.emit.ris import to_ris

    (ref,), _ = parse_bibtex("@book{a, author = {Doe, Jane}, title = {``Growth'' in 1939--1945 --- a view}, "
                             "publisher = {P}, date = {2001}}", "in.bib")
    assert ref.title == "\u201cGrowth\u201d in 1939\u20131945 \u2014 a view"
    assert "TI  - \u201cGrowth\u201d in 1939\u20131945 \u2014 a view\n" in to_ris([ref])
    assert "title = {``Growth'' in 1939--1945 --- a view}" in to_bibtex([ref])
    assert decode_text(r"the $f''(x)$ of 1939--1945") == "the $f''(x)$ of 1939\u20131945"  # math has none


def test_a_block_that_fails_names_the_line_that_opens_a_brace_it_does_not_close():
    """The message was bibtexparser's alone ("Was still looking for field-value closing"), naming the entry's
    line, not the field whose '}' is missing."""
    text = "@article{ok, title = {Fine}, year = 2001}\n\n@article{m2,\n  author = {C, D},\n  title = {Unbalanced {brace},\n  year = 2002,\n}\n\n@article{next, title = {N}, year = 2003}\n"
    refs, findings = parse_bibtex(text, "refs.bib")
    (failed,) = [f for f in findings if f.kind.value == "unparsed-entry"]
    assert failed.message.startswith("line 3: could not parse BibTeX block '@article{m2,'")
    assert failed.message.endswith("; line 5 opens a '{' it does not close: title = {Unbalanced {brace},")


def test_a_block_on_one_line_that_fails_counts_its_braces():
    """An entry written on one line, "@book{b, title={{B}, year=2019}", got bibtexparser's message alone: its braces
    are counted (session 16, user)."""
    text = "@book{a, title={A}, year=2019}\n@book{b, title={{B}, year=2019}\n@book{c, title={C}, year=2020}\n"
    refs, findings = parse_bibtex(text, "refs.bib")
    (failed,) = [f for f in findings if f.kind.value == "unparsed-entry"]
    assert failed.message.startswith("line 2: ") and failed.message.endswith("; line 2 opens 3 '{' and closes 2")
    assert [r.key for r in refs] == ["a", "c"]
