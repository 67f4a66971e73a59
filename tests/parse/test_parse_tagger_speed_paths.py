"""The tagger's inference path: chunk items cut down to the attributes the model knows.

crfsuite gives an attribute the model does not know no weight, so the cut items (``KnownAttributes``)
must be exactly the full items (``sequence_items``, what the model was trained on) less those, in
the same order, and tag exactly alike; the shipped attribute list must be the model's own.
"""
from __future__ import annotations

import random
from importlib import resources
from pathlib import Path

import pytest

from citecheck.parse.tagger import features, load_tagger, read_sequences, sequence_items
from citecheck.parse.tagger.features import (
    _BARE,
    CHUNK_ENDS,
    CHUNK_STARTS,
    _DOI,
    _KNOWN_CACHES,
    _URL,
    KnownAttributes,
    _bare,
    _edges,
    _pairs_by_left,
    _spans,
    clear_caches,
    surname_ranks,
    token_features,
)
from citecheck.parse.tagger.model import (
    MODEL_FILE,
    WEIGHTS_FILE,
    ReferenceTagger,
    model_attributes,
    model_meta,
    read_weights,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = resources.files("citecheck.parse.tagger").joinpath("data")
ODD_TOKENS = ["", ".", ":", "*", "**", '"', "“Title”", "(eds.),", "--", "–", "WWW.Example.org", "HTTPS://x.org",
              "httpſ://x", "doi:10.1/x", "DOI", "doı", "Doi:", "10.1234/abc", "x²", "١٢٣", "J.-P.", "*Journal*,"]


@pytest.fixture(scope="module")
def references() -> list[list[str]]:
    refs = []
    for path in (ROOT / "data" / "anystyle" / "core.xml", ROOT / "data" / "labelled" / "web-references.xml"):
        refs += read_sequences(path.read_text(encoding="utf-8"), path.stem)
    sample = [r.tokens for r in random.Random(11).sample(refs, 300)]
    return sample + [ODD_TOKENS, ODD_TOKENS[::-1], ["Smith,", "J."], ["x"]]



@pytest.fixture(scope="module")
def known(crfsuite_tagger) -> KnownAttributes:
    return KnownAttributes(model_attributes(crfsuite_tagger))


def test_known_items_are_the_full_items_less_the_unknown(references, known):
    clear_caches()
    for tokens in references:
        spans, full = sequence_items(tokens)
        expected = (spans, [[a for a in item if a in known.names] for item in full])
        assert known.sequence_items(tokens) == expected  # cold
        assert known.sequence_items(tokens) == expected  # warm
    assert known.sequence_items([]) == ([], [])


def test_known_items_tag_as_the_full_items(references, crfsuite_tagger):
    tagger = load_tagger()
    crf = crfsuite_tagger
    for tokens in references:
        spans, items = sequence_items(tokens)
        crf.set(items)
        labels = crf.tag()
        marginals = [crf.marginal(label, c) for c, label in enumerate(labels)]
        tagged = tagger.tag_tokens(tokens)
        for c, (i, j) in enumerate(spans):
            if not (labels[c] in ("url", "doi") and tokens[i][:1] in "*_\"“"):  # the tagger's own override
                assert tagged[i:j] == [(labels[c], marginals[c])] * (j - i)


def test_shipped_attribute_list_is_the_models(crfsuite_tagger):
    with resources.as_file(DATA / MODEL_FILE) as model, resources.as_file(DATA / WEIGHTS_FILE) as listed:
        weights = read_weights(listed, model)
    assert weights is not None
    assert [a.decode() for a in weights.attributes] == model_attributes(crfsuite_tagger)


def test_tagger_without_a_list_reads_the_model(references):
    with resources.as_file(DATA / MODEL_FILE) as model:
        tagger = ReferenceTagger(model, model_meta())
    shipped = load_tagger()
    for tokens in references[:40]:
        assert tagger.tag_tokens(tokens) == shipped.tag_tokens(tokens)


def test_clear_caches_forgets_the_known_token_caches(known):
    known.sequence_items(["Smith,", "J.", "(2019)."])
    assert known._forget in set(_KNOWN_CACHES) and len(known.token_cache) >= 3 and known.shared_cache
    clear_caches()
    assert known.token_cache == {} and known.shared_cache == {}


def test_the_known_token_caches_keep_what_they_hold_and_stop_at_their_size(known, monkeypatch):
    clear_caches()
    monkeypatch.setattr(features, "TOKEN_CACHE_SIZE", 2)
    spans, items = known.sequence_items(["Smith,", "J.", "(2019).", "Title."])
    assert list(known.token_cache) == ["Smith,", "J."]  # the first seen, the others read afresh
    assert known.sequence_items(["Smith,", "J.", "(2019).", "Title."]) == (spans, items)


@pytest.mark.parametrize("token", ODD_TOKENS + ["http://x", "<https://x>", "www.x", "https:", "ww.x", "Dover", "d-o-i"])
def test_url_and_doi_hits_are_the_searches(token):
    features = token_features(token)
    assert ("url" in features) == bool(_URL.search(token))
    assert ("doi" in features) == bool(_DOI.search(token))


@pytest.mark.parametrize("token", ODD_TOKENS + ["—", "-", "Www.x", "Hello", "dear", "https://x", "(1999)"])
def test_chunk_edges_are_the_patterns(token):
    import re

    digit = any(ch.isdigit() for ch in token)
    if digit or re.match(r"^[-–—]+$", token):
        expected = (True, True)
    else:
        link = re.match(r"^(?:https?://|www\.|doi)", token, re.IGNORECASE)
        expected = (token[-1:] in CHUNK_ENDS, token[:1] in CHUNK_STARTS or bool(link))
    assert _edges(token) == expected


def test_surname_ranks():
    ranks = surname_ranks()
    assert ranks["smith"] == 1 and ranks["johnson"] == 2
    assert len(ranks) > 80_000 and "#" not in "".join(list(ranks)[:5])


def random_tokens(n: int, seed: int = 13) -> list[str]:
    """Tokens of letters, digits, punctuation and markup, ASCII and not."""
    rng = random.Random(seed)
    pieces = ["a", "Z", "é", "Ü", "1", "9", "²", "١", ".", ",", ";", ":", "(", ")", "[", "]", "*", "_", '"', "“",
              "”", "'", "«", "»", "-", "–", "/", "<", ">", "?", "!", "|", "Smith", "doi", "www.", "http://", "2019"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(n)]


def test_bare_is_the_pattern():
    for token in random_tokens(5000) + ODD_TOKENS + ["_a_", "__", "a_", "\x00a\x7f", "ab\n"]:
        assert _bare(token) == _BARE.sub("", token), token


def test_known_items_of_odd_tokens_are_the_full_items_less_the_unknown(known):
    tokens = random_tokens(3000, seed=17)
    for start in range(0, len(tokens), 30):
        chunk = tokens[start:start + 30]
        spans, full = sequence_items(chunk, cache=False)
        assert known.sequence_items(chunk) == (spans, [[a for a in item if a in known.names] for item in full])


def test_spans_cut_where_a_chunk_may_end_or_start():
    rng = random.Random(5)
    for _ in range(500):
        edges = [(rng.random() < 0.3, rng.random() < 0.3) for _ in range(rng.randint(0, 12))]
        expected, start = [], 0
        for i in range(1, len(edges)):
            if edges[i - 1][0] or edges[i][1]:
                expected.append((start, i))
                start = i
        assert _spans(edges) == (expected + [(start, len(edges))] if edges else [])


def test_word_pairs_with_a_bar_are_read_every_way():
    pairs = _pairs_by_left([b"bi:smith|the", b"bi:a|b|c"])
    assert pairs == {b"smith": {b"the"}, b"a": {b"b|c"}, b"a|b": {b"c"}}
    known = KnownAttributes(["bi:a|b|c", "bi:x|y"])
    for left, right in ((b"a", b"b|c"), (b"a|b", b"c")):
        assert b"bi:" + left + b"|" + right in known.names and right in known._pairs[left]


def test_shape_is_the_pattern():
    # each run of one character class cut to one character, at most 8 (the regular expression it replaced)
    import re

    from citecheck.parse.tagger.features import _char_class, shape

    for token in random_tokens(5000, seed=19) + ODD_TOKENS + ["https://www.example.org/a/b-c", "ÜBER-Straße", "١٢٣-٤"]:
        classes = "".join(_char_class(ch) for ch in token)
        assert shape(token) == re.sub(r"(.)(?=\1)", "", classes, flags=re.DOTALL)[:8], token
        assert shape(token) == shape(token)  # and again, remembered


def test_pattern_flags_are_the_patterns_without_their_quick_tests():
    # a token skips a pattern only where it cannot match: no digit, too short or too long, no dash or bracket
    from citecheck.parse.tagger import features as f

    years = ["2019", "(2019).", "[2019a]", "(2019a)).", "2019-2020", "x2019y", "1999),", "12345", "201"]
    numbers = ["12-15", "pp.12–15", "(12—15)", "978-3-16-148410-0", "0-19-852663-6", "030640615X", "9780306406157",
               "12(3):45", "*12*(3-4),", "12(3)", "(12)3", "١٢-١٥", "x²", "A1-B2"]
    for token in random_tokens(5000, seed=23) + years + numbers + ODD_TOKENS:
        features = token_features(token)
        digit = any(ch.isdigit() for ch in token)
        assert ("digit" in features) == digit, token
        year = digit and bool(f._YEAR.match(token))
        assert ("year" in features) == year, token
        assert ("hasyear" in features) == (digit and not year and bool(f._YEAR_INSIDE.search(token))), token
        for flag, pattern in (("pages", f._PAGES), ("isbn", f._ISBN), ("volissue", f._VOL_ISSUE)):
            assert (flag in features) == (digit and bool(pattern.match(token))), (token, flag)
        word = f._BARE.sub("", token)
        assert ("cap" in features) == word[:1].isupper(), token
        assert ("allcaps" in features) == (word.isupper() and len(word) > 1 and word.isalpha()), token


def test_label_repairs_skipped_for_want_of_their_marks_would_change_nothing(references):
    # a repair runs only on an entry whose tokens hold one of its marks: on one without, it must change no
    # label, whatever labels the tagger gave (random ones here)
    from citecheck.parse.tagger.dataset import LABELS
    from citecheck.parse.tagger.label_repairs import _REPAIRS
    from citecheck.parse.tagger.model import TaggedToken

    rng = random.Random(29)
    checked = 0
    for tokens in references:
        text = " " + " ".join(tokens).lower()  # a space before each token, as the repairs' marks have it
        if not text.isascii():
            continue
        skipped = [repair for repair, marks, _ in _REPAIRS if marks and not any(m in text for m in marks)]
        for _ in range(5):
            common = rng.sample(LABELS, 3)  # few labels, so runs of one label form as the tagger's do
            tagged = [TaggedToken(t, 0, 0, rng.choice(common), 0.9) for t in tokens]
            for repair in skipped:
                assert repair(tagged) == tagged, (repair.__name__, tokens)
                checked += 1
    assert checked > 1000


def test_label_repairs_skipped_for_want_of_their_labels_would_change_nothing(references):
    # a repair that needs labels runs only on an entry whose tokens carry them all: on one without, it must
    # change no label (random labels here, from those the tagger gives, short of one the repair needs)
    from citecheck.parse.tagger.dataset import LABELS
    from citecheck.parse.tagger.label_repairs import _REPAIRS
    from citecheck.parse.tagger.model import TaggedToken

    rng = random.Random(31)
    checked = 0
    for repair, _, needs in _REPAIRS:
        for tokens in references[:400]:
            for label in needs:
                common = rng.sample([x for x in LABELS if x != label], 4) + rng.sample(sorted(needs - {label}), len(needs) - 1)
                tagged = [TaggedToken(t, 0, 0, rng.choice(common), 0.5) for t in tokens]
                assert repair(tagged) == tagged, (repair.__name__, tokens)
                checked += 1
    assert checked > 1000
