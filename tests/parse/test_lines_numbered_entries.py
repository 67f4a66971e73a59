"""A line that opens with a number starts a new reference only when the number goes on with the list."""
from __future__ import annotations

import pytest

from citecheck.parse.lines import line_starts, starts_numbered_entry


def test_line_starts():
    assert line_starts("ab\ncd\n\ne") == (0, 3, 6, 7)


@pytest.mark.parametrize("number, last, so_far, looks, expected", [
    (1, None, "", False, True),  # nothing open: any number starts an entry
    (12, None, "   ", False, True),
    (234, None, "Ahmed, S. (2020). Coastal defences. J. Coastal Res., 36(2), 221–", False, False),  # a wrapped range
    (234, None, "Ahmed, S. (2020). Coastal defences. J. Coastal Res., 36(2), 221-", True, False),
    (4, 3, "Lee, A. Title. J. Phys., vol. 2, pp. 1–", True, False),  # the range's end, even in sequence
    (234, None, "Ahmed, S. (2020). Coastal defences.", False, False),  # unnumbered list: must read as an entry
    (2, None, "Ahmed, S. (2020). Coastal defences.", True, True),
    (4, 3, "Lee, A. Title. J. Phys. 2 (2019).", False, True),  # the list goes on
    (6, 3, "Lee, A. Title. J. Phys. 2 (2019).", False, True),  # two entries lost: still the list
    (1, 9, "Lee, A. Title. J. Phys. 2 (2019).", False, True),  # a list that starts again
    (234, 3, "Lee, A. Title. J. Phys. 2 (2019).", False, False),  # out of sequence
    (3, 3, "Lee, A. Title. J. Phys. 2 (2019).", False, False),
    (234, 3, "Lee, A. Title. J. Phys. 2 (2019).", True, True),  # ... but an entry after an entry that ended
    (234, 3, "Lee, A. Title. J. Phys. 2, no", True, False),  # ... not in the middle of one
])
def test_starts_numbered_entry(number, last, so_far, looks, expected):
    assert starts_numbered_entry(number, last, so_far, looks) is expected


@pytest.mark.parametrize("so_far, expected", [
    ("Lee, A. Title. J. Phys. 2, no", True),  # "[n]" is no wrapped line
    ("Lee, A. Title. J. Phys. 2, pp. 221–", False),  # ... unless the entry was cut at a range's dash
])
def test_a_bracketed_number_starts_an_entry_in_or_out_of_sequence(so_far, expected):
    assert starts_numbered_entry(234, 3, so_far, False, bracketed=True) is expected
