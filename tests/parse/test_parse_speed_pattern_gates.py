"""Cheap tests before the tagger's patterns change nothing: a regular expression is tried only on a token
that could match it (a length, a first or second character, a full stop in it, the labels around it), and
each test here checks that the gated code gives what the plain code it replaced gave (kept here as the
reference), and that the patterns are no longer asked of the tokens the gates turn away.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from citecheck.parse.tagger import read_sequences
from citecheck.parse.tagger import features as f
from citecheck.parse.tagger import name_repairs, number_repairs, title_repairs
from citecheck.parse.tagger.dataset import LABELS
from citecheck.parse.tagger.label_repairs import _REPAIRS, repaired
from citecheck.parse.tagger.model import TaggedToken

ROOT = Path(__file__).resolve().parents[2]
ODD = ["", ".", "J.", "J.-P.", "JRR,", "JRR.", "AB", "A.B.C.D.", "Ab.", "É.", "(n.d.)", "n.d.", "o.J.", "s.d.", "S.f.",
       "(s.d.)", "[s.d.]", "t.y.", "b.r.", "u.å.", "χ.χ.", "(2019)", "the", "sd", "'88,", "’13,", "'88", "3.", "11.",
       "123.", "1234.", "Aufl.", "éd.", "editors,", "(eds.),", "eds.", "Editor", "de", "la", "van", "Chen", "O'Brien",
       "D’Souza", "Pérez-Higueras", "L,", "JJ,", "H.", "et", "al.", "Smith,", "www.x", "Www.x", "HTTPS://x", "httpſ://x",
       "doi:10.1/x", "doı", "Dover", "Design", "have", "h", "w", "d", "x²", "١٢٣", "2019", "abc1", "１２"]


def sample_tokens(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = ["a", "Z", "J", "é", "Ü", "1", "9", "²", "١", ".", ",", ";", ":", "(", ")", "[", "]", "*", "'", "’", "-",
              "n.d.", "s.d", "eds", "www.", "http://", "doi", "ht", "do", "ww", "2019", "'88", "Chen", "de"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(n)] + ODD


@pytest.fixture(scope="module")
def references() -> list[list[str]]:
    refs = []
    for path in (ROOT / "data" / "anystyle" / "core.xml", ROOT / "data" / "labelled" / "web-references.xml"):
        refs += read_sequences(path.read_text(encoding="utf-8"), path.stem)
    return [r.tokens for r in random.Random(3).sample(refs, 300)]


def test_initial_flag_is_the_pattern():
    for token in sample_tokens(5000, seed=1):
        assert ("initial" in f.token_features(token)) == bool(token[:1].isascii() and "A" <= token[:1] <= "Z"
                                                               and f._INITIALS.match(token)), token


def test_has_digit_is_the_ascii_pattern():
    for token in sample_tokens(5000, seed=2):
        assert f._has_digit(token) == any(ch.isdigit() for ch in token), token
        if token.isascii():
            assert f._has_digit(token, True) == bool(re.search(r"[0-9]", token)), token


def test_link_edges_are_the_pattern():
    for token in sample_tokens(5000, seed=3):
        starts = token[:1] in f.CHUNK_STARTS or bool(re.match(r"^(?:https?://|www\.|doi)", token, re.IGNORECASE))
        if not (any(ch.isdigit() for ch in token) or re.match(r"^[-–—]+$", token)):
            assert f._edges(token)[1] == starts, token


def plain_vancouver_names_end(tagged: list[TaggedToken]) -> int:
    """``vancouver_names_end`` as it was, each pattern tried on every token."""
    i = 0
    while i < len(tagged):
        family = i
        while i < len(tagged) and name_repairs._VANCOUVER_PARTICLE.match(tagged[i].token):
            i += 1
        words = 0
        while i < len(tagged) and words < 2 and name_repairs._VANCOUVER_FAMILY.match(tagged[i].token):
            i, words = i + 1, words + 1
        if words == 0 or i >= len(tagged) or not name_repairs._VANCOUVER_INITIALS.match(tagged[i].token) or i - family > 4:
            return 0
        i += 1
        if tagged[i - 1].token.endswith("."):
            return i
        if i + 1 < len(tagged) and tagged[i].token == "et" and tagged[i + 1].token == "al.":
            return i + 2
    return 0


def plain_no_date_mark_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    no_date = number_repairs._NO_DATE
    return [t._replace(label="date") if t.label != "date" and no_date.match(t.token) else t for t in tagged]


def test_vancouver_names_end_is_the_plain_walk(references):
    rng = random.Random(4)
    vancouver = ["Chen", "L,", "Wu", "H.", "de", "la", "Macorra", "JC,", "O'Brien", "S,", "et", "al.", "Pérez-Higueras", "AB."]
    lists = references + [[rng.choice(vancouver + ODD) for _ in range(rng.randint(0, 9))] for _ in range(3000)]
    for tokens in lists:
        tagged = [TaggedToken(t, 0, 0, "author", 0.9) for t in tokens]
        assert name_repairs.vancouver_names_end(tagged) == plain_vancouver_names_end(tagged), tokens


def test_no_date_marks_are_the_pattern():
    for token in sample_tokens(5000, seed=5):
        tagged = [TaggedToken("Title", 0, 0, "title", 0.9), TaggedToken(token, 0, 0, "title", 0.9)]
        assert number_repairs.no_date_mark_is_the_date(tagged) == plain_no_date_mark_is_the_date(tagged), token


class Spy:
    """A pattern that counts the tokens it is asked of."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern, self.asked = pattern, 0

    def match(self, text: str) -> re.Match[str] | None:
        self.asked += 1
        return self.pattern.match(text)


