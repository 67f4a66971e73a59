"""A trailing reference list (no heading) may hold entries that open with the repeated-author dash."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.sections import split_sections


@pytest.mark.parametrize("dash", ["———.", "---.", "———, ed."])
def test_a_dash_entry_does_not_end_the_trailing_list(dash):
    text = ("Supply came first (Smith 2019a, 45), then demand (Smith 2019b).\n\n"
            "Smith, John. 2019a. *Water and Cities*. Chicago: University of Chicago Press.\n\n"
            f"{dash} 2019b. \"Demand Management Revisited.\" *Water Policy* 22 (4): 601–19.\n\n"
            "Zed, Ann. 2020. *Later*. Chicago: Press.\n")
    sections = split_sections(CleanText.identity("f", text))
    assert sections.bibliography is not None
    assert sections.bibliography.text.startswith("Smith, John. 2019a.")
    assert sections.body.text.startswith("Supply came first")


def test_a_rule_still_is_no_entry():
    text = "Body (Lee 2001).\n\n---\n\nLee, A. 2001. *One*. Press.\n\nKim, B. 2002. *Two*. Press.\n"
    assert split_sections(CleanText.identity("f", text)).bibliography is None  # two entries: too few
