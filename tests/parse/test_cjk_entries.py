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


def test_a_gb_t_7714_article_keeps_its_title_and_journal():
    ref = read_one("王建国, 李明, 张伟. 中国城市化的空间格局[J]. 地理学报, 2019, 74(3): 401-415.")
    assert len(ref.authors) == 3 and ref.type.name == "ARTICLE"
    assert (ref.title, ref.container, ref.year, ref.volume, ref.issue, ref.pages) == (
        "中国城市化的空间格局", "地理学报", 2019, "74", "3", "401-415")


def test_a_gb_t_7714_book_and_an_online_article():
    ref = read_one("陈晓红. 城市经济学[M]. 2版. 北京: 高等教育出版社, 2018: 45-60.")
    assert (ref.title, ref.edition, ref.place, ref.publisher, ref.year, ref.pages, ref.type.name) == (
        "城市经济学", "2", "北京", "高等教育出版社", 2018, "45-60", "BOOK")
    ref = read_one("刘洋, 赵敏. 人口迁移与城市发展[J/OL]. 人口研究, 2020, 44(2): 33-47[2022-03-12]. https://www.example.cn/liu2020.")
    assert (ref.title, ref.container, ref.pages, ref.accessed) == ("人口迁移与城市发展", "人口研究", "33-47", "2022-03-12")
    assert [u.url for u in ref.urls] == ["https://www.example.cn/liu2020"]


def test_a_korean_list_in_apa_order_keeps_every_author():
    ref = read_one("최지영, 정수진, 한동훈 (2021). 젠트리피케이션 연구. 국토연구, 108, 1-20.")
    assert [n.family for n in ref.authors] == ["최지영", "정수진", "한동훈"]
    assert (ref.title, ref.container, ref.volume, ref.pages, ref.year) == ("젠트리피케이션 연구", "국토연구", "108", "1-20", 2021)
    ref = read_one("김철수 (2019). 도시 재생의 이해. 서울: 한울아카데미.")
    assert (ref.title, ref.place, ref.publisher) == ("도시 재생의 이해", "서울", "한울아카데미")


def test_korean_and_written_onto_the_first_name_joins_two_listed_names():
    found = find_citations(CleanText.identity("d.md", "이영희와 박민수(2020)는 이를 분석하였다."), known_titles=("이영희", "박민수"))
    assert [(c.name_texts, c.year) for c in found] == [(("이영희", "박민수"), 2020)]
    assert find_citations(CleanText.identity("d.md", "한국전쟁과 휴전(1953)의 역사."), known_titles=("이영희",)) == ()
