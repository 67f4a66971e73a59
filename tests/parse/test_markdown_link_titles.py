"""A Markdown link's text is the entry's words: "[A linked page](http://...)" is the title, not
masked away with its target (it was, and the entry had no title and a "no title" warning); a link
text that only names the link ("[archived copy](...)", "[PDF](...)") or is the URL itself stays out."""
from __future__ import annotations

import pytest

from citecheck.model import Kind

from one_reference import read_one as parse


def test_a_linked_title_is_the_title():
    ref = parse("Link, L. (2016). [A linked page](http://example.org/gone/link). Accessed 3 May 2020.")
    assert ref.title == "A linked page"
    assert [u.url for u in ref.urls] == ["http://example.org/gone/link"]
    assert not any(f.kind is Kind.MALFORMED_REFERENCE and "title" in f.message for f in ref.findings)


def test_a_whole_linked_entry_keeps_its_names_and_title():
    ref = parse("[Smith, J. (2019). The linked report on rivers](http://example.org/x).")
    assert [n.family for n in ref.authors] == ["Smith"]
    assert ref.title == "The linked report on rivers"
    assert [u.url for u in ref.urls] == ["http://example.org/x"]


@pytest.mark.parametrize("label", ["archived copy", "PDF version", "http://example.org/a", "link"])
def test_a_link_text_naming_only_the_link_stays_out(label):
    ref = parse(f"Roe, A. (2018). *Floods and towns*. [{label}](http://example.org/a).")
    assert ref.title == "Floods and towns"
    assert label.split()[0].lower() not in (ref.note or "").lower()
