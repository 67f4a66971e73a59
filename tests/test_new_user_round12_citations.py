"""Citations an editor checks that round 12's essays found mishandled: a one-word short title in a Chicago note
that starts two entries' titles, and the year a missing note's message names."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check


def _checked(tmp_path, monkeypatch, document: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(document, encoding="utf-8")
    return check(["doc.md"], Settings())


def _problems(result) -> list[tuple[str, str]]:
    return [(f.kind.value, f.message) for f in result.findings if f.severity.name in ("ERROR", "WARNING")]


ODESSA = """# Odessa

The port grew fast.[^1] Its merchants were foreign.[^2] Credit came from abroad.[^3] The war came.[^4]
The pogrom followed.[^5]

[^1]: Patricia Herlihy, *Odessa: A History, 1794–1914* (Cambridge, MA: Harvard University Press, 1986), 21.
[^2]: Charles King, *Odessa: Genius and Death in a City of Dreams* (New York: W. W. Norton, 2011), 47.
[^3]: Herlihy, *Odessa*, 140.
[^4]: Kign, *Odessa*, 201.
[^5]: Robert Weinberg, *The Revolution of 1905 in Odessa: Blood on the Steps* (Bloomington: Indiana University Press, 1993), 164.

## Bibliography

Herlihy, Patricia. *Odessa: A History, 1794–1914*. Cambridge, MA: Harvard University Press, 1986.

King, Charles. *Odessa: Genius and Death in a City of Dreams*. New York: W. W. Norton, 2011.
"""


def test_a_one_word_short_title_cites_the_entry_of_the_author_it_names(tmp_path, monkeypatch):
    # "*Odessa*" is too short for the fuzzy prefix of a long short title: it was compared with the whole title, so
    # "Herlihy, *Odessa*, 140." was a missing reference, and "Kign, *Odessa*" hid a misspelt King
    result = _checked(tmp_path, monkeypatch, ODESSA)
    herlihy, king = (r.key for r in result.references)
    assert result.citation_targets[:3] == (herlihy, king, herlihy)
    problems = _problems(result)
    assert [kind for kind, _ in problems] == ["missing-reference", "name-mismatch"]
    assert 'cited as "Kign"' in problems[1][1] and 'listed as "King"' in problems[1][1]


def test_a_missing_notes_year_is_its_publication_year_not_a_year_in_its_title(tmp_path, monkeypatch):
    (missing,) = [f for f in _checked(tmp_path, monkeypatch, ODESSA).findings if f.kind is Kind.MISSING_REFERENCE]
    assert missing.message.endswith("(nor one from 1993 by Weinberg)")
