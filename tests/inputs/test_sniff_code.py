"""Code blocks and spans are no pandoc citations: ``sniff._without_code`` takes them out of a text as
``_CODE.sub`` does, trying the pattern only where a match can start."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.inputs.sniff import _CODE, _without_code, is_pandoc


@given(st.text(alphabet="`~\n \ta@[]x", max_size=80))
@settings(max_examples=400, deadline=None)
def test_without_code_is_the_substitution(text):
    assert _without_code(text) == _CODE.sub("", text)


def test_a_fence_only_at_a_line_start():
    text = "a ~~~\n[@k]\n~~~\n~~~\n[@j]\n~~~\n"
    assert _without_code(text) == _CODE.sub("", text) == "a ~~~\n[@k]\n\n[@j]\n~~~\n"  # "a ~~~" opens no fence


def test_a_citation_in_code_is_none():
    assert not is_pandoc("Run `pandoc [@key]` here.\n\n```\n[@other]\n```\n")
    assert is_pandoc("Run `pandoc` as [@key] says.\n")
