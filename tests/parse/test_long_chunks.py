"""A chunk of thousands of words (pasted noise, a megabyte-long line) is read in pieces: its bag's
weights, summed over every word, ran past exp()'s range and crfsuite's marginals (which the C
inference repeats) turned NaN, so every field of such an entry had confidence 'nan'."""
from __future__ import annotations

import math

import pytest

from citecheck.parse.tagger import load_tagger
from citecheck.parse.tagger.features import MAX_CHUNK, chunk_spans

LEAD = ["Smith", ",", "A", ".", "(", "2019", ")", "."]


@pytest.mark.parametrize("words", [["word"], ["Press"], ["2019"]])
def test_a_chunk_of_thousands_of_words_has_finite_confidences(words):
    tagged = load_tagger().tag_tokens(LEAD + words * 5000)
    assert len(tagged) == len(LEAD) + 5000
    assert all(math.isfinite(p) and 0.0 <= p <= 1.0 + 1e-9 for _, p in tagged)  # rounding, as crfsuite
    assert tagged[0][0] == "author"


def test_a_long_chunk_is_cut_into_pieces_that_cover_it():
    spans = chunk_spans(LEAD + ["word"] * (2 * MAX_CHUNK + 5))
    assert max(j - i for i, j in spans) == MAX_CHUNK
    assert spans[0][0] == 0 and spans[-1][1] == len(LEAD) + 2 * MAX_CHUNK + 5
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_ordinary_chunks_are_not_cut():
    tokens = "Smith , A . ( 2019 ) . A title of some twelve words that runs on and on . Press .".split()
    assert chunk_spans(tokens) == [s for s in chunk_spans(tokens) if s[1] - s[0] <= MAX_CHUNK]
    assert any(j - i > 10 for i, j in chunk_spans(tokens))


def test_a_megabyte_long_entry_is_read_in_bounded_memory_and_kept():
    """A 5 MB line of prose given to `convert` as a list took 3 GB and 20 s: the tagger's features of every word
    (an entry longer than 20,000 characters is read by the rules alone), and each of its sentences appended to the
    note one at a time (quadratic; joined once now). Nothing of it is lost: its sentences are the note (session
    16, user)."""
    import tracemalloc

    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list

    text = "Text (Smith, 2019). " * 50_000  # a megabyte on one line
    tracemalloc.start()
    try:
        [ref] = parse_reference_list(CleanText.identity("long.txt", text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 120_000_000  # 179 MB with the tagger's features
    assert ref.note.count("Text (Smith, 2019)") >= 50_000 - 2  # the first are the title and the publisher
