"""An access word alone in a title ("*Never Cited Book*", "Things Viewed Differently") is the title's word: it was
taken for an access phrase without its date and cut out ("Never Book"). An access phrase has its date, "from"
("Retrieved from https://..."), or a bracket ("[cited 2019 Mar 22]")."""
from __future__ import annotations

import pytest

from one_reference import read_one


@pytest.mark.parametrize("entry, title", [
    ("Brown, Kate. 2017. *Never Cited Book*. Paris: Seuil.", "Never Cited Book"),
    ("Lee, K. (2019). Things viewed differently. *Journal of Views*, 3, 1-9.", "Things viewed differently"),
    ("Park, S. (2018). *Consulted and Accessed Archives*. London: Verso.", "Consulted and Accessed Archives"),
])
def test_an_access_word_in_a_title_stays(entry, title):
    assert read_one(entry).title == title


@pytest.mark.parametrize("entry, accessed", [
    ("Jones A. Title of the paper. J Med. 2019;3:1-9 [cited 2019 Mar 22].", "2019-03-22"),
    ("Smith, J. (2020). *A page*. Retrieved March 3, 2021, from https://example.org/p", "2021-03-03"),
])
def test_an_access_phrase_is_still_read(entry, accessed):
    assert read_one(entry).accessed == accessed


def test_retrieved_from_without_a_date_is_no_title_word():
    ref = read_one("Smith, J. (2020). *A page*. Retrieved from https://example.org/p")
    assert (ref.title, ref.urls[0].url) == ("A page", "https://example.org/p")
