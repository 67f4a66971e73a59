"""Shapes users wrote that session 16's helpers found read wrongly, each a whole reference as pasted."""
from one_reference import read_one

from citecheck.parse.tagger.imprint_repairs import publisher_sentence_ending_a_sentence_case_title
from citecheck.parse.tagger.model import TaggedToken, tokenize


def _tagged(*parts: tuple[str, str]) -> list[TaggedToken]:
    return [TaggedToken(t, 0, 0, label, 0.9) for part, label in parts for t, _, _ in tokenize(part)]


def test_an_apa_book_without_italics_ends_with_its_publisher():
    ref = read_one("Orwell, G. (1949). Nineteen eighty-four. Secker & Warburg.")
    assert (ref.title, ref.publisher) == ("Nineteen eighty-four", "Secker & Warburg")
    ref = read_one("Orwell, G. (1949). Nineteen eighty-four. Secker and Warburg.")
    assert (ref.title, ref.publisher) == ("Nineteen eighty-four", "Secker and Warburg")


def test_a_title_case_title_keeps_its_last_sentence():
    tagged = _tagged(("Fitzgerald, F. S.", "author"), ("(1925).", "date"), ("The Great Gatsby. A Novel.", "title"))
    assert publisher_sentence_ending_a_sentence_case_title(tagged) is tagged
    # nor is a sentence-case title's last sentence in lower case a publisher
    tagged = _tagged(("Doe, J.", "author"), ("(2001).", "date"), ("Reading maps. A guide for walkers.", "title"))
    assert publisher_sentence_ending_a_sentence_case_title(tagged) is tagged


def test_a_title_first_page_in_sentence_case_on_a_named_site():
    ref = read_one("North Korean defectors. (2020). The Diplomat. https://thediplomat.com/2020/01/north-korean-defectors/")
    assert (ref.authors, ref.title, ref.publisher) == ((), "North Korean defectors", "The Diplomat")


def test_a_body_named_in_sentence_case_before_its_title_stays_the_author():
    ref = read_one("République française (2002). Charte départementale des éoliennes du Finistère, 41 p.")
    assert [a.literal or a.family for a in ref.authors] == ["République française"]
    assert ref.title.startswith("Charte départementale")


def test_a_subtitle_opening_with_an_article_is_no_place_and_publisher():
    ref = read_one("Chandy, K. M., and Misra, J. 1988. Parallel Program Design: A Foundation, Addison-Wesley.")
    assert (ref.title, ref.publisher, ref.place) == ("Parallel Program Design: A Foundation", "Addison-Wesley", "")


def test_a_listed_place_before_a_publisher_opening_with_an_article_stays_the_place():
    ref = read_one("Doe, J. 1999. Cooking for Engineers. Boston: A K Peters.")
    assert (ref.title, ref.place, ref.publisher) == ("Cooking for Engineers", "Boston", "A K Peters")


def test_a_stray_line_after_an_entrys_link_does_not_swallow_the_next_entry():
    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list

    text = ("Smith, J. (2019). Rivers and roads. Journal of Maps, 3(2), 1-5. https://doi.org/10.1000/xyz123\n"
            "click here to subscribe\n"
            "Doe, A. (2020). Old towns. Routledge.\n")
    refs = parse_reference_list(CleanText.identity("refs.md", text))
    assert [(r.title, r.publisher) for r in refs] == [("Rivers and roads", ""), ("Old towns", "Routledge")]
    # a line going on in lower case after a line that did not end the entry is still the entry's
    text = "Smith, J. (2019). Rivers and roads, a history of\nthe plains. Routledge.\nDoe, A. (2020). Old towns. Routledge.\n"
    assert len(parse_reference_list(CleanText.identity("refs.md", text))) == 2
