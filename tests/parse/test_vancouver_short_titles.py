"""Vancouver entries whose short title holds a capital initial ("Vitamin D"): the names still end at
the full stop after their initials (see also ``test_vancouver_one_word_titles``)."""
from __future__ import annotations

from citecheck.model import CleanText, Kind
from citecheck.parse.references import parse_reference_list


def test_a_short_title_with_a_capital_initial_is_no_part_of_the_names():
    (ref,) = parse_reference_list(CleanText.identity(
        "r.md", "1. Holick MF. Vitamin D deficiency. N Engl J Med. 2007 Jul 19;357(3):266-81.\n"))
    assert [(n.family, n.given, n.literal) for n in ref.authors] == [("Holick", "M. F.", "")]
    assert (ref.title, ref.container, ref.volume, ref.pages) == ("Vitamin D deficiency", "N Engl J Med", "357", "266-81")
    assert not any(f.kind is Kind.MALFORMED_REFERENCE for f in ref.findings)  # once "reference has no title"
