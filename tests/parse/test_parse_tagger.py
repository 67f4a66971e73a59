"""The CRF reference tagger: the shipped model, its features and labels, and its use by the parser.

No test retrains the model (that is scripts/train_tagger.py, under a minute); these check
that the shipped model loads, matches the code's labels and feature version, tags known
strings, and that the parser uses it for the shapes the rules do not know.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.model import CleanText, EntryType, Kind, Severity
from citecheck.parse.references import LOW_CONFIDENCE, parse_reference_list
from citecheck.parse.tagger import (
    FEATURE_VERSION,
    LABELS,
    ReferenceTagger,
    TaggerModelError,
    is_held_out,
    load_tagger,
    chunk_spans,
    read_sequences,
    sequence_items,
    tokenize,
)
from citecheck.parse.tagger.combine import rules_fit
from citecheck.parse.tagger.fields import pages_of, read_fields, volume_issue
from citecheck.parse.tagger.model import META_FILE, MODEL_FILE, TaggedToken

DATA = Path(__file__).resolve().parents[2] / "src" / "citecheck" / "parse" / "tagger" / "data"


def one(text: str, use_tagger: bool = True):
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text), use_tagger=use_tagger)
    return ref


# --- the shipped model ------------------------------------------------------------------------


def test_shipped_model_matches_the_code():
    meta = json.loads((DATA / META_FILE).read_text(encoding="utf-8"))
    assert meta["feature_version"] == FEATURE_VERSION
    assert tuple(meta["labels"]) == LABELS
    assert set(load_tagger().labels) <= set(LABELS)
    assert {"author", "date", "title", "container", "publisher", "url"} <= set(load_tagger().labels)
    assert (DATA / MODEL_FILE).stat().st_size < 5_000_000  # a few MB at most


def test_shipped_model_keeps_its_licence_and_attribution():
    notice = (DATA / "NOTICE").read_text(encoding="utf-8")
    assert "AnyStyle" in notice and "BSD" in notice and "Sylvester Keil" in notice
    assert "Redistribution and use" in (DATA / "LICENSE-anystyle").read_text(encoding="utf-8")


def test_model_for_other_features_is_refused():
    meta = json.loads((DATA / META_FILE).read_text(encoding="utf-8"))
    with pytest.raises(TaggerModelError, match="features"):
        ReferenceTagger(DATA / MODEL_FILE, {**meta, "feature_version": "0"})
    with pytest.raises(TaggerModelError, match="labels"):
        ReferenceTagger(DATA / MODEL_FILE, {**meta, "labels": ["author"]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith, John. The Great Book. New York: Penguin, 2019.",
         {"Smith,": "author", "Book.": "title", "York:": "location", "Penguin,": "publisher", "2019.": "date"}),
        ('[3] J. Smith and A. Doe, "A title here," IEEE Trans. Pattern Anal., vol. 12, no. 3, pp. 45-67, 2019.',
         {"[3]": "number", "Doe,": "author", '"A': "title", "Trans.": "container", "12,": "volume",
          "45-67,": "pages", "2019.": "date"}),
        ("Batha, Emma. (2019). North Korean women tell of slavery. *Reuters*. <https://www.reuters.com/article/x>",
         {"Emma.": "author", "(2019).": "date", "slavery.": "title", "*Reuters*.": "container",
          "<https://www.reuters.com/article/x>": "url"}),
    ],
)
def test_tagger_labels_known_strings(text, expected):
    tagged = {t.token: t for t in load_tagger().tag(text)}
    for token, label in expected.items():
        assert tagged[token].label == label, token
        assert 0.0 < tagged[token].confidence <= 1.0


def test_tag_offsets_point_into_the_text():
    text = "  Doe, A.  (2001).\tTitle. "
    tagged = load_tagger().tag(text)
    assert [text[t.start : t.end] for t in tagged] == ["Doe,", "A.", "(2001).", "Title."]
    assert load_tagger().tag("") == []


def test_tokenize():
    assert tokenize("a  b\nc") == [("a", 0, 1), ("b", 3, 4), ("c", 5, 6)]
    assert tokenize("   ") == []


# --- features and data ------------------------------------------------------------------------


def test_features_see_dictionaries_patterns_and_markup():
    from citecheck.parse.tagger.features import token_features

    f = [token_features(t) for t in ["Smith,", "J.", "(2019).", "*Journal", "12(3),", "45–67.", "March"]]
    assert f[0]["surname"] == "top1k" and f[1]["initial"] == 1.0
    assert f[2]["year"] == 1.0 and f[5]["pages"] == 1.0 and f[4]["volissue"] == 1.0
    assert f[3]["journalw"] == 1.0 and f[3]["star"] == "open" and f[6]["month"] == 1.0


def test_chunks_end_only_at_punctuation_digits_dashes_and_links():
    tokens = ["Selwyn,", "David.", "Jane", "Austen", "and", "Children.", "London:", "Continuum", "Books", "2010",
              "Review", "of", "Pacific", "Basin", "–", "Finance", "(Special", "issue)", "see", "https://x.org"]
    assert [" ".join(tokens[i:j]) for i, j in chunk_spans(tokens)] == [
        "Selwyn,", "David.", "Jane Austen and Children.", "London:", "Continuum Books", "2010",
        "Review of Pacific Basin", "–", "Finance", "(Special issue)", "see", "https://x.org",
    ]
    assert chunk_spans([]) == []


def test_chunk_items_see_their_words_their_neighbours_and_markup():
    tokens = ["Smith,", "J.", "(2019).", "*Journal", "of", "Things*,", "12(3),", "45–67."]
    spans, items = sequence_items(tokens)
    assert spans == [(0, 1), (1, 2), (2, 3), (3, 6), (6, 7), (7, 8)]
    journal = items[3]
    assert b"f:star:open" in journal and b"l:last:," in journal and b"len:3" in journal and b"bi:2019|journal" in journal
    assert {b"bw:journal", b"bw:of", b"bw:things", b"any:journalw"} <= set(journal)
    assert b"-1:year" in journal and b"1:w:12 3" in journal or b"1:shape:d(d)," in journal
    assert b"in_italic" not in journal and b"in_italic" not in items[4]  # the italics close in the chunk
    _, italic = sequence_items(["*Annals", "of", "1848", "Revolutions*,", "3."])
    assert [b"in_italic" in item for item in italic] == [False, True, True, False]  # "*Annals of", "1848", ...
    assert b"single" in items[0] and b"-1:edge" in items[0] and b"2:edge" in items[-1]
    assert b"cpos:0" in items[0] and b"tpos:3" in journal


def test_tagged_tokens_take_their_chunks_label():
    tagged = load_tagger().tag("Selwyn, David. Jane Austen and Children. London: Continuum, 2010.")
    by_token = {t.token: t for t in tagged}
    assert {by_token[w].label for w in ("Jane", "Austen", "and", "Children.")} == {"title"}
    assert len({by_token[w].confidence for w in ("Jane", "Austen", "and", "Children.")}) == 1
    assert by_token["Selwyn,"].label == "author" and by_token["2010."].label == "date"


def test_read_sequences_folds_anystyle_labels():
    xml = (
        "<dataset><sequence style='x'><author>Doe, A.</author><journal>J. Things,</journal>"
        "<citation-number>[2]</citation-number><container>*Site*.</container><weird>odd</weird></sequence></dataset>"
    )
    (ref,) = read_sequences(xml, "test")
    assert ref.tokens == ("Doe,", "A.", "J.", "Things,", "[2]", "*Site*.", "odd")
    assert ref.labels == ("author", "author", "container", "container", "number", "container", "note")
    assert (ref.source, ref.style) == ("test", "x")
    assert ref.spans()[0] == ("author", "Doe, A.")


def test_held_out_split_is_stable_and_about_a_fifth():
    xml = "<dataset>" + "".join(f"<sequence><title>T{i}</title></sequence>" for i in range(1000)) + "</dataset>"
    refs = read_sequences(xml)
    held = [r for r in refs if is_held_out(r)]
    assert 150 < len(held) < 250
    assert held == [r for r in reversed(refs) if is_held_out(r)][::-1]


def test_fields_from_labels():
    def toks(pairs):
        out, pos = [], 0
        for token, label in pairs:
            out.append(TaggedToken(token, pos, pos + len(token), label, 0.9))
            pos += len(token) + 1
        return out

    found = read_fields(toks([("In", "editor"), ("J.", "editor"), ("Roe", "editor"), ("(Ed.),", "editor"),
                              ("*Big", "container"), ("Book*", "container"), ("(pp.", "pages"), ("1–10).", "pages"),
                              ("Oxford:", "location"), ("OUP.", "publisher"), ("2001.", "date"), ("2005.", "date")]))
    v = found.values
    assert [(e.family, e.given) for e in v["editors"]] == [("Roe", "J.")]
    assert (v["container"], v["pages"], v["place"], v["publisher"], v["year"]) == ("Big Book", "1–10", "Oxford", "OUP", 2001)
    assert found.confidence["pages"] == pytest.approx(0.9)
    assert volume_issue("vol. 12, no. 3,") == ("12", "3")
    assert volume_issue("*26*(1),") == ("26", "1")
    assert volume_issue("2004;101(4):") == ("101", "4")
    assert volume_issue("23;378(9789):") == ("378", "9789")  # the day of Vancouver's "2011 Jul 23;"
    # a double or supplement issue keeps its closing bracket, and all of it
    assert volume_issue("144 (1–2):") == ("144", "1–2")
    assert volume_issue("7 (Suppl 1):") == ("7", "Suppl 1")
    assert volume_issue("(12)") == ("12", "") and volume_issue("12),") == ("12", "")
    assert pages_of("pp. 45-67.") == "45-67"


def tagged(pairs):
    """TaggedTokens from (token, label) or (token, label, confidence)."""
    out, pos = [], 0
    for token, label, *conf in pairs:
        out.append(TaggedToken(token, pos, pos + len(token), label, conf[0] if conf else 0.9))
        pos += len(token) + 1
    return out


def test_a_given_name_tagged_as_the_date_before_a_bracketed_date_is_the_authors():
    # Wikipedia's "Doe, Jane (15 July 2019)": "Jane", "June" are not months here
    found = read_fields(tagged([("Smith,", "author"), ("John;", "author"), ("Doe,", "author"), ("Jane", "date"),
                                ("(15", "date"), ("July", "date"), ("2019).", "date"), ("Cities.", "title")]))
    assert [(n.family, n.given) for n in found.values["authors"]] == [("Smith", "John"), ("Doe", "Jane")]
    assert found.values["year"] == 2019
    found = read_fields(tagged([("Low,", "author"), ("June", "date"), ("2020.", "date"), ("Rivers.", "title")]))
    assert [(n.family, n.given) for n in found.values["authors"]] == [("Low", "")]  # no bracket: left alone


def test_of_several_date_runs_the_surest_gives_the_year():
    found = read_fields(tagged([("Left", "container"), ("Catholicism,", "container"), ("1943-1955:", "date", 0.55),
                                ("Leuven", "location"), ("2001)", "date", 0.95)]))
    assert found.values["year"] == 2001
    # equally sure: the first one stands
    found = read_fields(tagged([("2001.", "date"), ("Title.", "title"), ("2005.", "date")]))
    assert found.values["year"] == 2001
    # two chunks with a year side by side make one date run: the surer chunk's year
    found = read_fields(tagged([("Report", "title"), ("2019.", "date", 0.73), ("(2020).", "date", 0.99)]))
    assert found.values["year"] == 2020
    found = read_fields(tagged([("(2", "date", 0.9), ("May", "date", 0.8), ("2019).", "date", 0.95)]))
    assert found.values["year"] == 2019  # one year in the run: nothing to choose


def test_a_volume_run_that_took_the_pages_gives_them_back():
    found = read_fields(tagged([("Survey,", "container"), ("58(1):", "volume"), ("1–20,", "volume", 0.6), ("2018.", "date")]))
    assert (found.values["volume"], found.values["issue"], found.values["pages"]) == ("58", "1", "1–20")
    found = read_fields(tagged([("Politics,", "container"), ("2:", "volume"), ("3", "volume"), ("(1970),", "date"),
                                ("337-363.", "pages")]))
    assert (found.values["volume"], found.values["issue"], found.values["pages"]) == ("2", "3", "337-363")


def test_a_chapter_title_with_its_in_container_is_split():
    found = read_fields(tagged([("“Communication", "title"), ("Networks,”", "title"), ("in", "title"), ("The", "title"),
                                ("Forbidden", "title"), ("Best-Sellers", "title"), ("(New", "location")]))
    assert (found.values["title"], found.values["container"]) == ("Communication Networks", "The Forbidden Best-Sellers")
    # a title with "in" inside it and a container of its own is left alone
    found = read_fields(tagged([("Trafficking.", "title"), ("In", "title"), ("Asia.", "title"), ("*Journal*", "container")]))
    assert (found.values["title"], found.values["container"]) == ("Trafficking. In Asia", "Journal")


def test_a_publisher_ending_in_of_keeps_the_place_after_it():
    found = read_fields(tagged([("The", "publisher"), ("City", "publisher"), ("University", "publisher"), ("of", "publisher"),
                                ("New", "location"), ("York,", "location"), ("2015.", "date")]))
    assert found.values["publisher"] == "The City University of New York"
    assert "place" not in found.values


def test_a_container_cut_mid_sentence_takes_the_word_that_ends_it():
    found = read_fields(tagged([("In", "container"), ("Workshop", "container"), ("on", "container"),
                                ("Machine", "container"), ("Learning.", "publisher"), ("Morgan", "publisher"),
                                ("Kaufmann.", "publisher")]))
    assert (found.values["container"], found.values["publisher"]) == ("Workshop on Machine Learning", "Morgan Kaufmann")
    found = read_fields(tagged([("*Journal*.", "container"), ("Oxford", "publisher"), ("Press.", "publisher")]))
    assert (found.values["container"], found.values["publisher"]) == ("Journal", "Oxford Press")


def test_mla_italic_container_then_publisher():
    found = read_fields(tagged([("*Devex*,", "container"), ("Office", "container"), ("of", "container"),
                                ("the", "container"), ("UN,", "container"), ("25", "date"), ("Feb.", "date")]))
    assert (found.values["container"], found.values["publisher"]) == ("Devex", "Office of the UN")
    found = read_fields(tagged([("*Journal", "container"), ("of", "container"), ("Peace*,", "container"), ("12(3),", "volume")]))
    assert found.values["container"] == "Journal of Peace" and "publisher" not in found.values


def test_rules_fit_needs_the_year_and_the_lead_read_alike():
    def tok(token, start, label):
        return TaggedToken(token, start, start + len(token), label, 1.0)

    tagged = [tok("Doe,", 0, "author"), tok("A.", 5, "author"), tok("(2019).", 8, "date"), tok("T.", 16, "title")]
    assert rules_fit(tagged, (8, 15), lead_is_names=True)
    assert not rules_fit(tagged, None, lead_is_names=True)
    wrong_year = [tok("Doe,", 0, "author"), tok("A.", 5, "author"), tok("(2019).", 8, "volume")]
    assert not rules_fit(wrong_year, (8, 15), lead_is_names=True)
    title_lead = [tok("Doe,", 0, "title"), tok("A.", 5, "title"), tok("(2019).", 8, "date")]
    assert not rules_fit(title_lead, (8, 15), lead_is_names=True)


# --- the parser with the tagger ---------------------------------------------------------------


def test_chicago_notes_bibliography_book_year_at_the_end():
    text = "Smith, John. The Great Book of Things. New York: Penguin Press, 2019."
    rules = one(text, use_tagger=False)
    assert rules.title != "The Great Book of Things"  # the rules alone misread this shape
    ref = one(text)
    assert [(a.family, a.given) for a in ref.authors] == [("Smith", "John")]
    assert (ref.title, ref.place, ref.publisher, ref.year) == ("The Great Book of Things", "New York", "Penguin Press", 2019)
    assert ref.type is EntryType.BOOK


def test_vancouver_numbered_article():
    ref = one("12. Coubes P, Roubertie A, Hemm S. Treatment of generalised dystonia by stimulation. "
              "Lancet. 2000;355(9222):2220-1.")
    assert [a.family for a in ref.authors] == ["Coubes", "Roubertie", "Hemm"]
    assert ref.title == "Treatment of generalised dystonia by stimulation"
    assert (ref.container, ref.year, ref.volume, ref.issue, ref.pages) == ("Lancet", 2000, "355", "9222", "2220-1")
    assert ("label", "12") in ref.extra
    assert ref.type is EntryType.ARTICLE


def test_ieee_numbered_article():
    ref = one('[3] J. Smith and A. Doe, "Deep nets for parsing," IEEE Trans. Pattern Anal., vol. 12, no. 3, '
              "pp. 45-67, 2019.")
    assert [a.family for a in ref.authors] == ["Smith", "Doe"]
    assert (ref.title, ref.volume, ref.issue, ref.pages, ref.year) == ("Deep nets for parsing", "12", "3", "45-67", 2019)
    assert ref.container.startswith("IEEE Trans")


def test_chapter_in_edited_book():
    ref = one("Doe, Jane. 2015. “Rivers and Towns.” In The Book of Water, edited by Mark Roe, 45–67. "
              "Oxford: Oxford University Press.")
    assert [a.family for a in ref.authors] == ["Doe"]
    assert ref.title == "Rivers and Towns"
    assert [e.family for e in ref.editors] == ["Roe"]
    assert ref.type is EntryType.CHAPTER


def test_thesis():
    ref = one("Nguyen, Thi Lan. Migration and Memory in the Mekong Delta. PhD diss., University of Oxford, 2018.")
    assert ref.year == 2018 and ref.title == "Migration and Memory in the Mekong Delta"
    assert ref.type is EntryType.THESIS


def test_every_field_has_a_confidence():
    for text in (
        "Smith, John. The Great Book of Things. New York: Penguin Press, 2019.",
        "Barr, Heather. (2019). Title. *Human Rights Watch*. <https://www.hrw.org/x>",
    ):
        ref = one(text)
        conf = dict(ref.field_confidence)
        for name in ("authors", "year", "title", "container", "publisher", "place", "volume", "pages", "urls"):
            value = getattr(ref, name)
            if value not in ("", (), None):
                assert 0.0 < conf[name] <= 1.0, name


def test_low_confidence_fields_are_reported_for_review():
    ref = one("Smith, John. The Great Book of Things. New York: Penguin Press, 2019.")
    assert not [f for f in ref.findings if f.kind is Kind.LOW_CONFIDENCE_FIELD]
    from citecheck.parse import references

    strict = references.LOW_CONFIDENCE
    try:
        references.LOW_CONFIDENCE = 1.01  # every field is now "unsure"
        ref = one("Smith, John. The Great Book of Things. New York: Penguin Press, 2019.")
    finally:
        references.LOW_CONFIDENCE = strict
    review = [f for f in ref.findings if f.kind is Kind.LOW_CONFIDENCE_FIELD]
    assert review and all(f.severity is Severity.INFO for f in review)
    assert any("title field" in f.message and "The Great Book of Things" in f.message for f in review)
    assert 0 < LOW_CONFIDENCE < 1


def test_rules_keep_web_references_and_tagger_fills_nothing_wrong():
    from dataclasses import replace

    text = "Barr, Heather. (2019). China's Bride Trafficking Problem *Human Rights Watch*. <https://www.hrw.org/x#>"
    both, rules = one(text), one(text, use_tagger=False)
    assert replace(both, field_confidence=()) == replace(rules, field_confidence=())
    assert both.findings == rules.findings
    # the tagger reads the title as the rules do (its chunk ends before the italic outlet): same confidence
    assert dict(both.field_confidence)["title"] == dict(rules.field_confidence)["title"]


@pytest.mark.parametrize("text, title", [
    ("Rivera, M. (2021, May 2). *Tracing cobalt from mine to phone* [Video]. YouTube. https://www.youtube.com/watch?v=abc1",
     "Tracing cobalt from mine to phone"),
    ("Kovács, É. (2017). Roma children in segregated schools: A Hungarian case study (Working Paper No. 3/2017). "
     "Central European University. https://cps.ceu.edu/wp3-2017.pdf", "Roma children in segregated schools: A Hungarian case study"),
])
def test_a_bracketed_genre_is_not_part_of_the_title(text, title):
    """The rules read "Title [Video]." as one title; the tagger, sure, leaves the genre out."""
    assert one(text).title == title


def test_a_title_first_entry_keeps_its_organisation_as_publisher():
    """The tagger may read the organisation after the year as the title: an organisation's name
    is not taken for a title over the rules' reading (the e-IR list's own shape)."""
    ref = one("Cybersex Trafficking. (2016). International Justice Mission. <https://www.ijm.org/cybersex>")
    assert (ref.title, ref.publisher, ref.authors) == ("Cybersex Trafficking", "International Justice Mission", ())


@pytest.mark.parametrize("text, year", [
    ("Smith, Adam. The Wealth of Nations. 1776 edition. London: Strahan.", 1776),
    ("“Fallout and disarmament: A debate between Linus Pauling and Edward Teller,” 1958, Daedalus 87(2): 147-163.", 1958),
])
def test_a_year_neither_reading_labelled_is_found_and_flagged_for_review(text, year):
    ref = one(text)
    assert ref.year == year
    assert any(f.kind is Kind.LOW_CONFIDENCE_FIELD and "year" in f.message for f in ref.findings)


@pytest.mark.parametrize("text, found", [
    ("pp. 1999-2004", False), ("p. 2019–2020", False), ("vol. 33.1999", False), ("no. 12,2019", False),
    ("ISBN 978-1-2019", False), ("[May 2015]:", True), ("2007年", True), ("(1999/2000)", True),
    ("Fiction of the 1980s.", False), ("in the 1990's", False), ("the 1960’s", False), ("1980, 1990s", True),
])
def test_the_year_fallback_takes_no_page_range_or_part_of_a_number(text, found):
    from citecheck.parse.references import _LONE_YEAR

    assert bool(_LONE_YEAR.search(text)) is found


def test_a_decade_in_the_title_is_not_the_entrys_year():
    text = ("Deitering, Cynthia. “The Postnatural Novel: Toxic Consciousness in Fiction of the 1980s.” "
            "In Glotfelty and Fromm, 196–203.")
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert ref.year is None and "1980s" in ref.title


@pytest.mark.parametrize("text, author, title", [
    ("Shelter (n.d.) *Hidden homelessness: sofa surfing explained* Available at: https://england.shelter.org.uk/hidden "
     "(Accessed: 11 November 2023).", "Shelter", "Hidden homelessness: sofa surfing explained"),
    ('Greenpeace UK. n.d. "Plastic in the North Sea: What We Found." Accessed February 3, 2023. '
     "https://www.greenpeace.org.uk/plastic/.", "Greenpeace UK", "Plastic in the North Sea: What We Found"),
])
def test_an_organisation_before_the_year_and_a_title_after_it_is_the_author(text, author, title):
    """Not a title-first entry: what follows the year is a title, not an organisation's name."""
    ref = one(text)
    assert [a.literal or a.family for a in ref.authors] == [author] and ref.title.strip('*"') == title


