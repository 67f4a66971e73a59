"""RIS gives a record one ``DA`` (session 14, users): an ISO date with a month or a day, which is EDTF too, was
written twice, ``DA  - 2019/03//`` and then ``DA  - 2019-03``, in every record converted from BibLaTeX or
CSL-JSON with a month (reference managers read the first, or keep both as two dates)."""
from __future__ import annotations

import pytest

from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex


@pytest.mark.parametrize(("date", "expected"), [
    ("2019-03", "DA  - 2019/03//"),
    ("2021-06-01", "DA  - 2021/06/01/"),
    ("2020-05-31T12:00:00Z", "DA  - 2020/05/31/12:00:00Z"),
    ("1999/2000", "DA  - 1999/2000"),
    ("1850~", "DA  - circa 1850"),
])
def test_one_da_line_a_record(date, expected):
    (ref,), _ = parse_bibtex(f"@book{{b, author = {{A, B}}, title = {{T}}, date = {{{date}}}}}\n", "in.bib")
    lines = [line for line in to_ris([ref]).splitlines() if line.startswith("DA  -")]
    assert lines == [expected]