def test_repairs_ask_their_patterns_of_few_tokens(monkeypatch, references):
    # the labels and a length are tested before the pattern: of the tokens of entries that hold the repairs'
    # marks, with the labels the tagger might give, few reach the patterns (each token did before)
    spies = {}
    for module, name in ((name_repairs, "EDITORS_AFTER"), (title_repairs, "_SHORT_YEAR"),
                         (title_repairs, "_EDITION_NUMBER"), (name_repairs, "_VANCOUVER_FAMILY"),
                         (name_repairs, "_VANCOUVER_PARTICLE"), (name_repairs, "_VANCOUVER_INITIALS")):
        spies[name] = Spy(getattr(module, name))
        monkeypatch.setattr(module, name, spies[name])
    rng = random.Random(6)
    tokens_seen = 0
    for tokens in references:
        tagged = [TaggedToken(t, 0, 0, rng.choice(LABELS), 0.9) for t in ["In", "'88", "3.", "editors,", *tokens]]
        for repair in (name_repairs.names_before_editors_word_are_editors, title_repairs.short_year_ends_the_proceedings,
                       title_repairs.numbered_edition_ends_the_title):
            repair(tagged)
        name_repairs.vancouver_names_end(tagged)
        tokens_seen += len(tagged)
    for name, spy in spies.items():
        assert spy.asked < tokens_seen / 4, name


def test_repaired_is_every_repair_in_turn(references):
    # the repairs skipped for want of their marks or labels, and the labels read again only after a repair
    # changed one (not after one that returned an equal copy), give what running every repair in turn gives
    rng = random.Random(7)
    for tokens in references:
        common = rng.sample(LABELS, 4)
        tagged = [TaggedToken(t, 0, 0, rng.choice(common), rng.random()) for t in tokens]
        plain = tagged
        for repair, _, _ in _REPAIRS:
            plain = repair(plain)
        assert repaired(tagged) == plain, tokens


def test_fields_patterns_skipped_could_not_have_matched():
    # names_of tries the bullet only on a text that opens with one and the handle only on one with "[@"; a
    # container run tries the italic name only with markup in it, and "In" only on a text whose second
    # character is an n: elsewhere the patterns change nothing
    from citecheck.parse.tagger import fields

    rng = random.Random(8)
    pieces = ["- ", "– ", "• ", "· ", "-", "[@x]", "[@", "@]", "In ", "in: ", "IN", "ın ", "*Nature*", "_x_", ", ",
              "Smith", "J.", " ", "é", "1", "Press"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if text[:1] not in ("-", "–", "•", "·"):
            assert fields._BULLET.sub("", text, count=1) == text, text
        if "[@" not in text:
            assert fields._HANDLE.sub("", text) == text, text
        if "*" not in text and "_" not in text:
            assert fields._ITALIC_THEN_NAME.match(text) is None, text
        if text[1:2] not in ("n", "N"):
            assert fields._IN.sub("", text) == text, text


def test_empty_fields_are_no_thesis_nor_conference():
    from citecheck.parse import references

    for pattern in (references._THESIS, references._CONFERENCE, references._REPORT, references._REPORT_NOTE):
        assert pattern.search("") is None


def test_tag_gives_each_token_its_chunks_label(references):
    # tag builds each token's TaggedToken from its chunk's label at once: the labels and marginals tag_tokens gives
    from citecheck.parse.tagger import load_tagger, tokenize

    tagger = load_tagger()
    texts = [" ".join(tokens) for tokens in references[:150]]
    texts.append("Smith, J. (2019). A title. *https://example.org/page*.")  # the link override
    for text in texts:
        spans = tokenize(text)
        tagged = tagger.tag(text)
        assert [(t.token, t.start, t.end) for t in tagged] == spans
        assert [(t.label, t.confidence) for t in tagged] == tagger.tag_tokens([t for t, _, _ in spans])


def test_closing_quote_and_bracket_flags_are_the_stripped_tokens():
    # the token is stripped of its trailing ".,;:" only when it ends in one: the flags are those of the stripped token
    for token in sample_tokens(5000, seed=9) + ['"', '".', "”,", ")", ").", "].;", "x)", "x).", "’", "»:", ".", ""]:
        features = f.token_features(token)
        end = token.rstrip(".,;:")[-1:]
        assert ("qclose" in features) == (end in "\"”'’»"), token
        assert ("pclose" in features) == (end in ")]"), token
