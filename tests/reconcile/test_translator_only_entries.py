"""An entry whose only names are translators (a .bib's @book with a ``translator`` alone, Chicago's
"Wilson, Emily, trans. 2018." and "———, trans.") is cited by its translator, as biblatex's label name
falls back from author to editor to translator; an entry with an author is still cited by the author."""
from __future__ import annotations

from dataclasses import replace

from citecheck.model import Kind
from citecheck.pipeline import check
from citecheck.reconcile import MatchKind, match_citations


def test_a_citation_of_the_translator_matches_an_entry_with_only_translators(cite, ref):
    odyssey = replace(ref("wilson2018", title="The Odyssey", year=2018), extra=(("translator", "Wilson, Emily"),))
    (match,) = match_citations([cite("Wilson", year=2018)], (odyssey,))
    assert (match.kind, match.reference) == (MatchKind.EXACT, 0)


def test_an_author_is_still_the_name_cited(cite, ref, person):
    homer = replace(ref("homer2018", person("Homer"), title="The Odyssey", year=2018),
                    extra=(("translator", "Wilson, Emily"),))
    (match,) = match_citations([cite("Homer", year=2018)], (homer,))
    assert (match.kind, match.reference) == (MatchKind.EXACT, 0)


def test_a_bib_entry_with_only_a_translator_is_matched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@book{wilson2018,\n  translator = {Wilson, Emily},\n  title = {The Odyssey},\n"
                                       "  publisher = {Norton},\n  year = {2018},\n}\n", encoding="utf-8")
    (tmp_path / "essay.md").write_text("# Essay\n\nHomer anew (Wilson 2018).\n", encoding="utf-8")
    result = check(["essay.md", "refs.bib"])
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


def test_chicago_translators_and_their_dash_are_read_and_matched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(
        "# Essay\n\nHomer is translated anew (Wilson 2018; Wilson 2023).\n\n## References\n\n"
        "Wilson, Emily, trans. 2018. The Odyssey. New York: Norton.\n\n"
        "———, trans. 2023. *The Iliad*. New York: Norton.\n", encoding="utf-8")
    result = check(["essay.md"])
    odyssey, iliad = result.references
    assert (odyssey.authors, odyssey.editors, dict(odyssey.extra)["translator"]) == ((), (), "Wilson, Emily")
    assert (iliad.authors, iliad.editors, dict(iliad.extra)["translator"]) == ((), (), "Wilson, Emily")
    assert (odyssey.key, iliad.key) == ("wilsonOdyssey2018", "wilsonIliad2023")
    assert [f.kind for f in result.findings] == [Kind.NAME_REPAIRED]  # the dash, resolved: nothing else
