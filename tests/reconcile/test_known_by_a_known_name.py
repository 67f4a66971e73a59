"""A person cited by the name they are widely known by, in none of their names' words: "(Jokowi, 2019)" for
"Widodo, Joko (2019)", a match with an info note that says it came from citecheck's curated table
(``reconcile.known_names``); it was a missing reference and an uncited entry."""
from __future__ import annotations

from citecheck.model import Kind, Name, Severity
from citecheck.reconcile import reconcile


def test_a_name_in_the_table_cites_its_person_with_a_note(cite, ref):
    refs = [ref("widodo", Name(family="Widodo", given="Joko", raw=""), title="Infrastructure", year=2019),
            ref("lula", Name(family="Lula da Silva", given="Luiz Inácio", raw=""), title="Speeches", year=2010),
            ref("amlo", Name(family="López Obrador", given="Andrés Manuel", raw=""), title="Economía moral", year=2020)]
    result = reconcile([cite("Jokowi", year=2019), cite("Lula", year=2010), cite("AMLO", year=2020)], refs, ())
    assert result.targets == ("widodo", "lula", "amlo")
    notes = [f for f in result.findings if f.severity is Severity.INFO]
    assert [(f.kind, f.reference) for f in notes] == [(Kind.NAME_MISMATCH, "widodo"), (Kind.NAME_MISMATCH, "lula"),
                                                      (Kind.NAME_MISMATCH, "amlo")]
    assert 'names Joko Widodo by "Jokowi", the name they are widely known by' in notes[0].message
    assert "citecheck's table of known-by names" in notes[0].message
    assert not [f for f in result.findings if f.severity is not Severity.INFO]


def test_only_with_the_tables_evidence(cite, ref):
    refs = [ref("other", Name(family="Widodo", given="Ani", raw=""), title="Rice", year=2019),  # not Joko Widodo
            ref("widodo", Name(family="Widodo", given="Joko", raw=""), title="Ports", year=2018),  # another year
            ref("a", Name(family="Widodo", given="Joko", raw=""), title="Roads", year=2017),  # two entries of a year
            ref("b", Name(family="Widodo", given="Joko", raw=""), title="Rails", year=2017)]
    citations = [cite("Jokowi", year=2019), cite("Jokowi", year=2016), cite("Jokowi", year=2017), cite("Joko", year=2018)]
    result = reconcile(citations, refs, ())
    assert result.targets[:3] == (None, None, None)
    assert result.targets[3] == "widodo"  # a given name, as "(Tedros, 2021)" is (name_parts), not the table
    assert "not a family name" in next(f.message for f in result.findings if f.severity is Severity.INFO)
