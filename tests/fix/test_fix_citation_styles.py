"""--fix on documents whose citation style takes no year: nothing to insert."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.fix.plan import decided_fixes
from citecheck.pipeline import check

MLA = """# Reading Okafor

The river imagery recurs (Okafor 12), as the critics note.

## Works Cited

Okafor, Chinelo. *Haunted Narratives*. U of Minnesota P, 2015.
"""
HARVARD = MLA.replace("(Okafor 12)", "(Okafor 12) and (Roe 2001)").replace(
    "## Works Cited\n", "## References\n\nRoe, J. 2001. *Costs*. London: Penguin.\n")


def test_an_mla_author_page_citation_gets_no_year_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(MLA, encoding="utf-8")
    result = check(["essay.md"], Settings())
    assert result.findings == () and decided_fixes(result.findings, 0.8) == ()


def test_an_author_date_document_still_gets_the_year_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(HARVARD, encoding="utf-8")
    fixes = decided_fixes(check(["essay.md"], Settings()).findings, 0.8)
    assert [(f.before, f.after) for f in fixes] == [("Okafor 12", "Okafor 2015, 12")]
