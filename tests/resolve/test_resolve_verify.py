"""verify_references: what evidence finds that no citation reveals (metadata-mismatch, missing-field)."""
from __future__ import annotations

import pytest
import responses

from citecheck.model import EntryType, Finding, Fix, Kind, Severity, Target
from citecheck.resolve import offline_sources, verify_references
from citecheck.resolve.crossref import CrossrefClient
from citecheck.resolve.page_source import PageAuthorEvidence, PageFetcher
from citecheck.resolve.record import RecordAuthor, WorkRecord
from citecheck.resolve.work_sources import CrossrefEvidence

DOI = "10.1353/sais.2006.0004"
DAVIS = "Brides, Bruises and the Border: The Trafficking of North Korean Women into China"
FOX = "/opengraph.html"


class Fixed:
    """A work source that always finds ``record`` (or fails: None)."""

    name = "fixed source"

    def __init__(self, record):
        self.record = record
        self.asked = 0

    def lookup(self, reference):
        self.asked += 1
        return self.record


@pytest.fixture
def crossref(transport, clock):
    return CrossrefEvidence(CrossrefClient(transport, user_agent="t", clock=clock, sleep=clock.sleep))


def test_a_name_misspelled_in_the_bibliography_only(page_server, local_transport, reference):
    ref = reference("keiper2019", "Keiper, Andrew", "Chiamonte, Perry", title="Human trafficking in America among "
                    "worst in world: Report", year=2019, type=EntryType.NEWS, urls=(page_server + FOX,))
    pages = PageAuthorEvidence(PageFetcher(local_transport, user_agent="t"), wayback_base=None)
    (finding,) = verify_references([ref], [pages], priors=offline_sources())
    assert (finding.kind, finding.severity, finding.reference) == (Kind.METADATA_MISMATCH, Severity.WARNING, "keiper2019")
    assert finding.fix == Fix(target=Target.REFERENCE, field="author", before="Chiamonte", after="Chiaramonte",
                              locations=(ref.span,), reference="keiper2019", confidence=finding.fix.confidence)
    assert finding.fix.confidence >= 0.8
    page = finding.evidence[0]
    assert (page.source, page.supports, page.weight) == ("cited page metadata", "Chiaramonte", 3.0)
    assert f"({page_server}{FOX}) names 'Perry Chiaramonte'" in page.detail
    assert 'gives author "Chiamonte" but cited page gives "Chiaramonte"' in finding.message


def test_the_truncated_davis_doi_is_filled_from_crossref(transport, fixture_text, crossref, reference):
    ref = reference("davisBrides2006", "Davis, Kathleen", title=DAVIS, year=2006, type=EntryType.ARTICLE,
                    container="SAIS Review of International Affairs", extra=(("doi_fragment", "d6.0004"),))
    with responses.RequestsMock() as mock:
        mock.get("https://api.crossref.org/works", body=fixture_text("crossref_search_davis.json"),
                 content_type="application/json")
        (finding,) = verify_references([ref], [crossref])
    assert (finding.kind, finding.severity) == (Kind.MISSING_FIELD, Severity.INFO)
    assert (finding.fix.target, finding.fix.field, finding.fix.before, finding.fix.after) == (
        Target.REFERENCE, "doi", "", DOI)
    assert finding.fix.confidence >= 0.95
    assert "it has only 'd6.0004'" in finding.message
    assert [e.source for e in finding.evidence] == ["Crossref", "bibliography"]  # the fragment agrees


def test_a_wrong_year_and_a_different_title_from_an_exact_doi_are_listed_for_review(transport, fixture_text, crossref,
                                                                                    reference):
    ref = reference("davis", "Davis, Kathleen", title="Women on the Tumen river", year=2007,
                    type=EntryType.ARTICLE, doi=DOI)
    with responses.RequestsMock() as mock:
        mock.get(f"https://api.crossref.org/works/{DOI}", body=fixture_text("crossref_work_davis.json"),
                 content_type="application/json")
        year, title = verify_references([ref], [crossref])
    assert (year.kind, year.fix.field, year.fix.before, year.fix.after) == (Kind.METADATA_MISMATCH, "year", "2007", "2006")
    assert (title.fix.field, title.fix.after) == ("title", DAVIS)
    assert year.fix.confidence < 0.8 and title.fix.confidence < 0.8
    assert "listed for review" in year.message and "citations of this work give the year too" in year.message


def test_agreeing_references_and_failed_lookups_give_no_findings(reference):
    ref = reference("davis", "Davis, Kathleen", title=DAVIS, year=2006, type=EntryType.ARTICLE, doi=DOI)
    agreeing = WorkRecord(source="Crossref", authors=(RecordAuthor("Kathleen Davis", "Davis", weight=4.0),),
                          title=DAVIS, year=2006, doi=DOI, weight=4.0, exact=True)
    assert verify_references([ref], [Fixed(agreeing), Fixed(None)]) == ()


def test_names_a_citation_already_disputes_are_left_to_reconcile(reference):
    ref = reference("haerans", "Haerans, Margaret", title="Human Trafficking", year=2012, type=EntryType.BOOK)
    record = WorkRecord(source="OpenLibrary", authors=(RecordAuthor("Margaret Haerens", weight=3.0),),
                        title="Human trafficking", year=2012, weight=3.0)
    known = Finding(kind=Kind.NAME_MISMATCH, severity=Severity.ERROR, message="",
                    fix=Fix(Target.REFERENCE, "author", "Haerans", "Haerens", reference="haerans"))
    assert len(verify_references([ref], [Fixed(record)])) == 1
    assert verify_references([ref], [Fixed(record)], known=[known]) == ()


def test_two_sources_agreeing_are_one_finding_with_both_evidence(reference):
    ref = reference("k", "Chiamonte, Perry", title="T", year=2019, type=EntryType.NEWS)
    page = WorkRecord(source="cited page", authors=(RecordAuthor("Perry Chiaramonte", form="visible byline",
                                                                 weight=2.0),), how="the cited page (u)", exact=True)
    other = WorkRecord(source="OpenAlex", authors=(RecordAuthor("Perry Chiaramonte", weight=3.0),), weight=3.0)
    (finding,) = verify_references([ref], [Fixed(page), Fixed(other)])
    assert [e.weight for e in finding.evidence] == [2.0, 0.0, 3.0]
    assert finding.fix.confidence == pytest.approx(1 / (1 + 2.718281828 ** -5), abs=1e-3)
