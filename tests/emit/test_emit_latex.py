"""Escaping by field: text, titles, URLs, names."""
from __future__ import annotations

import re

import pytest

from citecheck.emit.latex import escape_text, escape_title, escape_url, format_name, format_names
from citecheck.model import Name
from citecheck.parse.bibtex import decode_text, parse_names

HOSTILE = [
    r"$\input{/etc/passwd}$",
    r"\write18{rm -rf /}",
    r"\openout1=evil.tex",
    "^^5cinput{x}",
    "}{",
    "a % comment? # _ & ~ ^ { } \\ < > |",
    "\\",
]
DANGEROUS = re.compile(r"\\(input|include|write|openout|immediate|catcode|def|csname|string)\b|\^\^")


def balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("escape", [escape_text, escape_title])
def test_specials_come_out_inert_balanced_and_decode_back(text, escape):
    out = escape(text)
    assert not DANGEROUS.search(out)
    assert balanced(out)
    assert not re.search(r"(?<!\\)[%#&$_~^]", out)  # every special is escaped
    assert "\\{" not in out and "\\}" not in out  # BibTeX would count those braces
    assert decode_text(out) == text


def test_unicode_letters_and_punctuation_stay_utf8():
    text = "Zoë Ångström — “quotes” ‘single’ über ça naïve 北朝鮮 …"
    assert escape_text(text) == text


def test_whitespace_and_control_characters_collapse():
    assert escape_text("  a\n\n b\tc\x00d ") == "a b c d"


@pytest.mark.parametrize("title, expected", [
    ("NGO work in the DPRK", "{NGO} work in the {DPRK}"),
    ("COVID-19 and the UN", "{COVID-19} and the {UN}"),
    ("The iPhone and McDonald's", "The {iPhone} and {McDonald}'s"),
    ("Cross-Border Trafficking in A Nutshell", "Cross-Border Trafficking in A Nutshell"),
    ("I, Robot", "I, Robot"),
    ("AT&T 100%", "{AT}\\&T 100\\%"),
])
def test_titles_protect_acronyms_and_internal_capitals(title, expected):
    assert escape_title(title) == expected
    assert decode_text(escape_title(title)) == title


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a_b?x=1&y=2#frag", "https://example.org/a_b?x=1&y=2#frag"),
    ("https://example.org/a%20b", "https://example.org/a%20b"),
    ("https://example.org/a b", "https://example.org/a%20b"),
    ("https://example.org/{x}\\y", "https://example.org/%7Bx%7D%5Cy"),
    ("https://example.org/100%", "https://example.org/100%25"),
    ("https://example.org/%zz", "https://example.org/%25zz"),
    ('https://example.org/"q"<a>^`|', "https://example.org/%22q%22%3Ca%3E%5E%60%7C"),
    ("https://example.org/ü", "https://example.org/%C3%BC"),
    ("https://bücher.de/x", "https://xn--bcher-kva.de/x"),
    ("  https://example.org/~user/  ", "https://example.org/~user/"),
    ("10.1002/(SICI)1097<693::AID>3.0.CO;2-O", "10.1002/(SICI)1097%3C693::AID%3E3.0.CO;2-O"),
])
def test_urls_are_percent_encoded_not_latex_escaped(url, expected):
    assert escape_url(url) == expected
    assert escape_url(expected) == expected


@pytest.mark.parametrize("name, written", [
    (Name(literal="United Nations Office on Drugs and Crime"), "{United Nations Office on Drugs and Crime}"),
    (Name(literal="AT&T"), "{AT\\&T}"),
    (Name(family="Zaugg", given="Julie"), "Zaugg, Julie"),
    (Name(family="Beethoven", given="Ludwig", particle="van"), "van Beethoven, Ludwig"),
    (Name(family="King", given="Martin Luther", suffix="Jr"), "King, Jr, Martin Luther"),
    (Name(family="Brinch Hansen", given="Per"), "{Brinch Hansen}, Per"),
    (Name(family="Smith and Sons", given="J"), "{Smith and Sons}, J"),
    (Name(family="Cher"), "Cher"),
    (Name(family="Le Guin"), "{Le Guin}"),
])
def test_names(name, written):
    assert format_name(name) == written


def test_names_read_back():
    names = (
        Name(literal="United Nations Office on Drugs and Crime"), Name(family="Zaugg", given="Julie"),
        Name(family="Beethoven", given="Ludwig", particle="van der"), Name(family="King", given="Martin Luther", suffix="Jr"),
        Name(family="de la Cruz", given="María José"), Name(family="Cher"), Name(family="Ünal", given="Ali, Jr"),
    )
    back = parse_names(format_names(names))
    assert tuple((n.family, n.given, n.particle, n.suffix, n.literal) for n in back) == tuple(
        (n.family, n.given, n.particle, n.suffix, n.literal) for n in names)
