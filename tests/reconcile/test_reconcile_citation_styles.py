"""Citation styles the reconcile stage must tell apart: MLA's author-page (no years asked for, a
number is a page, a short title picks one of an author's works), APA's republished works
("1962/1996") and year suffixes the reference list does not give."""
from __future__ import annotations

import dataclasses

from citecheck.model import Citation, CitedName, EntryType, Kind, Severity, Span
from citecheck.reconcile import reconcile
from citecheck.reconcile.checks import author_page_style


def written(text: str, *names: str, year: int | None = None, locator: str = "") -> Citation:
    """A citation as the reader makes it, with its text as written."""
    span = Span(file="e.md", line=1, column=1, start=0, end=len(text))
    return Citation(text=text, span=span, names=tuple(CitedName(n, span) for n in names), year=year, locator=locator)


def mla_ref(ref, key, family, title, year, kind=EntryType.BOOK):
    made = ref(key, family, title=title, year=year)
    return dataclasses.replace(made, raw=f"{family}, Zadie. *{title}*. Penguin, {year}.", type=kind)


def test_one_mla_author_page_citation_is_not_asked_for_a_year(ref):
    okafor = mla_ref(ref, "okafor2015", "Okafor", "Haunted Narratives", 2015)
    result = reconcile([written("Okafor 12", "Okafor", locator="12")], [okafor], ())
    assert result.findings == () and result.targets == ("okafor2015",)
    unknown = dataclasses.replace(okafor, raw="@book{okafor2015, title = {Haunted Narratives}, year = 2015}")
    assert reconcile([written("Okafor 12", "Okafor", locator="12")], [unknown], ()).findings == ()


def test_a_bare_page_against_author_date_entries_is_asked_for_the_year_before_the_page(ref):
    okafor = ref("okafor2015", "Okafor", title="Haunted Narratives", year=2015)  # "Okafor. (2015). ..."
    (finding,) = reconcile([written("Okafor 12", "Okafor", locator="12")], [okafor], ()).findings
    assert finding.kind is Kind.CITATION_MISSING_YEAR and finding.fix.after == "Okafor 2015, 12"
    (finding,) = reconcile([written("Okafor, p. 12", "Okafor", locator="p. 12")], [okafor], ()).findings
    assert finding.fix.after == "Okafor, 2015, p. 12"


def test_mla_shaped_entries_make_an_undated_citation_mla(ref):
    okafor = mla_ref(ref, "okafor2015", "Okafor", "Haunted Narratives", 2015)
    assert author_page_style([written("Okafor", "Okafor")], [okafor])
    assert not author_page_style([written("Okafor", "Okafor")], [ref("okafor2015", "Okafor", title="Haunted", year=2015)])


def test_an_author_date_document_is_still_asked_for_years(ref, cite):
    refs = [ref("okafor2015", "Okafor", title="Haunted Narratives", year=2015), ref("roe2001", "Roe", title="Costs", year=2001)]
    citations = [written("Okafor 12", "Okafor", locator="12"), cite("Roe", year=2001)]
    (finding,) = reconcile(citations, refs, ()).findings
    assert finding.kind is Kind.CITATION_MISSING_YEAR and finding.fix.after == "Okafor 2015, 12"


def test_in_an_mla_document_a_number_after_a_name_is_a_page(ref):
    okafor = mla_ref(ref, "okafor2015", "Okafor", "Haunted Narratives", 2015)
    citations = [written("Okafor 12", "Okafor", locator="12"), written("Okafor 1234", "Okafor", year=1234)]
    result = reconcile(citations, [okafor], ())
    assert result.findings == () and result.targets == ("okafor2015", "okafor2015")
    # in a Harvard document the same number is a year, and it differs
    roe = ref("roe1999", "Roe", title="Old things", year=1999)
    harvard = [written("Okafor 2015", "Okafor", year=2015), written("Roe 1400", "Roe", year=1400)]
    (finding,) = reconcile(harvard, [okafor, roe], ()).findings
    assert finding.kind is Kind.YEAR_MISMATCH and finding.citation == "Roe 1400"


def test_an_mla_short_title_picks_one_of_an_authors_works(ref):
    refs = [mla_ref(ref, "smith2010", "Smith", "Beloved Reconsidered: Essays", 2010),
            mla_ref(ref, "smith2000", "Smith", "White Teeth", 2000)]
    citations = [written("Smith, *Beloved Reconsidered* 44", "Smith", locator="44"),
                 written('Smith, "White Teeth" 3', "Smith", locator="3")]
    result = reconcile(citations, refs, ())
    assert result.targets == ("smith2010", "smith2000") and result.findings == ()