def test_link_labels_in_other_languages_are_not_read_as_publishers():
    ref = one("Churches, A. (2009). Bloom’s digital taxonomy: Educational origami. Retirado de "
              "http://edorigami.wikispaces.com/Bloom%27s+and+ICT+tools")
    assert ref.publisher == "" and ref.urls[0].url.startswith("http://edorigami.wikispaces.com/")


def test_a_full_stop_inside_closing_italics_ends_the_title():
    from citecheck.parse.reference_segments import split_segments

    assert [s.text for s in split_segments("*La philosophie de Charles Bonnet.* Paris: Vrin.")] == [
        "*La philosophie de Charles Bonnet.*", "Paris: Vrin"]


def test_a_long_lead_the_tagger_opens_with_a_name_is_no_title_first_entry():
    ref = one("Parisot, Eric. Graveyard Poetry: Religion, Aesthetics and the Mid-Eighteenth-Century Poetic "
              "Condition. Ashgate, 2013.")
    assert [a.family for a in ref.authors] == ["Parisot"] and ref.title.startswith("Graveyard Poetry")


def test_a_closing_quote_before_a_comma_ends_the_title():
    from citecheck.parse.reference_segments import split_segments

    assert [s.text for s in split_segments('"Mellin transforms and asymptotics", Theoretical Computer Science 144')] == [
        '"Mellin transforms and asymptotics"', "Theoretical Computer Science 144"]


