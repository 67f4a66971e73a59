"""People known by a name that is not a family name (Ethiopian, Eritrean, Indonesian, Burmese names): "(Tedros,
2021)" cites "Tedros Adhanom Ghebreyesus (2021)", a match with an info note, where it was a missing reference
and an uncited entry."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind, Name, Severity
from citecheck.pipeline import check
from citecheck.reconcile import reconcile


def _findings(result, severity=None):
    return [(f.kind, f.severity) for f in result.findings if severity is None or f.severity is severity]


def test_a_given_name_of_the_only_entry_of_the_year_is_a_match_with_a_note(cite, ref):
    refs = [ref("tedros", Name(literal="Tedros Adhanom Ghebreyesus", raw=""), title="Five vaccine lessons", year=2021),
            ref("ghebreyesus", Name(family="Ghebreyesus", given="Tedros Adhanom", raw=""), title="Lessons", year=2020),
            ref("suukyi", Name(literal="Aung San Suu Kyi", raw=""), title="Freedom from fear", year=1991)]
    citations = [cite("Tedros", year=2021), cite("Tedros", year=2020), cite("Suu Kyi", year=1991),
                 cite("Tedros", year=2019)]
    result = reconcile(citations, refs, ())
    assert result.targets == ("tedros", "ghebreyesus", "suukyi", None)  # another year: still missing
    notes = [f for f in result.findings if f.severity is Severity.INFO]
    assert [(f.kind, f.reference) for f in notes] == [(Kind.NAME_MISMATCH, "tedros"), (Kind.NAME_MISMATCH, "ghebreyesus"),
                                                      (Kind.NAME_MISMATCH, "suukyi")]
    assert 'names Tedros Adhanom Ghebreyesus by "Tedros", a name that is not a family name' in notes[0].message
    assert [f.kind for f in result.findings if f.severity is Severity.ERROR] == [Kind.MISSING_REFERENCE]


def test_no_match_from_initials_an_organisation_a_compound_family_name_or_two_entries(cite, ref):
    refs = [ref("initials", Name(family="Ghebreyesus", given="T. A.", raw=""), title="Vaccines", year=2021),
            ref("health", Name(literal="Ministry of Health", raw=""), title="Report", year=2020),
            ref("bank", Name(literal="Asian Development Bank", raw=""), title="Outlook", year=2020),
            ref("garcia", Name(family="García Márquez", given="Gabriel", raw=""), title="Cien años", year=1967),
            ref("a", Name(literal="Aung San Suu Kyi", raw=""), title="Freedom", year=2019),
            ref("b", Name(literal="Aung San Suu Kyi", raw=""), title="Letters", year=2019),
            ref("smith", Name(family="Lee", given="Smith", raw=""), title="Sleep", year=2016),
            ref("jones", "Jones", title="Sleep too", year=2016)]
    citations = [cite("Tedros", year=2021), cite("Health", year=2020), cite("Development", year=2020), cite("García", year=1967),
                 cite("Suu Kyi", year=2019), cite("Smith", "Jones", year=2016)]
    result = reconcile(citations, refs, ())
    assert result.targets == (None,) * 6
    assert not [f for f in result.findings if f.severity is Severity.INFO]
    garcia = next(f for f in result.findings if f.citation == "García, 1967")
    assert garcia.kind is Kind.MISSING_REFERENCE and garcia.fix.after == "García Márquez"  # cite the whole name


def test_an_essay_citing_tedros_and_suu_kyi(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# Global health\n\nVaccine nationalism prolongs the pandemic (Tedros, 2021). Tedros (2021) called it a "
        "moral failure.\nMyanmar's crisis is documented by (Suu Kyi, 1991). Smith (2016) disagrees.\n\n"
        "## References\n\nTedros Adhanom Ghebreyesus. (2021). Five vaccine lessons. *The Lancet*, 397, 1-2.\n\n"
        "Aung San Suu Kyi. (1991). *Freedom from fear and other writings*. London: Penguin.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert result.citation_targets[:3] == (result.references[0].key,) * 2 + (result.references[1].key,)
    assert _findings(result, Severity.ERROR) == [(Kind.MISSING_REFERENCE, Severity.ERROR)]  # Smith (2016)
    assert not _findings(result, Severity.WARNING)


def test_a_title_before_the_name_is_no_part_of_it():
    # "Dr Tedros (2021)", as the WHO names him, was a citation of a name "Dr Tedros" no entry has
    from citecheck.model import CleanText
    from citecheck.parse.citations import find_citations

    text = "As Dr Tedros (2021) warned (Dr. Tedros, 2021), and Dr. Smith and Prof. Jones (2019) agree (Professor, 2019)."
    assert [c.name_texts for c in find_citations(CleanText.identity("f", text))] == [
        ("Tedros",), ("Tedros",), ("Smith", "Jones"), ("Professor",)]  # a title alone is a name as written
