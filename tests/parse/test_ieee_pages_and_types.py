"""IEEE entries: pages that look like years, a quarter after the pages, and which containers are
conferences (a digest of papers, a venue with its place) or journals named proceedings."""
from __future__ import annotations

import pytest

from citecheck.model import EntryType

from one_reference import read_one as _read

_AUTHORS = 'C. Salazar, A. Cathelin, and J. Rabaey, "A wake-up receiver using an N-path architecture," '


@pytest.mark.parametrize(("tail", "pages", "year"), [
    ("*IEEE J. Solid-State Circuits*, vol. 51, no. 9, pp. 2091–2105, Sep. 2016.", "2091–2105", 2016),
    ("*IEEE Commun. Surveys Tuts.*, vol. 19, no. 4, pp. 2117–2157, 4th Quart. 2017.", "2117–2157", 2017),
])
def test_pages_after_pp_are_pages_and_end_at_their_comma(tail, pages, year):
    ref = _read(f"[1] {_AUTHORS}{tail}")
    assert (ref.pages, ref.year) == (pages, year)  # once dropped (read as a date), or "2117–2157, 4th Quart"


def test_a_digest_of_technical_papers_with_its_place_is_a_conference_paper():
    ref = _read(f"[1] {_AUTHORS}in *IEEE ISSCC Dig. Tech. Papers*, San Francisco, CA, USA, Feb. 2010, pp. 222–223.")
    assert ref.type is EntryType.CONFERENCE
    assert (ref.container, ref.place) == ("IEEE ISSCC Dig. Tech. Papers", "San Francisco, CA, USA")


@pytest.mark.parametrize("entry", [
    f"[2] {_AUTHORS}*Proc. Natl. Acad. Sci. USA*, vol. 116, no. 15, pp. 7575–7580, 2019.",
    "Ziter, C. D., & Turner, M. G. (2019). Scale-dependent interactions reduce urban heat. *Proceedings of the "
    "National Academy of Sciences*, *116*(15), 7575–7580.",
])
def test_a_journal_named_proceedings_with_volume_and_issue_is_a_journal(entry):
    assert _read(entry).type is EntryType.ARTICLE


def test_pages_after_the_word_pages_keep_their_first_digit_and_lose_the_whole_word():
    # BibTeX's plain and unsrtnat styles: "In Proceedings of ..., pages 200–210, 2017."
    ref = _read("[6] Kwang-Hyun Lee and Wei Zhang. Neural networks for stage-discharge ratings. In Proceedings of "
                "the 12th International Conference on Hydroinformatics, pages 200–210, 2017.")
    assert ref.pages == "200–210"  # was "ages 200–210": the label's "p" alone was dropped
