"""Citations the gaps of round 10 had missed: Vietnamese names joined by "và" in a sentence, Hebrew's and Arabic's
"and" written onto the second name ("לוי ומזרחי (2020)", "حسن ومحمود (2020)"), and a cited name with a zero-width
space or a soft hyphen inside."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import CleanText
from citecheck.parse.citations import find_citations
from citecheck.pipeline import check
from clean_documents import checked_clean  # tests/clean_documents.py


def _cited(text: str, *known: str) -> list[tuple[tuple[str, ...], int | None]]:
    return [(c.name_texts, c.year) for c in find_citations(CleanText.identity("d.md", text), known)]


@pytest.mark.parametrize("text, expected", [
    # names written family name first are cited by the family names the list has, as "Kim Jong-un (2019)" cites Kim
    ("Theo Trần Thị Bình và Lê Văn Cường (2020), xu hướng.", [(("Trần", "Lê"), 2020)]),
    ("לפי לוי ומזרחי (2020) המגמה נמשכת.", [(("לוי", "מזרחי"), 2020)]),
    ("ويرى حسن ومحمود (2020) أن ذلك مستمر.", [(("حسن", "محمود"), 2020)]),
    # a listed name that merely starts with the letter stays whole
    ("גם וולך (2019) כתב.", [(("וולך",), 2019)]),
])
def test_names_joined_in_vietnamese_hebrew_and_arabic_prose(text, expected):
    assert _cited(text, "Trần", "Lê", "לוי", "מזרחי", "حسن", "محمود", "וולך") == expected


VIETNAMESE = """# Đô thị hóa

Đô thị hóa tăng nhanh (Nguyễn Văn An, 2019). Theo Trần Thị Bình và Lê Văn Cường (2020), xu hướng này tiếp diễn
(Phạm và cộng sự, 2021).

## Tài liệu tham khảo

Nguyễn Văn An (2019), *Đô thị hóa ở Việt Nam*, Nhà xuất bản Chính trị Quốc gia, Hà Nội.

Phạm Minh Đức, Hoàng Thu Hà và Vũ Quang Huy (2021), "Di cư nội địa", *Tạp chí Xã hội học*, 153(1), tr. 20-35.

Trần Thị Bình và Lê Văn Cường (2020), *Kinh tế đô thị*, Nhà xuất bản Thống kê, Hà Nội.
"""

HEBREW = """# עיור

העיור גבר (כהן, 2019). לפי לוי ומזרחי (2020) המגמה נמשכת.

## מקורות

כהן, ד' (2019). *העיר הישראלית*. ירושלים: מאגנס.

לוי, ר' ומזרחי, ש' (2020). הגירה פנימית. *מגמות*, 55(2), 100-120.
"""

ARABIC = """# التحضر

ازداد التحضر (العلي، 2019). ويرى حسن ومحمود (2020) أن ذلك مستمر.

## المراجع

العلي، أحمد (2019). *المدينة العربية*. بيروت: دار الساقي.

