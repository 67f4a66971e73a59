"""A misspelt name in a narrative citation is a name mismatch whose fix edits the name alone: not a missing
reference that takes the sentence's first word with it ("Previously Smtih (2019)"), nor a fix that leaves the
particles twice ("Van der Bergh" -> "Van der Berg", not "Bergh" -> "Van der Berg"), nor a Slavic declension
("Kowalsky" is no case of Kowalski)."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.fix.text import apply_edits, edits_for
from citecheck.model import Kind
from citecheck.pipeline import check

ESSAY = """# Sleep

Previously Smtih (2019) argued it. Professor Kowalsky (2016) agreed, and Podle Svobody (2020) too.
Thus Van der Bergh (2018) holds.

## References

Kowalski, P. (2016). Spindles again. *Cortex*, *80*, 1–10.

Smith, J. (2019). Sleep and learning. *Psychological Science*, *30*(1), 1–12.

Svoboda, K. (2020). *Bydlení*. Brno: MU.

van der Berg, H. (2018). Dutch sleep. *Sleep*, *41*(2), 1–9.
"""


def test_a_misspelt_name_after_a_capitalised_word_is_a_name_mismatch_fixed_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(ESSAY, encoding="utf-8")
    result = check(["essay.md"], Settings())
    assert [(c.name_texts, t) for c, t in zip(result.citations, result.citation_targets)] == [
        (("Smtih",), "smithSleep2019"), (("Kowalsky",), "kowalskiSpindles2016"), (("Svobody",), "svobodaBydleni2020"),
        (("Van der Bergh",), "bergDutch2018")]
    mismatches = [f for f in result.findings if f.kind is Kind.NAME_MISMATCH]
    assert [(f.fix.before, f.fix.after) for f in mismatches] == [
        ("Smtih", "Smith"), ("Kowalsky", "Kowalski"), ("Van der Bergh", "Van der Berg")]
    assert {f.kind for f in result.findings} == {Kind.NAME_MISMATCH}
    fixed = apply_edits(ESSAY, edits_for("essay.md", ESSAY, [f.fix for f in mismatches]))
    assert "Previously Smith (2019) argued it. Professor Kowalski (2016) agreed" in fixed
    assert "Thus Van der Berg (2018) holds." in fixed  # the particles stay the name's


ABNT = """# Texto

A energia solar (QUASCHNIG, 2020) cresce, como Quaschnig (2020) mostra.

## Referências

QUASCHNING, Volker. **Regenerative Energiesysteme**. 10. ed. München: Hanser, 2020.

SILVA, Maria; SOUZA, Pedro. **Pesquisa**. São Paulo: Atlas, 2008.
"""


def test_a_name_fix_in_a_document_citing_in_capitals_keeps_each_citations_case(tmp_path, monkeypatch):
    # the list's "QUASCHNING" is read "Quaschning"; ABNT's citation "(QUASCHNIG, 2020)" is fixed in capitals,
    # its prose citation as a name
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texto.md").write_text(ABNT, encoding="utf-8")
    result = check(["texto.md"], Settings())
    (mismatch,) = [f for f in result.findings if f.kind is Kind.NAME_MISMATCH]
    assert (mismatch.fix.before, mismatch.fix.after) == ("QUASCHNIG", "QUASCHNING")
    fixed = apply_edits(ABNT, edits_for("texto.md", ABNT, [mismatch.fix]))
    assert "(QUASCHNING, 2020) cresce, como Quaschning (2020) mostra." in fixed
