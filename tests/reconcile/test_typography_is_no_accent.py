"""A cited name that differs from the listed one only by typography, Word's curly apostrophe ("D’Souza" for
D'Souza) or a Unicode hyphen, is the same name: before, it was a name-mismatch warning, "the entry drops the
accents the citation writes", with a fix to the reference list (reconcile.written_names)."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

DOCUMENT = """# Drought

Drought shapes migration (D’Souza, 2018), as L'Ouverture (1801) foresaw and Lee-Park (2020) measured.

## References

D'Souza, R. (2018). *Drought in India*. Oxford University Press.

Lee\u2010Park, S. (2020). *Heat in Seoul*. Seoul University Press.

L’Ouverture, T. (1801). *Constitution*. Port-au-Prince.
"""


def test_a_curly_apostrophe_or_a_unicode_hyphen_is_no_accent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(DOCUMENT, encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert all(result.citation_targets) and len(result.citations) == 3
    assert [f.message for f in result.findings if f.kind is Kind.NAME_MISMATCH] == []