حسن، علي ومحمود، سارة (2020). الهجرة الداخلية. *مجلة العلوم الاجتماعية*، 48(2)، 100-120.
"""


@pytest.mark.parametrize("document, entries", [(VIETNAMESE, 3), (HEBREW, 2), (ARABIC, 2)])
def test_every_entry_is_cited_and_nothing_is_wrong(tmp_path, monkeypatch, document, entries):
    checked_clean(tmp_path, monkeypatch, document, entries)


@pytest.mark.parametrize("text, names", [
    ("(Mül\u00adler & Zhang\u200b, 2019)", ("Müller", "Zhang")),
    ("Mül\u00adler and Zhang\u200b (2019) show it.", ("Müller", "Zhang")),
    ("(Smith,\u200b 2019)", ("Smith",)),
    ("(Mül\u00ad\nler, 2019)", ("Müller",)),
])
def test_a_soft_hyphen_or_a_zero_width_space_inside_a_cited_name_is_no_part_of_it(text, names):
    (citation,) = find_citations(CleanText.identity("d.md", text), ("Müller", "Zhang", "Smith"))
    assert (citation.name_texts, citation.year) == (names, 2019)
    # the span still points at the file's characters, the invisible ones with them
    assert text[citation.span.start:citation.span.end].startswith(text.strip("(").split()[0][:3])
    assert "2019" in text[citation.span.start:citation.span.end]


def test_chicagos_original_year_before_the_year_cited():
    text = "Ritual binds (Durkheim [1912] 1995, 44), as Weber ([1905] 2002) argued; (Mauss 1990 [1925])."
    assert _cited(text, "Durkheim", "Weber", "Mauss") == [(("Durkheim",), 1995), (("Weber",), 2002), (("Mauss",), 1990)]


def test_an_abbreviation_apa_defines_after_the_whole_name_cites_that_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# T\n\nThe Centers for Disease Control and Prevention (CDC, 2019) reported it; CDC (2019) said so again,\n"
        "and (CDC, 2019) a third time. Budgets rose (National Aeronautics and Space Administration [NASA], 2020).\n\n"
        "## References\n\n"
        "Centers for Disease Control and Prevention. (2019). *Measles cases and outbreaks*. https://www.cdc.gov/measles/\n\n"
        "National Aeronautics and Space Administration. (2020). *Budget request*. https://www.nasa.gov/budget2020\n",
        encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []
    assert len(result.citations) == 4


def test_an_abbreviation_after_a_name_the_list_does_not_have_defines_nothing():
    text = "The Food Safety Board (FSB, 2019) agrees, and FSB (2019) again."
    assert _cited(text, "Centers for Disease Control and Prevention") == [(("FSB",), 2019), (("FSB",), 2019)]


def test_a_group_author_listed_by_its_abbreviation_is_cited_by_its_name_and_abbreviation(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# T\n\nSegún el informe de la CEPAL (2017), y (Comisión Económica para América Latina y el Caribe [CEPAL], 2017).\n\n"
        "## Referencias\n\nCEPAL. (2017). *Panorama social de América Latina*. Santiago: CEPAL.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []


def test_iso_690_names_in_capitals_joined_by_et_are_all_cited(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# T\n\nLe débat reste vif (DUPUY et MARTIN 2019, p. 12).\n\n## Bibliographie\n\n"
        "DUPUY, Gabriel et MARTIN, Claire. Les villes face à l'automobile. *Flux*. 2019, n° 115, p. 5-20.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []


@pytest.mark.parametrize("text", ["while Smith *et al.* (2021) are cautious.", "(Smith *et al.*, 2021)",
                                  "(Smith _et al._, 2021)", "Smith *et al*. (2021) agree."])
def test_an_italic_et_al_is_et_al(text):
    (citation,) = find_citations(CleanText.identity("d.md", text), ("Smith",))
    assert (citation.name_texts, citation.year, citation.etal) == (("Smith",), 2021, True)


def test_a_harvard_list_with_a_republished_work_and_italic_et_al_is_all_cited(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# T\n\nPiaget (1966/2000) is an older view, and Smith *et al.* (2021) are cautious.\n\n## Reference list\n\n"
        "Piaget, J. (1966/2000) *The psychology of the child*. Translated by H. Weaver. New York: Basic Books.\n\n"
        "Smith, A., Jones, B., Brown, C. and Taylor, D. (2021) 'Sea level rise and coastal cities', *Nature Climate "
        "Change*, 11, pp. 100–108.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []
    assert [r.year for r in result.references] == [1966, 2021]  # the list's first year, as it writes it
    # the entry writes when the work was first published ("1966/2000"): no note asks to add it
    assert [f.message for f in result.findings if "first published" in f.message] == []


def test_works_in_press_told_apart_by_letters_are_cited_and_matched(tmp_path, monkeypatch):
    assert _cited("See Boyd (in press-a), (Boyd, in press-b; Lee, forthcoming-a).", "Boyd", "Lee") == [
        (("Boyd",), None), (("Boyd",), None), (("Lee",), None)]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# T\n\nSee Boyd (in press-a) and Boyd (in press-b).\n\n## References\n\n"
        "Boyd, R. (in press-a). *Open data*. MIT Press.\n\nBoyd, R. (in press-b). Data ethics. *Ethics Quarterly*.\n",
        encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []
    assert [c.year_label for c in result.citations] == ["n.d.a", "n.d.b"]


def test_a_spanish_apa_list_with_a_group_author_and_its_abbreviation_is_all_cited(tmp_path, monkeypatch):
    assert _cited("Según la Organización Mundial de la Salud [OMS] (2020), y la OMS (2021) lo confirma; (WHO, 2022).",
                  "Organización Mundial de la Salud", "WHO") == [
        (("Organización Mundial de la Salud [OMS]",), 2020), (("Organización Mundial de la Salud [OMS]",), 2021),
        (("WHO",), 2022)]
    assert _cited("El informe de la CEPAL (2017) y van der Berg (2019).", "CEPAL", "Berg") == [
        (("CEPAL",), 2017), (("Berg",), 2019)]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# Agua\n\nSegún la Organización Mundial de la Salud [OMS] (2020), el acceso es desigual, y la OMS (2021) lo "
        "confirma.\n\n## Referencias\n\n"
        "Organización Mundial de la Salud. (2020). *Agua potable*. Recuperado de https://www.who.int/es/agua\n\n"
        "Organización Mundial de la Salud. (2021). *Saneamiento*. Ginebra: OMS.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []
    assert [(r.authors[0].literal, r.title) for r in result.references] == [
        ("Organización Mundial de la Salud", "Agua potable"), ("Organización Mundial de la Salud", "Saneamiento")]


def test_an_abnt_organisation_cites_the_entry_it_opens_though_read_without_authors(tmp_path, monkeypatch):
    # "ASSOCIAÇÃO ..." is read as an organisation (no title-as-author) since this round; the entry it opens is
    # read without authors: before, a missing reference and an uncited entry
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texto.md").write_text(
        "# T\n\nNormas (ASSOCIAÇÃO BRASILEIRA DE NORMAS TÉCNICAS, 2018) e (SILVA, 2009).\n\n## Referências\n\n"
        "ASSOCIAÇÃO BRASILEIRA DE NORMAS TÉCNICAS. **NBR 6023**: informação e documentação: referências: elaboração. "
        "Rio de Janeiro: ABNT, 2018.\n\nSILVA, J. A. da. **Direito constitucional**. São Paulo: Malheiros, 2009.\n",
        encoding="utf-8")
    result = check(["texto.md"], Settings())
    assert [f.message for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []
    assert result.citation_targets[0] == result.references[0].key
