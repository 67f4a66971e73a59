"""A year mismatch decided by the date in the entry's link ("/2018/nov/12/"): reconcile.url_dates."""
from __future__ import annotations

import pytest

from citecheck.model import Kind, Target
from citecheck.reconcile import reconcile
from citecheck.reconcile.url_dates import link_year

GUARDIAN = "https://www.theguardian.com/world/2018/nov/12/fiji-villages-move-sea-levels-rise"


@pytest.mark.parametrize("url, year", [
    (GUARDIAN, 2018),
    ("https://warontherocks.com/2019/09/cyber-war-as-an-intelligence-contest/", 2019),
    ("https://www.nytimes.com/2019/09/13/world/asia/north-korea-cybersex-china.html", 2019),
    ("https://www.ohchr.org/en/press-releases/2020/01/historic-un-human-rights-case", 2020),
    ("https://www.europarl.europa.eu/RegData/etudes/BRIE/2018/621893/EPRS_BRI(2018)621893_EN.pdf", None),
    ("https://disasterdisplacement.org/wp-content/uploads/2014/08/EN_Protection_Agenda.pdf", None),  # an upload's
    ("https://www.unhcr.org/climate-change-and-disasters.html", None),
])
def test_the_year_a_link_is_dated_by(url, year):
    assert link_year(url) == year


def test_a_link_dated_with_the_listed_year_decides_for_the_entry(cite, ref):
    result = reconcile([cite("Borger", year=2019)], [ref("borger2018", "Borger", year=2018, urls=(GUARDIAN,))], ())
    (finding,) = result.findings
    assert finding.kind is Kind.YEAR_MISMATCH and "not decided" not in finding.message
    assert (finding.fix.target, finding.fix.before, finding.fix.after) == (Target.CITATION, "2019", "2018")
    assert finding.fix.confidence >= 0.8 and any(e.source == "the entry's link" for e in finding.evidence)


def test_a_link_dated_with_the_cited_year_decides_for_the_citations(cite, ref):
    result = reconcile([cite("Borger", year=2018)], [ref("borger2019", "Borger", year=2019, urls=(GUARDIAN,))], ())
    (finding,) = result.findings
    assert (finding.fix.target, finding.fix.before, finding.fix.after) == (Target.REFERENCE, "2019", "2018")
    assert finding.suggested == "2018" and finding.fix.confidence >= 0.8


def test_a_link_dated_with_neither_year_decides_nothing(cite, ref):
    result = reconcile([cite("Borger", year=2016)], [ref("borger2019", "Borger", year=2019, urls=(GUARDIAN,))], ())
    (finding,) = result.findings
    assert "not decided" in finding.message and finding.fix.confidence == 0.5