def test_a_work_in_press_has_no_year_and_says_so_for_biblatex():
    ref = one("Jones, A., & Wu, B. (in press). Forthcoming work. *Journal B*.")
    assert (ref.year, ref.no_date, ref.title, dict(ref.extra).get("pubstate")) == (None, True, "Forthcoming work", "inpress")
    assert not ref.findings


def test_an_article_with_a_link_is_read_as_the_tagger_reads_its_journal():
    text = ("Couch, J (2011). A New Way Home: Young People and Housing in Australia; Journal of Social Studies "
            "2 (1) 2011. https://www.example.edu.au/index.php/inclusion/article/view/145")
    rules = one(text, use_tagger=False)
    assert "Journal of Social Studies" in rules.title  # the rules run the title on into the journal
    ref = one(text)
    assert (ref.title, ref.container, ref.volume, ref.issue) == (
        "A New Way Home: Young People and Housing in Australia", "Journal of Social Studies", "2", "1")
    assert [u.url for u in ref.urls] == ["https://www.example.edu.au/index.php/inclusion/article/view/145"]


def test_a_reference_of_tens_of_thousands_of_words_is_tagged_and_the_next_one_kept():
    words = ["Smith,", "J.", "(2019).", "the", "of", "Journal", "analysis", "12(3),", "45–67.", "and", "data"]
    long_line = " ".join(words[i % len(words)] for i in range(30_000))
    refs = parse_reference_list(CleanText.identity(
        "refs.md", f"{long_line}\n\nDoe, J. (2020). A title. *Journal*, 1(2), 3–4."))
    assert len(refs) == 2
    assert (refs[1].title, refs[1].container, refs[1].year) == ("A title", "Journal", 2020)


