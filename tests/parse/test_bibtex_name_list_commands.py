"""A name after the first that opens with a TeX command keeps it: "Ozil, M. and \\v{S}koda, K." is Škoda.
bibtexparser 2.1's splitter dropped the command, so the second author was "Skoda" (and "\\'{E}mile Zola"
"Emile", "\\AA{}ngstr\\"om" "Angstr"om") in every output (session 12, structured 50)."""
from __future__ import annotations

import pytest

from citecheck.parse.bibtex import parse_bibtex, split_multiple_persons_names


@pytest.mark.parametrize(("written", "family", "given"), [
    (r"\v{S}koda, Karel", "Škoda", "Karel"),
    (r"\c{C}elik, Ay{\c{s}}e", "Çelik", "Ayşe"),
    (r"\'{E}mile Zola", "Zola", "Émile"),
    (r"\AA{}ngstr\"om, Anders", "Ångström", "Anders"),
])
def test_a_later_name_opening_with_a_command_keeps_it(written, family, given):
    (ref,), _ = parse_bibtex(f"@article{{a, author = {{Ozil, Mesut and {written}}}, title = {{T}}, year = 2001}}",
                             "a.bib")
    assert [(n.family, n.given) for n in ref.authors] == [("Ozil", "Mesut"), (family, given)]


def test_the_splitter_splits_as_bibtex_does():
    assert split_multiple_persons_names("A and {B and C} and D") == ["A", "{B and C}", "D"]
    assert split_multiple_persons_names("A AND B") == ["A", "B"] and split_multiple_persons_names("A~and~B") == ["A~and~B"]
    assert split_multiple_persons_names("Smith, John and and Doe, Jane") == ["Smith, John", "Doe, Jane"]
    assert split_multiple_persons_names("Anderson, A and Band, B\nand\nSand, C") == ["Anderson, A", "Band, B", "Sand, C"]
    assert split_multiple_persons_names(r"A and \{x and y\}") == ["A", r"\{x", r"y\}"]
    assert split_multiple_persons_names("  ") == []


@pytest.mark.parametrize(("authors", "said"), [
    ("Smith, John and and Doe, Jane", "author has two 'and's in a row (an empty name: biber skips the whole entry)"),
    ("Smith, John and", "author ends with 'and'"),
    ("and Smith, John", "author opens with 'and'"),
])
def test_a_stray_and_is_a_warning_and_read_without(authors, said):
    """biber skips an entry whose name list has two "and"s in a row ("Name ... is empty (probably consecutive
    'and')"), and bibtex prints "John~and Smith" for a trailing one; check said nothing (structured 50)."""
    (ref,), _ = parse_bibtex(f"@article{{a, author = {{{authors}}}, title = {{T}}, journal = {{J}}, year = 2001}}",
                             "a.bib")
    assert [f.message for f in ref.findings if said in f.message] and ref.authors[0].family == "Smith"
    assert all(n.family != "and" and "and" not in n.given for n in ref.authors)
