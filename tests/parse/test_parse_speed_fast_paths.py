"""Speed-ups of the free-text reference parse change nothing: each quick test or shortcut gives
what the plain code it guards or replaced gave (kept here as the reference).

``urls.mentions`` lets a slow ``re.IGNORECASE`` scan be skipped when a word it needs is absent:
it must never say "absent" when the scan would match (the Kelvin sign, dotless i, dotted capital
I and long s match ASCII letters case-insensitively). ``tokenize`` keeps words without ";" or
":" whole without calling ``split_word``; ``_last_word`` replaces ``re.search(r"(\\S+)$")``;
names collapse whitespace with ``str.split``; ``fields._runs`` groups with ``itertools.groupby``;
``parse_entry`` reads an entry after its lead by the rules only when that reading can be used; patterns
that began with a look-behind or ``\\s*`` (where a search cannot skip ahead) start with a character or a
look-ahead and find the same.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model import CleanText
from citecheck.parse import names, references
from citecheck.parse.reference_segments import _last_word
from citecheck.parse.references import _ACCESS, _ACCESS_WORDS, _LINK_LABEL, _LINK_LABEL_WORDS, parse_reference_list
from citecheck.parse.tagger import load_tagger, read_sequences, tokenize
from citecheck.parse.tagger.dataset import split_word
from citecheck.parse.tagger.fields import _runs
from citecheck.parse.tagger.model import TaggedToken
from citecheck.parse.urls import _BARE, mentions, schemeless_urls

# Pieces that make the guarded patterns match, in odd cases and with the four non-ASCII letters
# that re.IGNORECASE matches to ASCII ones.
PIECES = [
    "Retrieved", "ACCESSED", "viewed on", "Consulted", "[Online]", "Available at:", "available from", "URL:",
    "Recuperado de", "Disponível em", "En ligne", "Online verfügbar unter", "abrufbar unter", "http://", "HTTPS://x.org",
    "www.", "doi.org/", "retrıeved", "accesſed", "İnternet", "\u212aey", "UR\u212a", " ", "  ", "\n", ".", ",", ":",
    "(", ")", "[", "]", "*", "Smith, J.", "2019", "ed.", "x.com/a", "é", "–",
]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@pytest.fixture(scope="module")
def strings() -> list[str]:
    """A sample of the labelled references (the styles mixed)."""
    root = Path(__file__).resolve().parents[2]
    refs = []
    for name in ("anystyle/core.xml", "anystyle/good.xml", "labelled/web-references.xml"):
        path = root / "data" / name
        refs += read_sequences(path.read_text(encoding="utf-8"), path.stem)
    return [r.text for r in random.Random(11).sample(refs, 400)]


def old_tokenize(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in re.finditer(r"\S+", text):
        at = m.start()
        for piece in split_word(m.group()):
            out.append((piece, at, at + len(piece)))
            at += len(piece)
    return out


def old_runs(tagged):
    out = []
    for tok in tagged:
        if out and out[-1][0] == tok.label:
            out[-1][1].append(tok)
        else:
            out.append((tok.label, [tok]))
    return [
        (label, " ".join(t.token for t in toks), sum(t.confidence for t in toks) / len(toks), toks[0].start, toks[-1].end)
        for label, toks in out
    ]


def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_mentions_never_misses_a_case_insensitive_match(text):
    for words, pattern in ((_ACCESS_WORDS, _ACCESS), (_LINK_LABEL_WORDS, _LINK_LABEL), (("http", "www."), _BARE)):
        if pattern.search(text):
            assert mentions(text, words)
        assert mentions(text, words) >= bool(words_pattern(words).search(text))
        if text.isascii():  # there it is exact
            assert mentions(text, words) == bool(words_pattern(words).search(text))


def test_mentions_sees_the_letters_lower_leaves_alone():
    assert re.search("retrieved", "retrıeved", re.IGNORECASE) and mentions("retrıeved", ("retrieved",))
    assert re.search("accessed", "accesſed", re.IGNORECASE) and mentions("accesſed", ("accessed",))
    assert re.search("key", "\u212aey", re.IGNORECASE) and mentions("\u212aey", ("key",))
    assert not mentions("Smith, J. (2019). A title.", _ACCESS_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0ab.;:/(", max_size=20))
def test_last_word_is_what_the_regex_found(text):
    m = re.search(r"(\S+)$", text)
    assert _last_word(text) == (m.group(1) if m else "")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u2003ab1;:/(http", max_size=30))
def test_tokenize_equals_the_split_word_walk(text):
    assert tokenize(text) == old_tokenize(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003ab,;-", max_size=20))
def test_names_whitespace_and_hyphen_shortcuts(text):
    assert names._single_spaced(text) == re.sub(r"\s+", " ", text).strip()
    assert names.repair_name_text(text) == names._BROKEN_HYPHEN.sub("-", text)  # the shortcut: no "-", no search
    if not re.search(r"-\s+(?:and|or|nor|to|und|oder|bzw|et|ou|y|o|e|en|of|i|a|ve|és)\b", text):  # "Stadt- und"
        assert names.repair_name_text(text) == re.sub(r"(?<=\w)(?:-\s+|\s+-)(?=\w)", "-", text)


def test_schemeless_urls_need_a_path():
    assert schemeless_urls("see thediplomat.com for more") == ()
    assert [f.url.url for f in schemeless_urls("see thediplomat.com/a/ now")] == ["https://thediplomat.com/a/"]


def test_runs_equal_the_list_walk():
    tagged = load_tagger().tag("Smith, J., & Doe, A. (2019). A title. *Journal*, 12(3), 45–67. Smith, J. again")
    assert _runs(tagged) == old_runs(tagged)
    made = [TaggedToken(t, i, i + 1, label, c) for i, (t, label, c) in
            enumerate([("a", "x", 0.1), ("b", "x", 0.7), ("c", "y", 0.3), ("d", "x", 0.9)])]
    assert _runs(made) == old_runs(made)
    assert _runs([]) == old_runs([]) == []


FRAGMENT_ENTRIES = [
    "Smith, J. (2019). A title. *Journal of Things*, 12(3), 45-67. sais.2006.0004",
    "Smith, J. (2019). A title. *Journal of Things*, 12(3), 45-67. doi:",
    "Smith, J. 2019. A title. Journal of Things 12 (3): 45-67. doi: 10.1353",
    "Doe, A., and B. Roe. A title. Journal of Things 12, no. 3 (2019): 45–67. d*oi:x",
    "Roe, B. A title. London: Verso, 2001. 10.1080",
    "Roe, B. A title. London: Verso, 2001. 1.0004",
    "Lee, K. (2020). *A book*. Press. https://example.org/a",
    "Lee, K. (2020). A paper. In *Proc. Things*, pp. 1-9. doi:10.1000/xyz",
]


def test_the_rest_read_only_when_used_changes_nothing(monkeypatch, strings):
    """``parse_entry`` skips the rules' reading after the lead when the tagger's reading will replace
    it: every entry parses as it does when that reading is always done."""
    text = CleanText.identity("refs.md", "\n\n".join(FRAGMENT_ENTRIES + strings))
    quick = parse_reference_list(text)
    monkeypatch.setattr(references, "_rest_read_by_rules", lambda *args: True)
    full = parse_reference_list(text)
    assert len(quick) == len(FRAGMENT_ENTRIES) + len(strings)
    assert repr(quick) == repr(full)
    assert sum(("doi_fragment", f) in r.extra for r in full for f in ("sais.2006.0004", "10.1353", "10.1080")) >= 2


# the patterns as they were, before they started with a character or a look-ahead (see each one's comment)
OLD_CONNECTOR = re.compile(r"\s*(?:;|,?\s*&|,?\s+and\s+|,\s+(?=&))\s*", re.IGNORECASE)
OLD_LISTED_PART = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")
OLD_YEAR_BARE = re.compile(references._YEAR_BARE.pattern.replace(r"\s(?<=[.,]\s)\s*", r"(?<=[.,])\s+", 1), re.IGNORECASE)
OLD_YEAR_ANY = re.compile(r"(?<![\d\-–/])((?:1[5-9]|20)\d{2})(?![\d\-–/])")
OLD_APA_BRACKET = re.compile(r"(?<=\S)\s\((?P<inner>[^()]{2,200})\)")
OLD_ORIGINAL_BEFORE = re.compile(references._ORIGINAL_BEFORE.pattern.replace(r"\s(?<=\.\s)\s*", r"(?<=\.)\s+", 1))
PATTERN_PIECES = [" ", "  ", "\t", "\n", "\u00a0", ";", ",", ", ", "&", " & ", " and ", "AND", "and", "x", "Smith", "J.",
                  ".", ". ", "2019", "1999", "20", "19", "1", "-", "–", "/", "a", "n.d.", " n.d", "[s.d.]", "in press",
                  "(", ")", "(2nd ed.)", " (", "[1899]", "(1899)", "[", "]"]
pattern_texts = st.lists(st.sampled_from(PATTERN_PIECES), max_size=14).map("".join)


def spans(pattern: re.Pattern[str], text: str, *where: int) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, *where)]


@settings(max_examples=500, deadline=None)
@given(pattern_texts)
def test_patterns_starting_with_a_character_find_the_same(text):
    assert references._YEAR_BARE.pattern != OLD_YEAR_BARE.pattern  # (the old form is rebuilt from the new one)
    assert names._CONNECTOR.split(text) == OLD_CONNECTOR.split(text)
    assert names._LISTED_PART.split(text) == OLD_LISTED_PART.split(text)
    for end in range(len(text) + 1):  # the callers search a head of the text too
        assert spans(references._YEAR_BARE, text, 0, end) == spans(OLD_YEAR_BARE, text, 0, end)
        assert spans(references._YEAR_ANY, text, 0, end) == spans(OLD_YEAR_ANY, text, 0, end)
    assert spans(references._APA_BRACKET, text) == spans(OLD_APA_BRACKET, text)
    assert references._ORIGINAL_BEFORE.pattern != OLD_ORIGINAL_BEFORE.pattern
    for end in (len(text), 5, 12):
        assert spans(references._ORIGINAL_BEFORE, text, 0, end) == spans(OLD_ORIGINAL_BEFORE, text, 0, end)


def test_patterns_starting_with_a_character_on_references(strings):
    for text in strings + ["Smith, J. 2019. A title.", "Roe, B., 1999a. x", "x.\n2019.", "12019 -2019 2019- /2019 2019",
                          "Du Bois, W. E. B. [1899] 1996. x", "Durkheim, Émile. (1912) 1995. x", "x.  (1912)  1995a. y"]:
        assert names._CONNECTOR.split(text) == OLD_CONNECTOR.split(text)
        assert names._LISTED_PART.split(text) == OLD_LISTED_PART.split(text)
        assert spans(references._YEAR_BARE, text) == spans(OLD_YEAR_BARE, text)
        assert spans(references._YEAR_ANY, text) == spans(OLD_YEAR_ANY, text)
        assert spans(references._APA_BRACKET, text) == spans(OLD_APA_BRACKET, text)
        assert spans(references._ORIGINAL_BEFORE, text, 0, 300) == spans(OLD_ORIGINAL_BEFORE, text, 0, 300)
    assert [m.group(1) for m in references._YEAR_ANY.finditer("12019 -2019 2019- /2019 2019, 1999")] == ["2019", "1999"]
    assert references._ORIGINAL_BEFORE.search("Du Bois, W. E. B. [1899] 1996.").group("year") == "1899"


# -- records made without their frozen __init__ ----------------------------------------------------

def test_make_reference_is_the_reference_its_init_makes():
    import dataclasses
    import pickle
    import sys

    from citecheck.model import EntryType, Name, Reference, Span
    from citecheck.model.reference import make_reference, replace_reference

    span = Span("refs.md", 3, 1, 10, 80)
    values = dict(raw="Smith, J. (2020). Title.", span=span, authors=(Name(family="Smith", given="J."),), year=2020,
                  title="Title", extra=(("label", "3"),))
    made, plain = make_reference(**values), Reference(**values)
    assert made == plain and repr(made) == repr(plain) and hash(made) == hash(plain)
    assert list(vars(made).items()) == list(vars(plain).items())  # the same attributes in the same order
    # and a state as small: a dict sharing its keys with every Reference's (filled from a plain dict, it took 3x the room)
    assert sys.getsizeof(vars(made)) < 1.5 * sys.getsizeof(vars(plain))
    assert sys.getsizeof(vars(replace_reference(made, key="k"))) < 1.5 * sys.getsizeof(vars(plain))
    changes = dict(key="smith2020", type=EntryType.BOOK, findings=())
    copied, replaced = replace_reference(made, **changes), dataclasses.replace(plain, **changes)
    assert list(vars(copied).items()) == list(vars(replaced).items()) and pickle.loads(pickle.dumps(copied)) == replaced
    assert made.key == ""  # the copy is another record
    with pytest.raises(dataclasses.FrozenInstanceError):
        copied.key = "other"  # type: ignore[misc]
    with pytest.raises(TypeError, match="span"):  # what Reference's own __init__ says
        make_reference(raw="x")
    with pytest.raises(TypeError, match="bogus"):
        make_reference(raw="x", span=span, bogus=1)
    with pytest.raises(TypeError, match="bogus"):
        replace_reference(made, bogus=1)


# -- the sections' patterns tried at line starts only -----------------------------------------------

_SECTION_PIECES = ["\n", "\n\n", "## References", "References", "references:", "**Bibliography**", "###### Works cited:",
                   "###### \t**Список использованной литературы :\t**  ", "REFERENCES AND NOTES", "References.",
                   "Notes", "###### \t FOOTNOTES\t:\t ", "## Endnotes:", "noteſ",
                   "# Intro", "#", "---", "***", "____", "Appendix A: Tables", "Acknowledgements", "Chapter 2", "  ", "\t",
                   "Smith, J. (2020). Title.", "x", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SECTION_PIECES), max_size=30), st.integers(min_value=0, max_value=400))
def test_line_matches_finds_what_finditer_finds(pieces, at):
    from citecheck.parse import sections
    from citecheck.parse.citation_notes import NOTES_HEADING
    from citecheck.parse.trailing_notes import _NOTES_LONGEST

    text = "".join(pieces)
    for pattern in (sections._HEADING, sections._RULE, sections._PLAIN_END, sections._ANY_HEADING):
        for start in (0, at, len(text), len(text) + 1):
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text, start)]
            assert [(m.span(), m.groups()) for m in sections.line_matches(pattern, text, start)] == expected
        # ... and a heading's, with the longest a heading's line can be: no longer line is tried
        expected = [(m.span(), m.groups()) for m in sections._HEADING.finditer(text, at)]
        found = sections.line_matches(sections._HEADING, text, at, longest=sections._HEADING_LONGEST)
        assert [(m.span(), m.groups()) for m in found] == expected
        # ... and a notes heading's (``trailing_notes``)
        expected = [m.span() for m in NOTES_HEADING.finditer(text, at)]
        assert [m.span() for m in sections.line_matches(NOTES_HEADING, text, at, longest=_NOTES_LONGEST)] == expected


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789 \t/ofxab,.\n١", max_size=30))
def test_mask_page_number_is_the_patterns_substitution(folded):
    from citecheck.parse.cleanup import _EDGE_NUMBER, mask_page_number

    expected = _EDGE_NUMBER.sub("#", folded) if folded[:1].isdigit() or folded[-1:].isdigit() else folded
    assert mask_page_number(folded) == expected
