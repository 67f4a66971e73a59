"""The tagger's fast path: per-token feature caches and pre-encoded crfsuite attributes.

``sequence_items`` (what the tagger is fed and the model was trained on) must be the same with
the per-token cache cold, warm, and bypassed, and the parser's output must be the same with a
cold cache and a warm one.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from citecheck.model import CleanText
from citecheck.parse.references import _fold, parse_reference_list
from citecheck.parse.reference_segments import split_segments, strip_markup
from citecheck.parse.tagger import load_tagger, read_sequences, sequence_items, tokenize
from citecheck.parse.tagger.dataset import split_word
from citecheck.parse.tagger.features import _char_class, clear_caches, shape

ROOT = Path(__file__).resolve().parents[2]


def eir_references() -> str:
    text = (ROOT / "examples" / "eir" / "essay.md").read_text(encoding="utf-8")
    start = text.index("## Bibliography")
    end = text.index("\n# ", start)
    return text[start + len("## Bibliography"):end].strip()


def eir_entries() -> list[str]:
    return [r.raw for r in parse_reference_list(CleanText.identity("essay.md", eir_references()))]


def anystyle_sample(n: int = 150) -> list[str]:
    refs = read_sequences((ROOT / "data" / "anystyle" / "core.xml").read_text(encoding="utf-8"), "core")
    refs += read_sequences((ROOT / "data" / "anystyle" / "good.xml").read_text(encoding="utf-8"), "good")
    return [r.text for r in random.Random(7).sample(refs, n)]


@pytest.fixture(scope="module")
def strings() -> list[str]:
    texts = eir_entries() + anystyle_sample()
    assert len(texts) > 160
    return texts


def tokens_of(text: str) -> list[str]:
    return [t for t, _, _ in tokenize(text)]


def test_cached_items_equal_uncached(strings):
    clear_caches()
    for text in strings:
        tokens = tokens_of(text)
        fresh = sequence_items(tokens, cache=False)
        assert sequence_items(tokens) == fresh  # cold
        assert sequence_items(tokens) == fresh  # warm


def test_tagging_identical_with_cache_cold_and_warm(strings):
    tagger = load_tagger()
    crf = tagger._tagger
    clear_caches()
    for text in strings:
        tokens = tokens_of(text)
        spans, items = sequence_items(tokens, cache=False)
        crf.set(items)
        labels = crf.tag()
        expected = [(label, crf.marginal(label, c)) for c, ((i, j), label) in enumerate(zip(spans, labels))
                    for _ in range(i, j)]
        assert tagger.tag_tokens(tokens) == expected
        assert tagger.tag_tokens(tokens) == expected  # warm cache


def test_parse_identical_cold_and_warm():
    text = CleanText.identity("essay.md", eir_references())
    clear_caches()
    cold = parse_reference_list(text)
    warm = parse_reference_list(text)
    assert len(cold) > 10
    assert repr(cold) == repr(warm)


@pytest.mark.parametrize(
    "token", ["Smith,", "2019", "45–67.", "*Journal", "J.-P.", "Müller", "ǅemal", "x²", "١٢٣", "«Titre»", "a\u0301", "--", ""]
)
def test_shape_matches_per_character_reading(token):
    out: list[str] = []
    for ch in token:
        c = _char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    assert shape(token) == "".join(out)[:8]


def test_split_word_fast_path():
    assert split_word("Smith,") == ["Smith,"]
    assert split_word("") == []
    assert split_word("2000;355(9222):2220-1.") == ["2000;", "355(9222):", "2220-1."]
    assert split_word("https://x.org/a:b") == ["https://x.org/a:b"]


def _fold_per_character(text: str, start: int, end: int) -> tuple[str, list[int]]:
    chars: list[str] = []
    index: list[int] = []
    for i in range(start, end):
        if text[i].isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                index.append(i)
        else:
            chars.append(text[i])
            index.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


def test_fold_matches_per_character_reading():
    rng = random.Random(3)
    alphabet = "ab .\n\t\u00a0\u2009\u3000\x1c*é"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        folded, index = _fold(text, start, end)  # (the offsets a range where every character is kept)
        assert (folded, list(index)) == _fold_per_character(text, start, end)


def _strip_markup_regex(text: str) -> str:
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!&'])", r"\1", text)
    text = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)|\*+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def test_strip_markup_matches_regex_reading():
    rng = random.Random(5)
    pieces = ["a", "B", " ", "*", "_", "\\", "\\*", ".", "\n", "\u00a0", "\u2003", "Smith", "**"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert strip_markup(text) == _strip_markup_regex(text)


def test_split_segments_examples():
    segs = split_segments('Title of it. *Journal* 12(3), 45–67. "Quoted, title." U.S. Dept. of Things. Done!', 5)
    assert [s.text for s in segs] == ["Title of it", "*Journal* 12(3), 45–67", '"Quoted, title."',
                                      "U.S. Dept. of Things", "Done!"]


def test_author_list_cache_is_transparent(strings):
    from citecheck.parse.names import parse_author_list

    texts = ["Smith, J., & Doe, A.", "Human Rights Watch", "Enos, Olivia & Yunjin Kim", "Smith, J., et al."]
    clear_caches()
    cold = [parse_author_list(t) for t in texts]
    assert parse_author_list.cache_info().currsize == len(texts)
    warm = [parse_author_list(t) for t in texts]
    assert warm == cold and all(a is b for a, b in zip(warm, cold))
    clear_caches()
    assert parse_author_list.cache_info().currsize == 0
    assert [parse_author_list(t) for t in texts] == cold


def test_author_lists_equal_once_cleaned_are_read_once_and_alike():
    """``parse_author_list`` reads a text the same whether the one it cleans to was read before (from
    another text: "Marshall, Tyler" and "Marshall, Tyler.") or not."""
    from citecheck.parse.names import _names_in_clean_text, parse_author_list

    texts = ["Marshall, Tyler", "Marshall, Tyler.", "  Marshall,  Tyler  ", "Smith, J., et al.", "Smith, J., et al",
             "Smith, J.", "Johnson, F. A., and D. J. Case.", "Johnson, F. A., and D. J. Case", "et al.", ""]
    alone = []
    for text in texts:
        clear_caches()
        alone.append(parse_author_list(text))
    clear_caches()
    together = [parse_author_list(t) for t in texts]
    assert together == alone
    assert together[0] is together[1] is together[2]  # one reading
    assert together[3] == together[4] != together[5] and together[3][-1].literal == "others"
    assert _names_in_clean_text.cache_info().currsize < len(texts)
    clear_caches()
    assert _names_in_clean_text.cache_info().currsize == 0
