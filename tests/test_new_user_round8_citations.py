"""Citations a new user's documents were misread by (round 8): "(Adams and Page 2005)" (a family name
that is also a sentence's word), a note's "Mark U. Edwards Jr.", "(NOAA 2021)" for "NOAA (National
Oceanic ...)", and "Martínez Pería" for a second author listed given name first."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citations import find_citations
from citecheck.pipeline import check


def test_a_listed_family_name_that_is_a_stop_word_is_a_name():
    found = find_citations(CleanText.identity("d.txt", "Surveys agree (Adams and Page 2005)."), known_titles=("Adams", "Page"))
    assert [(c.name_texts, c.year, c.locator) for c in found] == [(("Adams", "Page"), 2005, "")]
    found = find_citations(CleanText.identity("d.txt", "Surveys agree (In Adams 2005)."), known_titles=("Adams",))
    assert found == ()


DOC = """# Remittances

Effects on inclusion are debated (Anzoategui, Demirgüç-Kunt, and Martínez Pería 2014). Data from the
NOAA archive were used (NOAA 2021). Printing changed the debate.[^1]

[^1]: Mark U. Edwards Jr., "Printing and the Reformation," in *The Oxford Handbook of the Protestant Reformations*, ed. Ulinka Rublack (Oxford: Oxford University Press, 2017), 212.

## References

Anzoategui, Diego, Asli Demirgüç-Kunt, and María Soledad Martínez Pería. 2014. "Remittances and Financial Inclusion: Evidence from El Salvador." *World Development* 54: 338–49.

Edwards, Mark U., Jr. 2017. "Printing and the Reformation." In *The Oxford Handbook of the Protestant Reformations*, edited by Ulinka Rublack, 201–20. Oxford: Oxford University Press.

NOAA (National Oceanic and Atmospheric Administration). 2021. "Global Historical Climatology Network Daily (GHCN-Daily), Version 3." Dataset. NOAA National Centers for Environmental Information. https://doi.org/10.7289/V5D21VHZ.
"""


def test_every_work_is_cited_and_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert len(result.references) == 3 and len(result.citations) == 3
    kinds = {f.kind for f in result.findings}
    assert not kinds & {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE, Kind.NAME_MISMATCH}


NOTES = """# Memory

A museum catalogue records the exhibits.[^1] The ministry's plan followed.[^2]

[^1]: War Memorial of Korea, *Exhibition Guide* (Seoul: War Memorial of Korea, 2019), 4.
[^2]: Department of Health and Social Care, *Tackling Antimicrobial Resistance* (London: DHSC, 2019), 7.

## Bibliography

Department of Health and Social Care. *Tackling Antimicrobial Resistance*. London: DHSC, 2019.

War Memorial of Korea. *Exhibition Guide*. Seoul: War Memorial of Korea, 2019.
"""


def test_a_note_cites_an_organisation_by_its_whole_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(NOTES, encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [r.authors[0].literal for r in result.references] == [
        "Department of Health and Social Care", "War Memorial of Korea"]
    assert len(result.citations) == 2
    assert not {f.kind for f in result.findings} & {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE, Kind.NAME_MISMATCH}
