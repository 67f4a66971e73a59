"""GOST 7.0.5 entries (Russian): names with initials after them, "//" before the journal, areas set apart
by ". – ", and their in-text citations in square brackets."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations
from citecheck.parse.gost_entries import read_gost_entry
from citecheck.parse.names import parse_author_list

from one_reference import read_one


def test_a_book_with_its_edition_imprint_and_extent():
    ref = read_one("Иванов И. И. Экономика России: учебник. – 3-е изд. – Москва : Юрайт, 2019. – 512 с.")
    assert [(n.family, n.given) for n in ref.authors] == [("Иванов", "И. И.")]
    assert (ref.title, ref.edition, ref.place, ref.publisher, ref.year, ref.note) == (
        "Экономика России: учебник", "3", "Москва", "Юрайт", 2019, "512 с.")
    assert ref.type.name == "BOOK"


def test_an_article_after_the_double_slash():
    ref = read_one("Петров П. П., Сидоров С. С. Санкции и торговля // Мировая экономика и международные "
                   "отношения. – 2020. – Т. 64, № 2. – С. 5–15.")
    assert [n.family for n in ref.authors] == ["Петров", "Сидоров"]
    assert (ref.title, ref.container, ref.year, ref.volume, ref.issue, ref.pages, ref.type.name) == (
        "Санкции и торговля", "Мировая экономика и международные отношения", 2020, "64", "2", "5–15", "ARTICLE")


@pytest.mark.parametrize("entry", [
    "Smith J. Vaccination coverage — United States, 2018. MMWR Morb Mortal Wkly Rep. 2019;68(5):101-105.",
    "Иванов И. И. Экономика России. – Москва : Юрайт, 2019. – Непонятная область.",
    "Smith, John. 2019. The Title – A Subtitle. London: Verso.",
])
def test_entries_in_no_gost_shape_are_left_to_the_other_readings(entry):
    assert read_gost_entry(entry) is None


def test_names_with_dotted_initials_after_them():
    assert [(n.family, n.given) for n in parse_author_list("Петров П. П., Сидоров С. С.")] == [
        ("Петров", "П. П."), ("Сидоров", "С. С.")]
    assert [(n.family, n.given) for n in parse_author_list("Smith J.A.")] == [("Smith", "J. A.")]
    assert [n.literal for n in parse_author_list("Greenpeace U.K.")] == ["Greenpeace U.K."]


def test_citations_in_square_brackets_and_with_i():
    text = "Рост замедлился [Кузнецова, 2018, с. 45]. Петров и Сидоров (2020) объясняют. См. [1932] AC 562."
    found = find_citations(CleanText.identity("d.md", text), known_titles=["Кузнецова", "Петров", "Сидоров"])
    assert [(c.name_texts, c.year, c.locator) for c in found] == [
        (("Кузнецова",), 2018, "с. 45"), (("Петров", "Сидоров"), 2020, "")]


def test_a_bracket_naming_no_listed_author_is_no_citation():
    text = "See [Smith 2019](https://example.org) and [Jones, 2020] here."
    assert find_citations(CleanText.identity("d.md", text), known_titles=["Smith"]) == ()
