"""BibTeX input: @string macros joined with ``#``, and title groups protected from case changes."""
from __future__ import annotations

import pytest

from citecheck.model import Reference
from citecheck.parse.bibtex import decode_text, iter_bibtex, parse_bibtex, protected_title
from citecheck.parse.bibtex_blocks import text_pieces

MACROS = """@string{ mwp  = "Musikwissenschaftlicher Verlag" }
@STRING{Full = MWP # { Wien}}

@incollection{dvorak2006,
  author    = {Dvo{\\v{r}}{\\'a}k, Tom{\\'a}{\\v{s}}},
  title     = {Parish music},
  booktitle = {Kirchenmusik nach dem Krieg},
  publisher = mwp # " (Kirchenmusik series)",
  address   = full,
  note      = "Part " # 2 # { of } # undefinedmacro,
  year      = {2006},
}

@misc{plain, title = {A {\\#} sign # and "quotes"}, howpublished = "x # y", year = 2001}

@incollection{dvorak2006,
  title     = {A repeated key},
  publisher = mwp # " (again)",
}
"""


def test_a_macro_concatenated_with_text_is_expanded():
    refs, findings = parse_bibtex(MACROS, "refs.bib")
    dvorak = refs[0]
    assert dvorak.publisher == "Musikwissenschaftlicher Verlag (Kirchenmusik series)"
    assert dvorak.place == "Musikwissenschaftlicher Verlag Wien"  # a macro itself concatenated
    assert dvorak.note == "Part 2 of undefinedmacro"  # an undefined macro keeps its name
    assert refs[2].publisher == "Musikwissenschaftlicher Verlag (again)"  # the repeated-key entry too


def test_a_hash_inside_braces_or_quotes_is_text():
    plain = parse_bibtex(MACROS, "refs.bib")[0][1]
    assert plain.title == 'A # sign # and "quotes"'
    assert plain.container == "x # y"


@pytest.mark.parametrize("size", [1, 40, 1 << 20])
def test_concatenation_works_whatever_the_chunks(size):
    items = list(iter_bibtex(lambda: text_pieces(MACROS, 13), "refs.bib", size=size))
    refs = [i for i in items if isinstance(i, Reference)]
    assert [r.publisher for r in refs] == [r.publisher for r in parse_bibtex(MACROS, "refs.bib")[0]]
    assert refs[0].publisher == "Musikwissenschaftlicher Verlag (Kirchenmusik series)"


PROTECTED = r"""@book{g, author = {G, H}, title = {Stimmen der Stadt: {Laienchöre} in {Wien}, 1945--1965}, year = 2012}
@article{k, author = {K, A}, title = {Choirs on tour: across the {Iron Curtain}}, journal = {J}, year = 2016}
@article{s, author = {S, F}, title = {Returning voices: {\'e}migr{\'e} conductors and the {NGO} sector}, journal = {J}, year = 2019}
"""


def test_protected_title_groups_are_kept_beside_the_plain_title():
    g, k, s = parse_bibtex(PROTECTED, "refs.bib")[0]
    assert g.title == "Stimmen der Stadt: Laienchöre in Wien, 1945\u20131965"  # plain, for matching and CSL/RIS
    assert dict(g.extra)["bibtex:title"] == "Stimmen der Stadt: {Laienchöre} in {Wien}, 1945\u20131965"
    assert dict(k.extra)["bibtex:title"] == "Choirs on tour: across the {Iron Curtain}"
    # accents in braces protect nothing; {NGO} is protected on output anyway
    assert s.title == "Returning voices: émigré conductors and the NGO sector" and "bibtex:title" not in dict(s.extra)


@pytest.mark.parametrize("value, marked", [
    (r"{The {NGO} Story}", "{The NGO Story}"),
    (r"\emph{Foo} and {Bar}", "Foo and {Bar}"),
    (r"A { spaced } group", "A {spaced} group"),
    (r"x {}", ""),
    (r"{\"U}ber", ""),
    (r"no groups", ""),
])
def test_protected_title(value, marked):
    assert protected_title(value, decode_text(value)) == marked


def test_an_undefined_macro_is_said_with_its_entrys_line():
    """bibtex warns of a macro no @string defines ("ieee" for "IEEE"); citecheck kept its name as text silently."""
    refs, findings = parse_bibtex(MACROS, "refs.bib")
    assert refs[0].note == "Part 2 of undefinedmacro"
    said = [f.message for f in findings if "undefinedmacro" in f.message]
    assert said == ["line 4: field note uses the @string macro 'undefinedmacro', which no @string in the file defines "
                    "(bibtex warns and leaves it out); kept as the text 'undefinedmacro'"]
    assert not [f for f in findings if "'mwp'" in f.message or "'full'" in f.message]  # defined, in any case
    (ref,), quiet = parse_bibtex('@article{a, title = {T}, year = 2001, month = feb, volume = 3}', "refs.bib")
    assert quiet == ()  # the months are bibtex's own macros, a number no macro


def test_a_month_with_its_day_is_the_date():
    """BibTeX's documented ``month = jan # "~15"`` was left as a month "jan 15" biber rejects, the date the year."""
    (ref,), _ = parse_bibtex('@article{a, title = {T}, year = 2001, month = jan # "~15"}', "refs.bib")
    assert dict(ref.extra)["date"] == "2001-01-15" and "month" not in dict(ref.extra)