def test_an_mla_short_title_no_entry_has_is_a_missing_reference(ref):
    refs = [mla_ref(ref, "smith2010", "Smith", "Beloved Reconsidered", 2010),
            mla_ref(ref, "smith2000", "Smith", "White Teeth", 2000)]
    result = reconcile([written("Smith, *On Beauty* 12", "Smith", locator="12"),
                        written("Smith, *White Teeth* 2", "Smith", locator="2")], refs, ())
    kinds = [(f.kind, f.severity) for f in result.findings]
    assert kinds == [(Kind.MISSING_REFERENCE, Severity.ERROR), (Kind.UNCITED_REFERENCE, Severity.WARNING)]
    missing = result.findings[0]
    assert 'no entry by Smith has a title starting "On Beauty"' in missing.message
    assert [e.detail.split(": ")[1] for e in missing.evidence] == ["smith2010", "smith2000"]


def test_an_ambiguous_mla_citation_is_told_to_add_a_short_title_not_a_year(ref):
    refs = [mla_ref(ref, "smith2010", "Smith", "Beloved Reconsidered", 2010),
            mla_ref(ref, "smith2000", "Smith", "White Teeth", 2000, kind=EntryType.ARTICLE)]
    citations = [written("Smith 44", "Smith", locator="44"), written("Smith 45", "Smith", locator="45")]
    (finding,) = [f for f in reconcile(citations, refs, ()).findings if f.kind is Kind.AMBIGUOUS_CITATION]
    assert "add a short title" in finding.message and "year" not in finding.message
    assert '(Smith, *Beloved Reconsidered* 44) for smith2010, (Smith, "White Teeth" 44) for smith2000' in finding.message


def test_a_year_suffix_no_entry_has_is_a_missing_reference_naming_the_others(ref):
    refs = [ref("smith2020a", "Smith", title="Heat and cities", year=2020, suffix="a"),
            ref("smith2020b", "Smith", title="Heat and rivers", year=2020, suffix="b")]
    citations = [written("Smith, 2020a", "Smith", year=2020), written("Smith, 2020c", "Smith", year=2020)]
    citations = [dataclasses.replace(citations[0], year_suffix="a"), dataclasses.replace(citations[1], year_suffix="c")]
    result = reconcile(citations, refs, ())
    assert result.targets == ("smith2020a", None)
    missing, uncited = result.findings
    assert missing.kind is Kind.MISSING_REFERENCE and "the list gives Smith 2020a, 2020b, not 2020c" in missing.message
    assert [e.detail.split(": ")[1] for e in missing.evidence] == ["smith2020a", "smith2020b"]
    assert uncited.kind is Kind.UNCITED_REFERENCE and uncited.reference == "smith2020b"


def test_a_republished_work_matches_on_its_later_year(ref):
    kuhn = ref("kuhn1996", "Kuhn", title="The structure of scientific revolutions", year=1996)
    citation = written("Kuhn, 1962/1996", "Kuhn", year=1996)
    with_original = dataclasses.replace(kuhn, extra=(("origdate", "1962"),))
    assert reconcile([citation], [with_original], ()).findings == ()
    (note,) = reconcile([citation], [kuhn], ()).findings  # the entry does not say when it first came out
    assert (note.kind, note.severity) == (Kind.YEAR_MISMATCH, Severity.INFO) and note.fix is None
    assert "(Original work published 1962)" in note.message
    (other,) = reconcile([citation], [dataclasses.replace(kuhn, extra=(("origdate", "1963"),))], ()).findings
    assert other.severity is Severity.WARNING and "1963" in other.message


def test_mla_entries_make_a_lone_four_digit_page_a_page(ref):
    okafor = mla_ref(ref, "okafor2015", "Okafor", "Haunted Narratives", 2015)
    result = reconcile([written("Okafor 1234", "Okafor", year=1234)], [okafor], ())
    assert result.findings == () and result.targets == ("okafor2015",)
    apa = ref("okafor2015", "Okafor", title="Haunted Narratives", year=2015)  # year after the names: a year
    (finding,) = reconcile([written("Okafor 1234", "Okafor", year=1234)], [apa], ()).findings
    assert finding.kind is Kind.YEAR_MISMATCH
