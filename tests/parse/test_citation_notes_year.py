"""Chicago notes-bibliography: a full note whose facts of publication give another year than the
bibliography's entry ("(Oxford: Clarendon Press, 1981)" for 1982) is a year mismatch, as "(Sen, 1981)"
is in an author-date document; a shortened note (no year) or an agreeing year is none."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

ESSAY = """# Empire and Famine

Famines were political.[^1] Officials knew it.[^2] Later accounts agree.[^3] Reprints too.[^4]

[^1]: Amartya Sen, *Poverty and Famines: An Essay on Entitlement and Deprivation* (Oxford: Clarendon Press, {year}), 154–55.
[^2]: Ibid., 160.
[^3]: Sen, *Poverty and Famines*, 39; Mike Davis, *Late Victorian Holocausts* (London: Verso, 2001), 7.
[^4]: Mike Davis, *Late Victorian Holocausts* (1999; repr., London: Verso, 2001), 9.

## Bibliography

Davis, Mike. *Late Victorian Holocausts: El Niño Famines and the Making of the Third World*. London: Verso, 2001.

Sen, Amartya. *Poverty and Famines: An Essay on Entitlement and Deprivation*. Oxford: Clarendon Press, 1982.
"""


def _run(tmp_path, monkeypatch, year: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(ESSAY.format(year=year), encoding="utf-8")
    return check(["essay.md"], Settings())


def test_a_full_note_with_another_year_is_a_year_mismatch(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "1981")
    (mismatch,) = [f for f in result.findings if f.kind is Kind.YEAR_MISMATCH]
    assert mismatch.reference == "senPoverty1982" and "cited as 1981" in mismatch.message
    assert set(result.citation_targets) == {"senPoverty1982", "davisLate2001"}  # Ibid. still cites Sen
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


def test_an_agreeing_year_is_no_mismatch(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "1982")
    assert not [f for f in result.findings if f.kind is Kind.YEAR_MISMATCH]