def test_a_numbered_entry_is_tagged_with_its_number_as_the_tagger_learnt_it():
    text = ('[28] Wikipedia contributors, "Dead reckoning," *Wikipedia, The Free Encyclopedia*, Mar. 4, 2020. '
            "[Online]. Available: https://en.wikipedia.org/w/index.php?title=Dead_reckoning&oldid=943812077")
    ref = one(text)
    assert [a.literal for a in ref.authors] == ["Wikipedia contributors"]
    assert (ref.title, ref.container, ref.year) == ("Dead reckoning", "Wikipedia, The Free Encyclopedia", 2020)
    assert dict(ref.extra)["label"] == "28"


def test_a_list_bullet_before_the_names_is_not_part_of_them():
    from citecheck.parse.tagger.fields import names_of

    assert [(n.family, n.given) for n in names_of("- J.-M. PONTIER,")] == [("PONTIER", "J.-M.")]
    assert [(n.family, n.given) for n in names_of("• Okafor, N.")] == [("Okafor", "N.")]


def test_a_page_label_ends_at_its_full_stop_a_space_or_the_number():
    from citecheck.parse.tagger.fields import pages_of
    assert [pages_of(t) for t in ("pp. 45-67", "p.45", "pp: 3-4", "S.10 – 19", "pp. xii-xv", "Art. no. 1706")] == [
        "45-67", "45", "3-4", "10 – 19", "xii-xv", "1706"]
    assert pages_of("Print.") == "Print" and pages_of("sec. A") == "sec. A"  # words keep their letters ("rint", "ec")


