"""Entries and citations in Chinese or Japanese characters (SIST 02's order): no field of them is lost, and
"（山田, 2018）" and "鈴木・佐藤（2020）" cite the entries the list has, and nothing else."""
from __future__ import annotations

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations

from one_reference import read_one


def test_a_book_in_japanese():
    ref = read_one("山田太郎. 人口減少社会の行方. 東京大学出版会, 2018, 256p.")
    assert [(n.family, n.given) for n in ref.authors] == [("山田", "太郎")]
    assert (ref.title, ref.publisher, ref.year, ref.note, ref.type.name) == (
        "人口減少社会の行方", "東京大学出版会", 2018, "256p", "BOOK")


def test_an_article_in_japanese():
    ref = read_one("鈴木一郎, 佐藤花子. 地方都市の人口動態. 日本地理学会誌. 2020, vol. 93, no. 2, p. 101-120.")
    assert [n.family for n in ref.authors] == ["鈴木", "佐藤"]
    assert (ref.title, ref.container, ref.year, ref.volume, ref.issue, ref.pages) == (
        "地方都市の人口動態", "日本地理学会誌", 2020, "93", "2", "101-120")


def test_an_entry_in_latin_letters_is_left_to_the_other_readings():
    ref = read_one("Tanaka, Hiroshi. Demographic change in rural Japan. Journal of Asian Studies. 2017, vol. 76, "
                   "no. 3, p. 611-630.")
    assert (ref.authors[0].family, ref.container, ref.volume) == ("Tanaka", "Journal of Asian Studies", "76")


def test_citations_in_full_width_brackets_name_listed_authors_only():
    text = "人口減少は続いている（山田, 2018）。鈴木・佐藤（2020）は論じた。令和2年（2020）。東京（東京, 2020）。"
    found = find_citations(CleanText.identity("d.md", text), known_titles=["山田", "鈴木", "佐藤"])
    assert [(c.name_texts, c.year, c.narrative) for c in found] == [
        (("山田",), 2018, False), (("鈴木", "佐藤"), 2020, True)]
    assert [text[c.span.start : c.span.end] for c in found] == ["山田, 2018", "鈴木・佐藤（2020）"]
