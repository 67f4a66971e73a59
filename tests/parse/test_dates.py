from pathlib import Path

from citecheck.model import CleanText
from citecheck.parse.dates import iso_date, publication_date
from citecheck.parse.references import parse_reference_list


def test_iso_date_forms():
    assert iso_date("2020, November 3") == "2020-11-03"
    assert iso_date("2011 Jul 23") == "2011-07-23"
    assert iso_date("November 2020") == "2020-11"


def test_publication_date_in_its_common_forms():
    assert publication_date('Doe, Jane (15 July 2019). "Title".', 2019) == "2019-07-15"
    assert publication_date("Kissane, K. (1998, September 5). Kiss or kill.", 1998) == "1998-09-05"
    assert publication_date("He FJ. Salt. Lancet. 2011 Jul 23;378(9789):380-2.", 2011) == "2011-07-23"
    assert publication_date("Smith, J. (November 2020). Title.", 2020) == "2020-11"
    assert publication_date("Smith, J. 2019-07-15. Title.", 2019) == "2019-07-15"


def test_a_date_of_another_year_or_inside_a_title_is_not_the_publication_date():
    assert publication_date("Smith, J. (2019). Title about July 4, 2019 events. Publisher.", 2019) == ""
    assert publication_date("Smith, J. (2019). Title. News, 4 July 2018.", 2019) == ""
    assert publication_date("Smith, J. (2019). Title.", None) == ""


def test_a_free_text_entry_keeps_its_full_date_but_not_its_access_date():
    text = 'Smith, John; Doe, Jane (15 July 2019). "Cities are getting hotter". *The Times*. Retrieved 20 July 2019.'
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert ref.year == 2019 and dict(ref.extra)["date"] == "2019-07-15"
    (ref,) = parse_reference_list(CleanText.identity("refs.md", "Lee, A. (2019). Title. Retrieved 20 July 2019, from https://example.org/a"))
    assert "date" not in dict(ref.extra) and ref.accessed == "2019-07-20"


def test_ieee_month_and_year():
    assert publication_date('C. Cortes, "Networks," *Mach. Learn.*, vol. 20, pp. 273–297, Sep. 1995.', 1995) == "1995-09"
    assert publication_date("in *Proc. CVPR*, Las Vegas, NV, USA, Jun. 2016, pp. 770–778.", 2016) == "2016-06"


def test_a_month_far_from_the_year_is_not_looked_at():
    # the quick test looks for a month within a few words of the year; the date forms all fit in it
    assert publication_date("Smith, J. (September 30, 2019). Title.", 2019) == "2019-09-30"
    assert publication_date("Smith, J. (2019). A May Day title. Publisher.", 2019) == ""


def test_a_name_that_starts_like_a_month_is_no_month():
    assert publication_date("Adams, Jane. 2018. *Dutch Dikes*. 1925; repr., New York: Dover.", 2018) == ""
    assert publication_date("Smith, J. (2019, Sept. 3). Title.", 2019) == "2019-09-03"


def test_the_quick_month_test_is_the_search():
    # a window of ASCII text with none of the months' first three letters skips the search; other text,
    # where re's case-blind "ſ" is an "s", does not
    import random

    from citecheck.parse.dates import _ANY_MONTH, _month_near

    def searched(text: str, year: str) -> bool:
        at = text.find(year)
        while at >= 0:
            if text.startswith("-", at + 4) or _ANY_MONTH.search(text, max(0, at - 16), at + 16):
                return True
            at = text.find(year, at + 4)
        return False

    rng = random.Random(3)
    words = ["Smith", "J.", "(2019,", "2019.", "2019-", "March", "MAY", "Sept.", "ſep", "Jun", "june.", "Title", "of",
             "Dec", "decision", "Marches", "Jan.", "Oct", "ſeptember", "2019", "Vol.", "12", "é"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        assert _month_near(text, "2019") == searched(text, "2019"), text
    assert _month_near("Smith (2019, ſeptember 3)", "2019")


def test_full_dates_are_the_patterns_matches_tried_where_a_date_can_start():
    # publication_date tries the pattern only after a bracket or a punctuation mark (and a space): the same
    # matches as its finditer, on every labelled reference and on text with dates at odd places
    from citecheck.parse.dates import _FULL_DATE, _full_dates
    from citecheck.parse.tagger import read_sequences

    root = Path(__file__).resolve().parents[2]
    texts = [r.text for path in sorted((root / "data").glob("*/*.xml"))
             for r in read_sequences(path.read_text(encoding="utf-8"), path.stem)]
    texts += ["15 July 2019. x", "x,\u00a0July 15, 2019", "(2020, November 3)(2020, November 4)", ",; 2011 Jul 23;",
              "a July 15, 2019", "[3 March 2020],\t4 March 2020.", ""]
    for text in texts:
        assert [m.span() for m in _full_dates(text)] == [m.span() for m in _FULL_DATE.finditer(text)], text