def test_an_issues_mark_is_no_part_of_the_issue():
    # "Nos." gave the issue "s", and "Issue" with no number "ue"
    assert volume_issue("Vol. 2, Nos. 1-4,") == ("2", "1-4") and volume_issue("Vol. 2, Nos.") == ("2", "")
    assert volume_issue("Volume 169, Issue") == ("169", "") and volume_issue("Volume 169, Issue 9-10,") == ("169", "9-10")
    assert volume_issue("12, no3") == ("12", "3")


def test_the_year_standing_alone_after_the_title_is_the_works_own():
    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list
    for text, title, year in (
            ("Foucault, Michel. The Archaeology of Knowledge. 1969. Trans. A.M. Sheridan Smith. New York: Vintage, 2010.",
             "The Archaeology of Knowledge", 1969),
            ("Greene, Graham. Ways of Escape. 1980. New York: Penguin, 1982.", "Ways of Escape", 1980)):
        (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
        assert (ref.title, ref.year) == (title, year)
    tokens, pos = [], 0  # the imprint's year read surer than the work's
    for token, label, sure in (("Greene,", "author", 0.9), ("Graham.", "author", 0.9), ("Ways", "title", 0.9),
                               ("of", "title", 0.9), ("Escape.", "title", 0.9), ("1980.", "date", 0.6),
                               ("New", "location", 0.9), ("York:", "location", 0.9), ("Penguin,", "publisher", 0.9),
                               ("1982.", "date", 0.99)):
        tokens.append(TaggedToken(token, pos, pos + len(token), label, sure))
        pos += len(token) + 1
    assert read_fields(tokens).values["year"] == 1980


def test_the_pages_are_what_a_page_label_inside_the_run_names():
    # the tagger ran an issue or a month into the pages: "Nos. 1-4, pages 135-150", "Mai, pp.99-105"
    assert [pages_of(t) for t in ("1-4, pages 135-150,", "Mai, pp.99-105", "609-610, pp. 648-650.", "245, 5p")] == [
        "135-150", "99-105", "648-650", "245, 5p"]


def test_words_the_tagger_reads_as_pages_are_no_pages():
    from citecheck.parse.tagger.fields import read_fields
    from citecheck.parse.tagger.model import TaggedToken, tokenize
    text = "Levinson, David. Encyclopedia of Anthropology. New York: Holt, 1996. Print."
    labels = ["author"] * 2 + ["title"] * 3 + ["location"] * 2 + ["publisher", "date", "pages"]
    tagged = [TaggedToken(t, s, e, label, 0.9) for (t, s, e), label in zip(tokenize(text), labels)]
    assert "pages" not in read_fields(tagged).values
    tagged[-1] = tagged[-1]._replace(token="NP.")  # APA's "no pagination" is a page mark
    assert read_fields(tagged).values["pages"] == "NP"
