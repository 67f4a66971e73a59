"""Vancouver's corporate author and "[Internet]" title (new user, round 8): the tagger ran the title into
the bracketed medium as one genre; the words before the bracket are the title."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.references import parse_reference_list

WHO = ("World Health Organization. Global report on infection prevention and control [Internet]. Geneva: WHO; "
       "2020. Available from: https://www.who.int/publications/i/item/9789240051164")


@pytest.mark.parametrize("label", ["", "2. ", "[2] "])
def test_a_corporate_author_keeps_the_title_before_internet(label):
    (ref,) = parse_reference_list(CleanText.identity("r.md", label + WHO + "\n"))
    assert [n.literal for n in ref.authors] == ["World Health Organization"]
    assert ref.title == "Global report on infection prevention and control"
    assert (ref.place, ref.publisher, ref.year) == ("Geneva", "WHO", 2020)
    assert [u.url for u in ref.urls] == ["https://www.who.int/publications/i/item/9789240051164"]
    assert ref.note == "[Internet]"
    assert not ref.findings


def test_a_corporate_author_the_tagger_took_for_the_publisher():
    (ref,) = parse_reference_list(CleanText.identity("r.md", (
        "4. American Medical Association. Telehealth implementation playbook [Internet]. Chicago: AMA; 2020 [updated "
        "2021 Jan; cited 2023 Mar 3]. Available from: https://www.ama-assn.org/system/files/2020-04/ama-telehealth-playbook.pdf\n")))
    assert [n.literal for n in ref.authors] == ["American Medical Association"]
    assert (ref.title, ref.place, ref.publisher, ref.year) == ("Telehealth implementation playbook", "Chicago", "AMA", 2020)
