"""Brace groups found in one pass (``group_ends``) end where a scan from each brace (``brace_group_end``) ends."""
from __future__ import annotations

from hypothesis import given, strategies as st

from citecheck.parse.braces import brace_group_end, group_ends
from citecheck.parse.urls import _matching, _pairs

TEXT = st.text(alphabet="{}[]()\\ab\n", max_size=80)


@given(TEXT)
def test_group_ends_agree_with_a_scan_from_each_brace(text):
    ends = group_ends(text)
    for start, end in ends.items():
        assert text[start] == "{" and brace_group_end(text, start) == end


@given(TEXT)
def test_bracket_pairs_agree_with_a_scan_from_each_bracket(text):
    for opening, closing in ("[]", "()"):
        for start, end in _pairs(text, opening, closing).items():
            assert _matching(text, start, opening, closing) == end
