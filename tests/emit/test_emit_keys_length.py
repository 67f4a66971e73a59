from dataclasses import replace

from citecheck.emit.keys import NAME_CHARS, WORD_CHARS, make_key
from citecheck.model import Name, Reference, Span


def test_a_huge_reference_gives_a_short_key():
    ref = Reference(raw="", span=Span(file="x", line=1, column=1, start=0, end=0), title="Xy" * 1_000_000, year=2001,
                    authors=(Name(family="Doe" * 100_000),))
    assert len(make_key(ref)) <= NAME_CHARS + WORD_CHARS + 4
    organisation = replace(ref, authors=(Name(literal=" ".join(["Word"] * 100_000)),))
    assert len(make_key(organisation)) <= NAME_CHARS + WORD_CHARS + 4


def test_an_edited_book_takes_its_key_from_the_editor():
    ref = Reference(raw="", span=Span(file="x", line=1, column=1, start=0, end=0), title="Handbook of things", year=2019,
                    editors=(Name(family="Brown", given="A."),), publisher="Springer")
    assert make_key(ref) == "brownHandbook2019"
