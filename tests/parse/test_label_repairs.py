"""The tagger's slips of shape put right before its labels are read (``parse.tagger.label_repairs``),
on label sequences as the tagger gives them."""
from citecheck.parse.references import parse_reference_list
from citecheck.model import CleanText
from citecheck.parse.tagger.label_repairs import repaired
from citecheck.parse.tagger.model import TaggedToken, tokenize


def tagged(text: str, labels: list[tuple[str, float]]) -> list[TaggedToken]:
    tokens = tokenize(text)
    assert len(tokens) == len(labels)
    return [TaggedToken(t, s, e, label, conf) for (t, s, e), (label, conf) in zip(tokens, labels)]


def test_an_unsure_lead_before_a_surely_read_title_is_the_author():
    text = "Commonwealth of Australia (1999). National Statement on Ethics, National Council."
    labels = [("title", 0.45)] * 3 + [("date", 0.98)] + [("title", 0.96)] * 4 + [("publisher", 0.89)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][:4] == ["author"] * 3 + ["date"]


def test_a_title_first_lead_that_ends_at_a_full_stop_stays_the_title():
    text = "The Competitiveness of Publishing. (2000) Prepared by Media Group."
    labels = [("title", 0.5)] * 4 + [("date", 0.98)] + [("title", 0.95)] * 4
    assert [t.label for t in repaired(tagged(text, labels))][:4] == ["title"] * 4


def test_a_surely_read_lead_stays_the_title():
    text = "Commonwealth of Australia (1999). National Statement on Ethics."
    labels = [("title", 0.95)] * 3 + [("date", 0.98)] + [("title", 0.96)] * 4
    assert [t.label for t in repaired(tagged(text, labels))][:3] == ["title"] * 3


def test_the_words_before_an_editor_mark_that_open_the_entry_are_its_title():
    text = "Faith and Reason in Early Modern Europe. Ed. Martin Keller. Oxford: Clarendon Press, 1999."
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert ref.title == "Faith and Reason in Early Modern Europe"
    assert [n.family for n in ref.editors] == ["Keller"]
    labels = [("editor", 0.53)] * 7 + [("editor", 1.0)] * 3 + [("location", 1.0)] + [("publisher", 1.0)] * 2 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][:8] == ["title"] * 7 + ["editor"]


def test_the_sentence_before_edited_by_is_the_title_when_the_tagger_ran_the_names_into_it():
    text = "Ovid. Metamorphoseon. Edited by Michael von Albrecht. Stuttgart: Reclam, 1994."
    labels = [("editor", 0.68), ("editor", 0.82)] + [("editor", 0.98)] * 5 + [("location", 1.0), ("publisher", 1.0),
                                                                              ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][:4] == ["author", "title", "editor", "editor"]
    text = "Andrade, Mário de. Macunaíma. Translated by E. A. Goodland. New York: Random House, 1984."
    labels = ([("author", 0.85), ("author", 0.73), ("author", 0.73), ("author", 0.39)] + [("editor", 1.0)] * 5
              + [("location", 1.0)] * 2 + [("publisher", 1.0)] * 2 + [("date", 1.0)])
    assert [t.label for t in repaired(tagged(text, labels))][:5] == ["author"] * 3 + ["title", "editor"]


def test_names_before_edited_by_with_no_sentence_of_their_own_stay_names():
    text = "Weber, H. Edited by Anna Brandt. Leipzig: Teubner, 1988."  # no work named: nothing to retitle
    labels = [("author", 0.9)] * 2 + [("editor", 0.98)] * 4 + [("location", 1.0), ("publisher", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_a_physics_entry_has_no_title_between_its_names_and_its_journal():
    text = "[21] J. Polchinski, Int. J. Mod. Phys. A16, 707-718 (2001)."
    labels = [("number", 1.0), ("author", 1.0), ("author", 0.73), ("title", 0.76)] + [("container", 0.93)] * 3 + [
        ("volume", 0.98), ("pages", 0.87), ("date", 0.99)]
    assert [t.label for t in repaired(tagged(text, labels))][3] == "container"
    text = "[1] J. M. Maldacena, Adv. Theor. Math. Phys. 2 (1998) 231-252."
    labels = [("number", 1.0)] + [("author", 1.0)] * 2 + [("author", 0.75), ("author", 0.44), ("title", 0.47)] + [
        ("container", 0.99)] * 2 + [("volume", 0.99), ("date", 0.99), ("pages", 0.95)]
    assert [t.label for t in repaired(tagged(text, labels))][3:8] == ["author"] + ["container"] * 4
    text = "[8] H. W. Deckman, E. Yablonovitch, Opt. Lett. 1983, 8, 491."
    labels = [("number", 1.0)] + [("author", 1.0)] * 3 + [("author", 0.91), ("title", 0.43)] + [
        ("container", 0.95)] * 2 + [("date", 0.97), ("volume", 0.9), ("pages", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][5] == "author"


def test_a_one_word_title_before_a_journal_stays_the_title():
    text = "Lee, J. Optics. Appl. Opt. 12, 4-9 (2001)."  # a word, not an abbreviation
    labels = [("author", 1.0)] * 2 + [("title", 0.6)] + [("container", 0.95)] * 2 + [
        ("volume", 0.9), ("pages", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_names_before_the_word_editors_are_the_editors_and_the_book_follows():
    text = "In Jean-Luc Gaudiot and Lubomir Bic, editors, Advanced Topics in Data-Flow Computing, pages 347-379."
    labels = [("container", 0.96)] * 6 + [("editor", 0.95)] + [("container", 0.97)] * 5 + [("pages", 1.0)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][:7] == ["editor"] * 7
    text = "In Proceedings of the Conference on Work, eds. Pamela Hinds et al. New York: ACM."
    labels = [("container", 0.9)] * 7 + [("editor", 0.9)] + [("container", 0.6)] * 4 + [("location", 1.0)] * 2 + [
        ("publisher", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][:7] == ["container"] * 7  # no names before "eds."


def test_a_second_title_after_in_and_the_editors_is_the_container():
    text = "Join on a cube. In M. Kitsuregawa and H. Tanaka, editors, Database Machines. Kluwer, 1987."
    labels = [("title", 0.9)] * 4 + [("editor", 1.0)] * 7 + [("title", 0.9)] * 2 + [("publisher", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][11:13] == ["container"] * 2


def test_a_conference_year_written_short_ends_the_container():
    text = "In Proceedings of Supercomputing '88, Orlando, FL, November 1988."
    labels = [("container", 1.0)] * 4 + [("volume", 0.62)] + [("location", 0.95)] * 2 + [("date", 1.0)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][4] == "container"


def test_a_family_name_the_title_ran_into_is_the_first_author():
    text = "Trade and growth revisited Lund, K., P. Ortiz and M. Berg 2015 Energy Policy, 75: 9–16"
    labels = [("title", 0.98)] * 5 + [("author", 0.98)] * 6 + [("date", 0.98)] + [("container", 0.99)] * 2 + [
        ("volume", 1.0), ("pages", 0.98)]
    assert [t.label for t in repaired(tagged(text, labels))][3:6] == ["title", "author", "author"]
    text = "Ports of the north, Lund, K. 2015 Energy Policy, 75: 9–16"  # the title's own comma ends it: no run-on
    labels = [("title", 0.9)] * 4 + [("author", 0.98)] * 2 + [("date", 0.98)] + [("container", 0.99)] * 2 + [
        ("volume", 1.0), ("pages", 0.98)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_the_bluebook_volume_after_a_plain_title():
    text = "Oyster Shell Dissolution Rates, 30 J. Shellfish Res. 659 (2011)."
    labels = [("title", 1.0)] * 4 + [("title", 0.94)] + [("container", 0.9)] * 3 + [("volume", 0.56), ("date", 0.99)]
    assert [t.label for t in repaired(tagged(text, labels))][4:] == ["volume"] + ["container"] * 3 + ["pages", "date"]


def test_words_after_the_repeated_author_dash_are_the_title():
    text = "———. Point Counter Point. Garden City: Doubleday, 1928."
    labels = [("author", 0.9)] * 4 + [("location", 1.0)] * 2 + [("publisher", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][:4] == ["author"] + ["title"] * 3
    text = "———, and Jane Doe. Twelve Essays. Boston: Beacon, 1971."  # a co-author after the dash stays a name
    labels = [("author", 0.9)] * 4 + [("title", 0.9)] * 2 + [("location", 1.0), ("publisher", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_a_vancouver_title_word_the_tagger_read_as_one_more_name():
    text = "61. O'Brien S, Dubois C. Markets, brokers and borders. Asian Surv. 2021;12(1):33-58."
    labels = [("number", 0.99)] + [("author", 1.0)] * 4 + [("author", 0.73)] + [("title", 0.99)] * 3 + [
        ("container", 0.99)] * 2 + [("volume", 0.79), ("volume", 1.0), ("pages", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][4:7] == ["author", "title", "title"]


def test_names_after_an_editors_mark_after_a_full_stop_are_the_editors():
    text = "Spirits in Mind. Eds. Jeannette Mageo and Alan Howard. London: Routledge, 1996."
    labels = [("title", 0.6)] * 3 + [("editor", 0.99)] + [("title", 0.85)] * 5 + [("location", 1.0), ("publisher", 0.99),
                                                                                ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][4:9] == ["editor"] * 5
    text = "Tester, Keith, ed. The Flâneur. London: Routledge, 1994."  # the mark follows the names: the title after it
    labels = [("editor", 0.9)] * 3 + [("title", 0.9)] * 2 + [("location", 1.0), ("publisher", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_a_title_the_tagger_read_as_more_given_first_names():
    text = "Gerald Ham, The Archival Edge, American Archivist, Jan. 1975."
    labels = [("author", 0.9)] * 7 + [("date", 0.9)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][:7] == ["author"] * 2 + ["title"] * 3 + ["container"] * 2
    text = "David McKay, American Politics and Society, 7th edn (Chichester: Wiley, 2009)."
    labels = [("author", 0.9)] * 6 + [("edition", 0.9)] * 2 + [("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][:6] == ["author"] * 2 + ["title"] * 4


def test_names_written_given_name_first_stay_names():
    text = "Pierre Sermanet, Andrea Frome, and Esteban Real. 2014."
    labels = [("author", 0.9)] * 7 + [("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]
    text = "H. Cikurel, J. Guttman, A. Aharoni"
    labels = [("author", 0.9)] * 6
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_a_volume_mark_is_no_part_of_the_journal():
    text = "Greek, Roman and Byzantine Studies Vol. 37 (1996): 195-204."
    labels = [("container", 0.5)] * 6 + [("volume", 1.0), ("date", 1.0), ("pages", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][5:7] == ["volume", "volume"]
    text = "Volume Review 12 (1996): 195-204."  # a journal's own first word stays its own
    labels = [("container", 0.9)] * 2 + [("volume", 1.0), ("date", 1.0), ("pages", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_quotes_hold_a_title_the_tagger_cut_at_its_numbers():
    text = "Moule, C., ‘Further Reflexions on Philippians 2: 5-11’ (264-276) in Apostolic History, 1970."
    labels = [("author", 1.0)] * 2 + [("title", 0.9)] * 4 + [("volume", 0.6), ("pages", 0.6), ("pages", 0.9)] + [
        ("container", 0.9)] * 3 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][2:8] == ["title"] * 6
    text = "Moule, C., ‘Further Reflexions on Philippians 2: 5-11’"  # no date after the quotes: left as read
    labels = [("author", 1.0)] * 2 + [("title", 0.9)] * 4 + [("volume", 0.6), ("pages", 0.6)]
    assert [t.label for t in repaired(tagged(text, labels))] == [label for label, _ in labels]


def test_a_page_range_the_container_ran_on_into_is_the_pages():
    text = "Baker, M. (1997). Roles., Haegeman, L. (Ed.), Elements of Grammar., 73-137, Kluwer Academic Publishers"
    labels = ([("author", 1.0)] * 2 + [("date", 1.0)] + [("title", 1.0)] + [("editor", 0.9)] * 3
              + [("container", 1.0)] * 3 + [("container", 0.53)] + [("publisher", 0.99)] * 3)
    assert [t.label for t in repaired(tagged(text, labels))][9:11] == ["container", "pages"]
    years = "Eisenstein, S. “Cinema.” In Selected Works, vol. 1: Writings, 1922–34, edited by R. Taylor."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] + [("container", 0.9)] * 7 + [("editor", 0.9)] * 4
    assert [t.label for t in repaired(tagged(years, labels))][9] == "container"


def test_months_the_journal_ran_on_into_are_the_date():
    text = "Mace, M. “Planning.” Harvard Business Review, XLIII (January-February, 1965), pp. 49-62."
    labels = ([("author", 1.0)] * 2 + [("title", 1.0)] + [("container", 0.95)] * 3 + [("container", 0.39)] * 2
              + [("date", 0.95)] + [("pages", 1.0)] * 2)
    assert [t.label for t in repaired(tagged(text, labels))][5:9] == ["container", "volume", "date", "date"]
    plain = "Berman, S. “The Promise of the Arab Spring,” Foreign Affairs, January/February 2013."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] * 6 + [("container", 0.9)] * 3 + [("date", 0.98)]
    assert [t.label for t in repaired(tagged(plain, labels))][9:] == ["container", "date", "date"]
    # a journal whose last word is a month's name is no date: "Annals of May," with no date after it
    named = "Roe, J. “Title.” Annals of May, 12, 3-4."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] + [("container", 0.9)] * 3 + [("volume", 1.0), ("pages", 1.0)]
    assert [t.label for t in repaired(tagged(named, labels))][5] == "container"


def test_an_abbreviated_journals_first_words_the_tagger_read_as_title_are_the_journals():
    text = "German, D. A. 2008. Five tribes in the Brassicaceae (Cruciferae). Harvard Pap. Bot. 13: 165–170."
    labels = ([("author", 1.0)] * 3 + [("date", 1.0)] + [("title", 0.76)] * 6 + [("title", 0.58)] * 2
              + [("container", 1.0), ("volume", 1.0), ("pages", 1.0)])
    assert [t.label for t in repaired(tagged(text, labels))][10:13] == ["container"] * 3
    sure = [(label, 0.95) if label == "title" else (label, conf) for label, conf in labels]
    assert [t.label for t in repaired(tagged(text, sure))][10:12] == ["title"] * 2
    editor = "Nobre T (2009) Vertical transmission by termites. P. Roy. Soc. B: Biol. Sci. 277, 359–365."
    labels = ([("author", 1.0)] * 2 + [("date", 1.0)] + [("title", 1.0)] * 4 + [("editor", 0.61)] * 2
              + [("container", 0.9)] * 4 + [("volume", 1.0), ("pages", 1.0)])
    assert [t.label for t in repaired(tagged(editor, labels))][7:9] == ["container"] * 2


def test_words_a_quoted_title_ran_on_into_past_its_closing_quote_are_no_title():
    text = 'Rignall, John. "Benjamin\'s Flaneur and realism." Problems of Modernity. Ed. A. Benjamin. Coventry: Warwick UP, 1989.'
    labels = ([("author", 1.0)] * 2 + [("title", 0.9)] * 7 + [("editor", 0.9)] * 3 + [("location", 1.0)]
              + [("publisher", 1.0)] * 2 + [("date", 1.0)])
    assert [t.label for t in repaired(tagged(text, labels))][5:10] == ["title", "container", "container", "container", "editor"]
    translated = "Lindau, Paul, “The ‘Tannhäuser’ Scandal in March 1861,” Daphne Ellis (trans.), Wagner, 24 (September 2003)."
    labels = [("author", 1.0)] * 2 + [("title", 0.9)] * 9 + [("container", 0.9)] + [("volume", 1.0)] + [("date", 1.0)] * 2
    assert [t.label for t in repaired(tagged(translated, labels))][7:11] == ["title", "editor", "editor", "editor"]
    # past the quote but no role or editor's mark after it: the tagger's call
    plain = '"Title of it." More words here, 1989.'
    labels = [("title", 0.9)] * 6 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(plain, labels))] == [label for label, _ in labels]


def test_the_place_a_title_ran_on_into_before_the_publishers_colon_is_the_place():
    text = "F. Gregory Gause, Oil Monarchies: Challenges in the Arab Gulf State New York: Council on Foreign Relations, 1994"
    labels = [("author", 1.0)] * 3 + [("title", 1.0)] * 10 + [("publisher", 1.0)] * 4 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][10:14] == ["title", "location", "location", "publisher"]
    region = "Corrigan P: On the Stigma of Mental Illness Washington, D.C.: American Psychological Association 2005."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] * 7 + [("location", 0.72)] + [("publisher", 1.0)] * 3 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(region, labels))][7:10] == ["title", "location", "location"]
    # a title's last word before its comma and the city is the title's
    city = "Wilson, M., A Coat of Many Colours, London: Epworth, 1988."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] * 5 + [("location", 1.0), ("publisher", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(city, labels))] == [label for label, _ in labels]


def test_a_number_closing_an_italic_outlets_name_is_the_names():
    text = 'Beaulieu, H. "Les Bouquinistes." *France 24*, 3 June 2018, https://www.france24.com/en/x.'
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] * 2 + [("container", 1.0), ("volume", 0.98)] + [("date", 1.0)] * 3 + [("url", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][4:6] == ["container", "container"]
    apa = "Roe, J. (2021). Title. *Nature Human Behaviour, 5*(3), 1-9."
    labels = [("author", 1.0)] * 2 + [("date", 1.0), ("title", 1.0)] + [("container", 1.0)] * 3 + [("volume", 1.0), ("pages", 1.0)]
    assert [t.label for t in repaired(tagged(apa, labels))][7] == "volume"


def test_a_version_is_no_volume():
    text = 'Python Software Foundation, "Data model," *The Python Language Reference*, ver. 3.11, 2023.'
    labels = [("author", 1.0)] * 3 + [("title", 1.0)] * 2 + [("container", 1.0)] * 4 + [("volume", 0.9)] * 2 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][9:11] == ["edition", "edition"]


def test_acs_volume_after_the_bare_year_is_no_page():
    text = "[8] H. W. Deckman, E. Yablonovitch, Opt. Lett. 1983, 8, 491."
    labels = [("number", 1.0)] + [("author", 1.0)] * 5 + [("container", 1.0)] * 2 + [("date", 1.0)] + [("pages", 0.8)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][9:] == ["volume", "pages"]
    chicago = "James, H. “Hawthorne,” in Criticism (New York: Library of America, 1983), 427, 426."
    labels = ([("author", 1.0)] * 2 + [("title", 1.0)] + [("container", 1.0)] * 2 + [("location", 1.0)] * 2
              + [("publisher", 1.0)] * 3 + [("date", 1.0)] + [("pages", 1.0)] * 2)
    assert [t.label for t in repaired(tagged(chicago, labels))][-2:] == ["pages", "pages"]


def test_the_year_after_a_page_count_is_the_date():
    text = "Strait, M. M., Just another piece of iron. Meteoritics, v. 18, 403 p. 1983."
    labels = [("author", 1.0)] * 3 + [("title", 1.0)] * 5 + [("container", 1.0)] + [("volume", 1.0)] * 2 + [("pages", 0.9)] * 3
    assert [t.label for t in repaired(tagged(text, labels))][-3:] == ["pages", "pages", "date"]


def test_a_pages_revision_date_is_the_date():
    text = 'Office for National Statistics, "Deaths in Wales: 2021," last modified July 12, 2022, https://www.ons.gov.uk/x.'
    labels = [("author", 1.0)] * 4 + [("title", 1.0)] * 4 + [("note", 0.87)] * 5 + [("url", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][8:13] == ["note", "note", "date", "date", "date"]


def test_a_quoted_title_keeps_the_words_the_tagger_took_for_a_journal_inside_it():
    text = "Lanquetin, M.-T. « À propos de la directive 2006/54 CE du 5 juillet 2006 », Dr soc., 2007, pp. 861-878."
    labels = ([("author", 1.0)] * 2 + [("title", 1.0)] * 7 + [("container", 1.0)] * 3 + [("date", 0.98)] * 2
              + [("title", 1.0)] + [("container", 0.98)] * 2 + [("date", 0.98)] + [("pages", 1.0)] * 2)
    assert [t.label for t in repaired(tagged(text, labels))][2:18] == ["title"] * 13 + ["container"] * 2 + ["date"]


def test_acs_year_volume_and_page_read_as_dates():
    text = "[11] J. Zhu, C.-M. Hsu, Y. Cui, Nano Lett. 2010, 10, 1979."
    labels = [("number", 1.0)] + [("author", 1.0)] * 6 + [("author", 0.48)] * 2 + [("date", 0.9)] * 3
    assert [t.label for t in repaired(tagged(text, labels))][7:] == ["container", "container", "date", "volume", "pages"]


def test_a_year_range_in_an_undated_entry_is_the_date():
    text = "W. v. Biedermann, Editor. Goethes Gesprache. Leipzig, 1889-96."
    labels = [("editor", 1.0)] * 4 + [("title", 0.7)] * 2 + [("location", 0.5), ("pages", 0.82)]
    assert [t.label for t in repaired(tagged(text, labels))][-1] == "date"
    vancouver = "Ginsberg HN. Effects of therapy. N Engl J Med 2010; 362(17): 1563–74."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] * 3 + [("container", 1.0)] * 4 + [("volume", 1.0)] * 2 + [("pages", 1.0)]
    assert [t.label for t in repaired(tagged(vancouver, labels))][-1] == "pages"


def test_an_organisation_opening_a_vancouver_entry_is_its_author():
    text = "Centers for Disease Control and Prevention. Lyme disease data tables [Internet]. Atlanta (GA): CDC; 2022"
    labels = [("title", 0.64)] * 6 + [("title", 1.0)] * 4 + [("genre", 0.98)] + [("location", 0.8)] * 2 + [("publisher", 0.9), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][:7] == ["author"] * 6 + ["title"]
    quoted = "“FAA Modernization and Reform Act H.R. 658 112th Congress,” 2012."
    labels = [("title", 0.7)] * 6 + [("title", 0.95)] * 3 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(quoted, labels))][:6] == ["title"] * 6


def test_an_acs_journal_read_as_one_more_author_is_the_journal():
    text = "[13] S. E. Han, G. Chen, Nano Lett. 2010, 10, 1012."
    labels = [("number", 1.0)] + [("author", 1.0)] * 5 + [("author", 0.51)] * 2 + [("date", 0.97), ("volume", 0.85), ("pages", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][6:8] == ["container"] * 2
    abbreviated = "[41] Benecke G. et al., J. Appl. Cryst. 2014, 47, 1797-1803."
    labels = [("number", 1.0)] + [("author", 1.0)] * 4 + [("author", 0.5)] * 3 + [("date", 1.0), ("volume", 1.0), ("pages", 1.0)]
    assert [t.label for t in repaired(tagged(abbreviated, labels))][5:8] == ["container"] * 3
    names = "Bidar M, Salma Bidad, and Shirin Khoynezhad. 2010, Iran Endod J., Vol. 5(4),"
    labels = [("author", 1.0)] * 7 + [("date", 1.0)] + [("container", 1.0)] * 3 + [("volume", 1.0)] * 2
    assert [t.label for t in repaired(tagged(names, labels))][:7] == ["author"] * 7


def test_a_month_opening_the_dates_bracket_is_no_name():
    text = 'S. L. Peyton Jones & P. L. Wadler [Jan 1993], "Imperative functional programming," in POPL.'
    labels = [("author", 1.0)] * 8 + [("author", 0.52), ("date", 1.0)] + [("title", 1.0)] * 3 + [("container", 1.0)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][8] == "date"


def test_a_given_name_after_its_abbreviation_before_the_bracketed_date_is_the_authors():
    text = 'Rahman, Md. Abdur (15 April 2022). "Pohela Boishakh". *The Daily Star*.'
    labels = [("author", 0.99), ("author", 0.98), ("title", 0.6)] + [("date", 1.0)] * 3 + [("title", 1.0)] * 2 + [("container", 1.0)] * 3
    assert [t.label for t in repaired(tagged(text, labels))][:4] == ["author"] * 3 + ["date"]


def test_months_after_the_bracketed_year_are_the_date():
    text = "Allen, W. R. (1987, May/June). Black colleges. Change, pp. 28-34."
    labels = [("author", 1.0)] * 3 + [("date", 1.0)] + [("title", 0.9)] * 3 + [("container", 1.0)] + [("pages", 1.0)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][3:6] == ["date", "date", "title"]


def test_a_titles_last_part_after_its_comma_is_no_journal():
    text = "Rotzoll, K. 2013. Tidal Attenuation in the Guam Lens Aquifer, Territory of Guam, USA. Hydrogeology Journal 21(3): 643–654."
    labels = ([("author", 1.0)] * 2 + [("date", 1.0)] + [("title", 1.0)] * 7 + [("container", 0.61)] * 4
              + [("container", 1.0)] * 2 + [("volume", 1.0), ("pages", 1.0)])
    assert [t.label for t in repaired(tagged(text, labels))][10:16] == ["title"] * 4 + ["container"] * 2
    abbreviated = "Cockell, C. S., The biology of impact craters, Biol. Rev., v.77, p.279-310. 2002."
    labels = [("author", 1.0)] * 3 + [("title", 1.0)] * 5 + [("container", 1.0)] * 2 + [("volume", 1.0), ("pages", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(abbreviated, labels))][8:10] == ["container"] * 2


def test_an_ieee_proceedings_place_before_the_year_is_the_place():
    text = '[24] A. B. Mensah, "Power cuts in Accra," in *Proc. IEEE PowerAfrica Conf.*, Accra, Ghana, 2019, pp. 210–215.'
    labels = ([("number", 1.0)] + [("author", 1.0)] * 3 + [("title", 1.0)] * 4 + [("container", 1.0)] * 5
              + [("container", 0.8)] * 2 + [("date", 1.0)] + [("pages", 1.0)] * 2)
    assert [t.label for t in repaired(tagged(text, labels))][12:16] == ["container", "location", "location", "date"]
    mla = 'Mensah, K. “Tracking Logging.” *Borgen Magazine*, Oxfam, 13 Feb. 2004, www.borgenmagazine.com/x.'
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] * 2 + [("container", 1.0)] * 3 + [("date", 1.0)] * 3 + [("url", 1.0)]
    assert [t.label for t in repaired(tagged(mla, labels))][6] == "container"


def test_a_language_mark_before_the_newspaper_is_a_note():
    text = 'Dupont, M. (2003). "Les Restos du Cœur" (in French). *Libération*. Retrieved 25 January 2009.'
    labels = [("author", 1.0)] * 2 + [("date", 1.0)] + [("title", 1.0)] * 4 + [("container", 0.37)] * 2 + [("container", 0.85)] + [("note", 1.0)] * 4
    assert [t.label for t in repaired(tagged(text, labels))][7:10] == ["note", "note", "container"]
    after_title = "Ivanov, B. A., Meteorite craters (in Russian). Priroda, v. 10, pp. 23-35. 1985."
    labels = [("author", 1.0)] * 3 + [("title", 1.0)] * 4 + [("container", 1.0)] + [("volume", 1.0)] * 2 + [("pages", 1.0)] * 2 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(after_title, labels))][5:7] == ["title", "title"]


def test_a_physics_page_before_the_bracketed_year_and_an_arxiv_identifier():
    text = "[16] L. Randall and R. Sundrum, Phys. Rev. Lett. 83, 3370 (1999) [arXiv:hepph/9905221]."
    labels = ([("number", 1.0)] + [("author", 1.0)] * 5 + [("title", 0.83)] + [("container", 1.0)] * 2
              + [("volume", 0.99), ("volume", 0.6), ("date", 0.96), ("pages", 0.67)])
    assert [t.label for t in repaired(tagged(text, labels))][-4:] == ["volume", "pages", "date", "note"]


def test_words_that_name_a_publisher_read_as_a_journal_or_place_are_the_publisher():
    text = "[22] Nolan, M., Fundamentals of air traffic control , Delmar Pub, 2010."
    labels = [("number", 1.0)] + [("author", 1.0)] * 2 + [("title", 1.0)] * 6 + [("container", 0.41)] * 2 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][9:] == ["publisher", "publisher", "date"]
    place = "[1] M. Han and P. Yu, Normal Forms, Springer-Verlag London, 2012."
    labels = [("number", 1.0)] + [("author", 1.0)] * 5 + [("title", 0.8)] * 2 + [("location", 0.61)] * 2 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(place, labels))][8:] == ["publisher", "location", "date"]
    surely = "[8] H. R. Maturana, The tree of knowledge. New Science Library/Shambhala Publications, 1987."
    labels = [("number", 1.0)] + [("author", 1.0)] * 3 + [("title", 1.0)] * 4 + [("container", 0.89)] * 4 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(surely, labels))][8:] == ["publisher"] * 4 + ["date"]
    text = "[6] Dimitris Bertsimas and Robert Weismantel. Optimization over integers. Athena Scientific, 2005."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.title, ref.container, ref.publisher) == ("Optimization over integers", "", "Athena Scientific")
    journal = "Roe, J. Title. Springer Journal of Things, 2012."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] + [("container", 0.9)] * 4 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(journal, labels))][3] == "container"


def test_a_thesis_genre_the_tagger_ran_into_the_university_is_the_genre():
    text = "Roy, D. W., Study of fractures (in French). M.S. Thesis, University of Montreal, Montreal, Canada. 1969."
    labels = ([("author", 1.0)] * 3 + [("title", 1.0)] * 5 + [("publisher", 0.58), ("publisher", 0.35)] + [("publisher", 1.0)] * 3
              + [("location", 0.8)] * 2 + [("date", 1.0)])
    assert [t.label for t in repaired(tagged(text, labels))][8:11] == ["genre", "genre", "publisher"]


def test_the_book_before_a_comma_and_its_editor_mark_is_the_container_or_the_title():
    # Chicago's chapter: the tagger ran "in <book>, ed. <names>" into one run of editors
    text = ("Raymond Williams, “Culture Is Ordinary,” in Resources of Hope: Culture, Democracy, Socialism, "
            "ed. Robin Gable (London: Verso, 1989)")
    labels = ([("author", 0.9)] * 2 + [("title", 0.9)] * 3 + [("editor", 0.8)] * 10 + [("location", 1.0),
              ("publisher", 1.0), ("date", 1.0)])
    assert [t.label for t in repaired(tagged(text, labels))][5:15] == ["container"] * 7 + ["editor"] * 3
    # a book that opens the entry is its title; a Vancouver editor's role word still ends the names
    text = "Oxford Encyclopedia of Ancient Egypt, ed. D. B. Redford (New York: Oxford, 2001)."
    labels = [("editor", 0.8)] * 9 + [("location", 1.0)] * 2 + [("publisher", 1.0), ("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][:9] == ["title"] * 5 + ["editor"] * 4
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert ref.title == "Oxford Encyclopedia of Ancient Egypt" and [n.family for n in ref.editors] == ["Redford"]


def test_names_before_a_comma_and_an_editor_mark_stay_the_editors():
    text = "In E. Neuhold, Ed. North-Holland Pub. Co., 1978."  # names, not a book, before the mark
    labels = [("editor", 0.8)] * 4 + [("publisher", 0.9)] * 3 + [("date", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][:4] == ["editor"] * 4
    text = "Smith J, editor. Tropical medicine. London: Wiley; 2001."
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert [n.family for n in ref.editors] == ["Smith"] and ref.title == "Tropical medicine"


def test_a_bracketed_year_range_after_the_volume_is_the_date():
    # the tagger read "(1986–87):" with the volume: the issue, and the entry had no year
    text = "Johnson, Richard. “What Is Cultural Studies Anyway?” Social Text 16 (1986–87): 36–80."
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] * 5 + [("container", 1.0)] * 2 + [("volume", 0.9)] * 2 + [("pages", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][9:] == ["volume", "date", "pages"]
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert (ref.volume, ref.issue, ref.year) == ("16", "", 1986)
    (ref,) = parse_reference_list(CleanText.identity("refs.md", "Marshall, Nancy Rose. Review of Joseph Crawhill. "
                                                                  "Victorian Studies 42 (1999/2000): 358-60."))
    assert (ref.volume, ref.issue, ref.year, ref.pages) == ("42", "", 1999, "358-60")
    text = "Smith, John. “Title.” Journal of Things 12 (3): 1–20."  # an issue stays the issue
    labels = [("author", 1.0)] * 2 + [("title", 1.0)] + [("container", 1.0)] * 3 + [("volume", 0.9)] * 2 + [("pages", 1.0)]
    assert [t.label for t in repaired(tagged(text, labels))][6:] == ["volume", "volume", "pages"]


def test_a_newspapers_section_goes_with_its_pages():
    text = "Crossette, Barbara. “How to Fix a Crowded World: Add People.” New York Times, November 2, 1997, sec. 4, 1+."
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert (ref.container, ref.volume, ref.pages) == ("New York Times", "", "sec. 4, 1+")
    labels = [("container", 1.0)] * 2 + [("volume", 0.8)] * 2 + [("pages", 1.0)]
    assert [t.label for t in repaired(tagged("Nature 12, sec. 4, 1+.", labels))] == ["container"] * 2 + ["pages"] * 3
    labels = [("container", 1.0), ("volume", 0.8), ("volume", 0.8), ("pages", 1.0)]  # no section: the volume
    assert [t.label for t in repaired(tagged("Nature 12 (4), 1-9.", labels))] == ["container", "volume", "volume", "pages"]


def test_the_number_after_its_mark_is_no_pages():
    text = "PLAGNOL H., « La codification doit être une incitation à la réforme », J.C.P. A., 2003, n° 2140"
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    assert (ref.volume, ref.pages, ref.year) == ("2140", "", 2003)
    labels = [("container", 1.0), ("volume", 0.8), ("pages", 0.8), ("pages", 1.0), ("pages", 1.0)]
    text = "Revue 12, n° 3 pp. 4-9."  # pages of their own after the number: the number is the pages' (as read)
    assert [t.label for t in repaired(tagged(text, labels[:1] + labels))][2:] == ["volume", "pages", "pages", "pages"]


def test_a_place_the_tagger_ran_into_the_end_of_the_publisher_is_the_place():
    def labels_of(text: str, labels: list[str]) -> list[str]:
        return [t.label for t in repaired(tagged(text, [(label, 0.9) for label in labels]))]

    # "Springer Berlin, 1997." and "Prentice Hall, Upper Saddle River, New Jersey": the city is the place
    assert labels_of("Title. Springer Berlin, 1997.", ["title", "publisher", "publisher", "date"]) == [
        "title", "publisher", "location", "date"]
    assert labels_of("Title. Prentice Hall, Upper Saddle River, New Jersey", ["title"] + ["publisher"] * 5 + ["location"] * 2) == [
        "title", "publisher", "publisher"] + ["location"] * 5
    # a run of places alone after the place ("Charles Griffin, London, United Kingdom.")
    assert labels_of("Charles Griffin, London, United Kingdom.", ["publisher", "publisher", "location", "publisher", "publisher"]) == [
        "publisher", "publisher", "location", "location", "location"]
    # a place the publisher's name holds stays the publisher's ("University of Chicago,", "Université du Québec à
    # Montréal"), as does a publisher after the entry's place ("Amsterdam: H.J. Paris.")
    assert labels_of("Title. University of Chicago, 1990.", ["title"] + ["publisher"] * 3 + ["date"])[1:4] == ["publisher"] * 3
    assert labels_of("Title. Amsterdam: H.J. Paris.", ["title", "location", "publisher", "publisher"])[2:] == ["publisher"] * 2
    assert labels_of("Title. Springer Berlin", ["title", "publisher", "publisher"])[1:] == ["publisher", "location"]
    assert labels_of("Universität Hamburg, TU Berlin.", ["publisher"] * 4) == ["publisher"] * 4


def test_a_journal_the_tagger_ran_into_the_end_of_an_unpunctuated_title_is_the_container():
    def labels_of(text: str, labels: list[str]) -> list[str]:
        return [t.label for t in repaired(tagged(text, [(label, 0.9) for label in labels]))]

    text = "M.T. Kim A trial for Korean Americans with type 2 diabetes Diabetes Educ., 35 (2009), pp. 986-994"
    labels = ["author"] * 2 + ["title"] * 11 + ["volume", "date", "pages", "pages"]
    assert labels_of(text, labels)[11:14] == ["container", "container", "volume"]
    # a name closing the title ("... de Henri II,"), a word in lower case, a page count: the title's own
    assert "container" not in labels_of("Recueil des actes de Henri II, n°525", ["title"] * 6 + ["volume"])
    assert "container" not in labels_of("Mieux avec le bruit routier, 24 p.", ["title"] * 5 + ["pages", "pages"])
    assert "container" not in labels_of("Charte des éoliennes du Finistère, 41 p.", ["title"] * 5 + ["pages", "pages"])


def test_a_number_mark_ending_the_container_before_the_volume_is_the_volumes():
    text = "Bulletin of the Texas Memorial Museum No. 6."
    labels = [("container", 0.9)] * 7 + [("volume", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][5:] == ["container", "volume", "volume"]
    text = "Am J Ind Med (Suppl 1), 104–106"
    labels = [("container", 0.9)] * 5 + [("volume", 0.9), ("pages", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][3:] == ["container", "volume", "volume", "pages"]


def test_a_city_read_as_a_container_before_its_region_and_the_publisher_is_the_place():
    text = "Macunaíma. Belo Horizonte, Brazil: Itatiaia, 1987."
    labels = [("title", 0.9), ("container", 0.6), ("container", 0.6), ("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][1:4] == ["location"] * 3
    text = "Perspective, Leiden: Brill, 1995."  # no region after it: as read
    labels = [("container", 0.6), ("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][0] == "container"


def test_a_conference_ordinal_left_at_the_end_of_the_title_opens_the_container():
    text = "Sustainability Education, 9th International Conference on Sustainability, Hiroshima"
    labels = [("title", 0.9)] * 3 + [("container", 0.9)] * 4 + [("location", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][1:4] == ["title", "container", "container"]


def test_editors_after_in_that_the_tagger_read_as_a_container_and_more_authors_are_the_editors():
    text = "R. WHITE, « Military Ethics », in COOPER, L. TERRY, Handbook of Ethics ; CRC Press, 2001."
    labels = ([("author", 0.9)] * 2 + [("title", 0.9)] * 4 + [("container", 0.6)] * 2 + [("author", 0.6)] * 2
              + [("title", 0.7)] * 4 + [("publisher", 0.9)] * 2 + [("date", 0.9)])
    assert [t.label for t in repaired(tagged(text, labels))][6:14] == ["editor"] * 4 + ["container"] * 4


def test_the_book_after_in_and_the_editors_with_ed_in_brackets_is_the_container():
    # the repair ran only on entries holding " editor" or "eds": "(Ed.)" never reached it; nor did pages before "In"
    text = "Baker, N. (2004) Experiential therapy (pp. 1-27). In P. Sanders (Ed.) The Tribes of the Nation. Ross-on-Wye: PCCS Books."
    labels = ([("author", 0.9)] * 2 + [("date", 0.9)] + [("title", 0.9)] * 2 + [("pages", 0.9)] * 2 + [("editor", 0.9)] * 4
              + [("title", 0.8)] * 5 + [("location", 0.9)] + [("publisher", 0.9)] * 2)
    assert [t.label for t in repaired(tagged(text, labels))][11:17] == ["container"] * 5 + ["location"]


def test_the_book_after_the_editors_goes_on_past_its_comma():
    text = "Pitt, A. (1997). Reading resistance. In L. Roman (Eds.), Dangerous territories: struggles for difference. New York: Routledge."
    labels = ([("author", 0.9)] * 2 + [("date", 0.9)] + [("title", 0.9)] * 2 + [("editor", 0.9)] * 4 + [("container", 0.8)] * 2
              + [("title", 0.6)] * 3 + [("location", 0.9)] * 2 + [("publisher", 0.9)])
    assert [t.label for t in repaired(tagged(text, labels))][9:14] == ["container"] * 5


def test_title_words_the_tagger_ran_into_names_written_family_name_first_are_the_titles():
    text = "Ackoff, Russell L. Scientific Method - Optimizing Research. New York: Wiley, 1962."
    labels = [("author", 0.9)] * 6 + [("title", 0.9)] * 2 + [("location", 0.9)] * 2 + [("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][:8] == ["author"] * 3 + ["title"] * 5
    # up to a comma, the words may as well be a name ("Jia, R.-Q., and J. Lei, Approximation ...")
    text = "Jia, R.-Q., and J. Lei, Approximation by Translates, J. Approx. Theory 72 (1993), 2-23."
    labels = [("author", 0.9)] * 5 + [("title", 0.9)] * 3 + [("container", 0.9)] * 3 + [("volume", 0.9), ("date", 0.9), ("pages", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][:5] == ["author"] * 5


def test_the_publisher_the_tagger_read_as_the_place_is_the_publisher():
    def labels_of(text: str, labels: list[str]) -> list[str]:
        return [t.label for t in repaired(tagged(text, [(label, 0.9) for label in labels]))]

    # a place of the list, a comma, then the publisher, in an entry with no publisher
    assert labels_of("The Interpretation of Dreams. New York, Macmillan, 1913.", ["title"] * 4 + ["location"] * 3 + ["date"]) == [
        "title"] * 4 + ["location", "location", "publisher", "date"]
    # the place after the publisher's colon, read the other way round
    assert labels_of("Trust. Hamish Hamilton: London.", ["title", "location", "location", "publisher"]) == [
        "title", "publisher", "publisher", "location"]
    # a publisher's initials after the place stay the publisher ("Paris, France : PUF.")
    assert labels_of("Titre. Paris, France : PUF.", ["title"] + ["location"] * 3 + ["publisher"]) == [
        "title"] + ["location"] * 3 + ["publisher"]
    assert labels_of("Title (New York: Oxford, 1997)", ["title", "location", "location", "publisher", "date"])[1:4] == [
        "location", "location", "publisher"]


def test_a_periodical_before_its_day_and_month_is_the_container():
    text = "Lamb, Christina, ‘Is Obama Stalking You?’, Spectator, 27 October 2012."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 4 + [("location", 0.6)] + [("date", 0.9)] * 3
    assert [t.label for t in repaired(tagged(text, labels))][6] == "container"
    text = "Lamb, Christina, ‘Is Obama Stalking You?’, London, 2012."  # a year alone: as read
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 4 + [("location", 0.6)] + [("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][6] == "location"


def test_a_city_ending_a_proceedings_title_is_the_place():
    def labels_of(text: str, labels: list[str]) -> list[str]:
        return [t.label for t in repaired(tagged(text, [(label, 0.9) for label in labels]))]

    text = "Varieties. In Proceedings of the Joint Conference on Artificial Intelligence, Karlsruhe. pages 650-652."
    assert labels_of(text, ["title"] + ["container"] * 10 + ["pages"] * 2)[9:12] == ["container", "location", "pages"]
    # an abbreviated journal's country, a journal's own city, a publisher's code: the container's
    text = "Dynamics. Proc. Natl. Acad. Sci. USA 2011, 108, 16159–16163."
    assert "location" not in labels_of(text, ["title"] + ["container"] * 5 + ["date", "volume", "pages"])
    text = "Dynamics. Journal of the Chemical Society, London 89: 128–42."
    assert "location" not in labels_of(text, ["title"] + ["container"] * 6 + ["volume", "pages"])
    text = "Bad news. In Proceedings of the Web Science Conference, ACM, p. 8."
    assert "location" not in labels_of(text, ["title"] * 2 + ["container"] * 8 + ["pages"] * 2)


def test_a_special_issue_after_the_journals_comma_is_a_note():
    text = "Fault Tolerance. Computer, Special Issue on Fault-Tolerant Systems, Vol. 23"
    labels = [("title", 0.9)] * 2 + [("container", 0.8)] * 6 + [("volume", 0.9)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][2:8] == ["container"] + ["note"] * 5


def test_a_series_sentence_ending_the_title_before_the_imprint_is_the_collection():
    text = "Gunter M. Ziegler. Lectures on Polytopes. Graduate texts in mathematics. Springer-Verlag, 1995."
    labels = [("author", 0.9)] * 3 + [("title", 0.8)] * 7 + [("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][3:11] == ["title"] * 3 + ["collection"] * 4 + ["publisher"]


def test_a_city_and_region_after_an_ieee_proceedings_name_are_the_place():
    text = '[4] A. Smith and B. Jones, "Learning to route packets," in Proc. IEEE Int. Conf. Commun. (ICC), Abu Dhabi, UAE, Dec. 2018, pp. 1-6.'
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.container, ref.place, ref.pages) == ("Proc. IEEE Int. Conf. Commun. (ICC)", "Abu Dhabi, UAE", "1-6")
    text = "Wu. Caching. In Proceedings of the IEEE Global Communications Conference, San Diego, CA, USA, Dec. 2015."
    labels = [("author", 0.9), ("title", 0.9)] + [("container", 0.9)] * 12 + [("date", 0.9)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][9:14] == ["container"] + ["location"] * 4
    # a code after the name's comma is no city ("ACM,"): the country alone is the place
    text = "Bad news. In Proceedings of the Web Science Conference, ACM, USA, 2011."
    labels = [("title", 0.9)] * 2 + [("container", 0.9)] * 9 + [("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][8:11] == ["container", "container", "location"]


def test_the_language_ending_a_vancouver_reference_is_a_note():
    text = "Jónsson J, Sigurðsson G. Saga heilsugæslu á Íslandi. Læknablaðið. 2005;91(3):233-40. Icelandic."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.container, ref.publisher, ref.pages, ref.note) == ("Læknablaðið", "", "233-40", "Icelandic")
    # a book's page count is its page total, the language after it a note
    text = "Halldórsson B. Íslensk orðabók. Reykjavík: Mál og menning; 2002. 240 p. Icelandic."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.publisher, ref.place, ref.pages, ref.note) == ("Mál og menning", "Reykjavík", "", "Icelandic")
    assert dict(ref.extra)["pagetotal"] == "240"
    # a title's last word stays the title's ("... of Modern Icelandic."), and so does a word no language names
    text = "Roe J. Sagas. Reykjavík: Mál og menning; 2002. Morphology of Modern Icelandic."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] + [("location", 0.9), ("publisher", 0.9), ("publisher", 0.9),
                                                         ("publisher", 0.9), ("date", 0.9)] + [("title", 0.9)] * 4
    assert [t.label for t in repaired(tagged(text, labels))][-1] == "title"
    text = "Roe J. Sagas. Læknablaðið. 2005;91(3):233-40. Reykjavík."
    labels = [("author", 0.9)] * 2 + [("title", 0.9), ("container", 0.9), ("volume", 0.9), ("volume", 0.9), ("pages", 0.9), ("location", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][-1] == "location"


def test_a_vancouver_article_number_is_the_pages():
    text = "Lee K, Park S. Deep learning for retinal imaging. Sci Rep. 2020;10:Art. no. 33."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.container, ref.volume, ref.pages, ref.year) == ("Sci Rep", "10", "33", 2020)


def test_an_ordinal_edition_ending_the_title_is_the_edition():
    text = "Barber, Charles (1997). Early Modern English, 2 nd edition. Edinburgh: Edinburgh University Press."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.title, ref.edition, ref.publisher) == ("Early Modern English", "2", "Edinburgh University Press")
    text = "Tillion, Germaine. Algeria: The Realities. 1st American ed. New York: Knopf, 1958."
    labels = [("author", 0.9)] * 2 + [("title", 0.6)] * 6 + [("location", 0.9)] * 2 + [("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][2:8] == ["title"] * 3 + ["edition"] * 3
    text = "Urwin, D. A Political History, 5th edn (London: Longman, 1997)."
    labels = [("author", 0.9)] * 2 + [("title", 0.4)] * 5 + [("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][2:7] == ["title"] * 3 + ["edition"] * 2
    # an ordinal inside the title, or one the title's words run on from, is the title's
    for text in ("Roe, J. Notes on the 2nd ed. London: Verso, 1990.", "Roe, J. Guide, 2nd edition changes now. London: Verso, 1990."):
        labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 5 + [("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
        assert "edition" not in [t.label for t in repaired(tagged(text, labels))]


def test_a_volume_count_after_a_plain_titles_stop_is_no_part_of_the_title():
    text = "———. Sense and Sensibility, 2 vols. New York: Frank S. Holby, 1906."
    labels = [("author", 0.9)] + [("title", 0.9)] * 5 + [("location", 0.9)] * 2 + [("publisher", 0.9)] * 3 + [("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][1:6] == ["title"] * 3 + ["note"] * 2
    # a number the title's words run on into stays the title's ("Letters in 2 vols")
    text = "Roe, J. Letters in 2 vols. London: Verso, 1990."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 4 + [("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert "note" not in [t.label for t in repaired(tagged(text, labels))]


def test_french_and_german_months_are_read_as_the_months():
    text = ("LEVASSEUR M., GRANDIN P. & ALPHONSE P., « 15 règles pour un bon usage ». La Revue du Financier, "
            "mai-juin 2009")
    labels = [("author", 0.9)] * 6 + [("title", 0.9)] * 9 + [("container", 0.9)] * 4 + [("container", 0.43), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][-3:] == ["container", "date", "date"]
    # a town whose name a French month opens stays the place's ("Mainz", "Maison")
    text = "Roe, J. Title. Journal, Mainz, 1990."
    labels = [("author", 0.9)] * 2 + [("title", 0.9), ("container", 0.9), ("container", 0.5), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][4] == "container"
    text = "Berda, A., & Rallier, J. (2012, Fevrier). Management par la qualité. Soins Cadres(80), pp. 50-53."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.title, ref.year) == ("Management par la qualité", 2012)


def test_the_book_after_in_read_as_editors_is_the_container():
    text = "Derrida, Jacques. “Plato’s Pharmacy.” In Dissemination. Translated by Barbara Johnson. Chicago: University of Chicago Press, 1981."
    labels = ([("author", 0.9)] * 2 + [("title", 0.9)] * 2 + [("editor", 0.81)] * 2 + [("translator", 0.9)] * 4
              + [("location", 0.9)] + [("publisher", 0.9)] * 4 + [("date", 0.9)])
    assert [t.label for t in repaired(tagged(text, labels))][4:7] == ["container", "container", "translator"]
    text = "Ballard, J. “The Concentration City.” In The Best Short Stories of J. G. Ballard. New York: Holt, 1995, 1–20."
    labels = ([("author", 0.9)] * 2 + [("title", 0.9)] * 3 + [("editor", 0.4)] * 9 + [("location", 0.9)] * 2
              + [("publisher", 0.9), ("date", 0.9), ("pages", 0.9)])
    assert [t.label for t in repaired(tagged(text, labels))][5:15] == ["container"] * 9 + ["location"]
    # editors named after "In", before their mark, are the editors
    text = "Roe, J. “Chapter.” In J. Smith (Ed.). Book. London: Verso, 1990."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] + [("editor", 0.9)] * 4 + [("container", 0.9), ("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][3:7] == ["editor"] * 4
    text = "Roe J. Chapter. In: Smith J, Roe K, editors. Book. London: Verso; 1990."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] + [("editor", 0.9)] * 6 + [("container", 0.9), ("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][3:9] == ["editor"] * 6


def test_a_place_alone_before_the_year_is_the_place():
    text = "Bede, Venerable. The Abbreviated Psalter of the Venerable Bede, trans. Gerald M. Browne. Grand Rapids, 2002."
    labels = ([("author", 0.9)] * 2 + [("title", 0.9)] * 7 + [("translator", 0.9)] * 4 + [("container", 0.54)] * 2
              + [("date", 0.9)])
    assert [t.label for t in repaired(tagged(text, labels))][-3:] == ["location", "location", "date"]
    text = "Uther, Hans-Jörg. The Types of International Folktales, Parts I-III. Helsinki 2004."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.container, ref.place, ref.year) == ("", "Helsinki", 2004)
    # and so read as the publisher
    text = "Bossy, J. (ed.) Disputes and Settlements: Law and Human Relations in the West. Cambridge, 1983."
    labels = [("editor", 0.9)] * 3 + [("title", 0.9)] * 10 + [("publisher", 0.6), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][-2:] == ["location", "date"]
    # a journal named for its city keeps it
    text = "Roe, J. Notes. Berlin 1990, 3-4."
    labels = [("author", 0.9)] * 2 + [("title", 0.9), ("container", 0.6), ("date", 0.9), ("pages", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][3] == "container"


def test_chicagos_short_cross_reference_to_an_edited_book_names_its_editors():
    text = "Dirlik, Arif. “Place-Based Imagination: Globalism and the Politics of Place.” In Prazniak and Dirlik, 15–51."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 8 + [("container", 0.99)] * 4 + [("pages", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][10:] == ["editor"] * 4 + ["pages"]
    # a book after "In" stays the container
    text = "Roe, J. “Chapter.” In Politics of Place, 15–51."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] + [("container", 0.9)] * 4 + [("pages", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][3:7] == ["container"] * 4


def test_title_words_after_a_one_word_author_are_the_titles():
    text = "SFAP. L'infirmier(e) et les soins palliatifs. Issy-les-Moulineaux : ELSEVIER MASSON, 2013. 256 p."
    labels = ([("author", 0.64)] * 2 + [("title", 0.9)] * 4 + [("location", 0.9)] * 2 + [("publisher", 0.9)] * 2
              + [("date", 0.9), ("pages", 0.9), ("pages", 0.9)])
    assert [t.label for t in repaired(tagged(text, labels))][:3] == ["author", "title", "title"]
    text = "GERACFAS. Module 6. Paris : MASSON, 2006. 118 p. (Modules AS/AP)."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert ([n.family or n.literal for n in ref.authors], ref.title) == (["GERACFAS"], "Module 6")
    # a given name after the one name's slipped comma stays the name's; so does an initial
    for text in ("Beza. Theodore. Psaumes mis en vers. Geneva, 1984.", "SMITH. J. Psaumes mis en vers. Geneva, 1984."):
        labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 4 + [("location", 0.9), ("date", 0.9)]
        assert [t.label for t in repaired(tagged(text, labels))][:2] == ["author", "author"]


def test_a_year_inside_a_meetings_name_is_the_names():
    text = "Weigend, A. (1993). Measuring. In Proceedings of the 1993 Connectionist Models Summer School, pp. 335-342."
    labels = ([("author", 0.9)] * 2 + [("date", 0.9), ("title", 0.9)] + [("container", 0.9)] * 4 + [("date", 0.81)]
              + [("title", 0.73)] * 4 + [("pages", 0.9)] * 2)
    assert [t.label for t in repaired(tagged(text, labels))][4:13] == ["container"] * 9
    text = "Arun Garg. Parallel STREAMS. In Proceedings of the Winter 1990 USENIX Conference, pages 163-176, January 1990."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.container, ref.year) == ("Proceedings of the Winter 1990 USENIX Conference", 1990)
    # a year after the name's comma is the date; so is the entry's only date
    text = "Kwok C. Filters. Proceedings of the IEEE 2004, vol. 92, pp. 469-484."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] + [("container", 0.9)] * 4 + [("date", 0.9)] + [("volume", 0.9)] * 2 + [("pages", 0.9)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][7] == "date"
    text = "Roe, J. Chapter. In Proceedings of the 1993 Summer School, pp. 335-342."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] + [("container", 0.9)] * 4 + [("date", 0.8)] + [("title", 0.7)] * 2 + [("pages", 0.9)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][7] == "date"


def test_names_opening_the_entry_before_an_editor_mark_are_the_editors():
    text = "Warner, Marina ed. La bella e la bestia: quindici metamorfosi di una fiaba. Donzelli, 2002."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert ([n.family for n in ref.authors], [n.family for n in ref.editors]) == ([], ["Warner"])
    text = "Huf, Christina & Irmtraud Schnell Hrsg. 2015. Inklusive Bildung. Stuttgart: Kohlhammer."
    labels = [("author", 0.94)] * 6 + [("date", 0.9)] + [("title", 0.9)] * 2 + [("location", 0.9), ("publisher", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][:7] == ["editor"] * 6 + ["date"]
    # an edition after the authors' names is no editor's mark
    text = "Roe, J. 2nd ed. Inklusive Bildung. Stuttgart: Kohlhammer, 2015."
    labels = [("author", 0.9)] * 2 + [("edition", 0.9)] * 2 + [("title", 0.9)] * 2 + [("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][:2] == ["author", "author"]


def test_a_revision_sentence_ending_the_title_is_the_edition():
    text = "Kern, Hermann. Labyrinthe: Erscheinungsformen und Deutungen. Revised and expanded. München: Prestel, 1983."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.title, ref.edition) == ("Labyrinthe: Erscheinungsformen und Deutungen", "Revised and expanded")
    text = "Auster, Paul. The Art of Hunger. Expanded. New York: Penguin, 1997."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 5 + [("location", 0.9)] * 2 + [("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][2:7] == ["title"] * 4 + ["edition"]
    # a title whose last sentence only starts with a revision word keeps it
    text = "Roe, J. Sagas. Revised Standard Version. New York: Penguin, 1997."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 4 + [("location", 0.9)] * 2 + [("publisher", 0.9), ("date", 0.9)]
    assert "edition" not in [t.label for t in repaired(tagged(text, labels))]


def test_a_day_before_the_month_is_the_date_and_a_number_before_edition_the_edition():
    text = "Barraux J., « Entreprise et bien commun », Les Échos, 19 avril 2000."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 6 + [("container", 0.9)] * 2 + [("volume", 0.51), ("date", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][-3:] == ["date"] * 3
    # a marked volume stays one
    text = "Roe, J. Title. Journal, vol. 15 May 2003."
    labels = [("author", 0.9)] * 2 + [("title", 0.9), ("container", 0.9), ("volume", 0.9), ("volume", 0.9), ("date", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][5] == "volume"
    text = "William G. Cochran. Sampling Techniques. John Wiley and Sons, Inc., New York, New York, 3 edition, 1977."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.volume, ref.edition, ref.year) == ("", "3", 1977)


def test_a_technical_reports_mark_is_the_genre():
    text = "[38] N. J. Pekelsma, “Optimal guidance with obstacle avoidance for Nap-of-the-Earth flight,” NASA, Tech. Rep., 1988."
    labels = [("number", 0.9)] + [("author", 0.9)] * 3 + [("title", 0.9)] * 8 + [("container", 0.6)] * 3 + [("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][12:] == ["publisher", "genre", "genre", "date"]
    text = "Alexander Vrchoticky. Modula/R language definition. Technical Report TU Wien rr-02-92, version 2.0, May 1993."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 10 + [("date", 0.9)] * 2
    assert [t.label for t in repaired(tagged(text, labels))][2:10] == ["title"] * 3 + ["genre"] * 5
    # a title about reports keeps its words
    text = "Roe, J. Writing the Technical Report. London: Verso, 1990."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 4 + [("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert "genre" not in [t.label for t in repaired(tagged(text, labels))]


def test_a_publisher_ending_the_title_after_its_stop_is_the_publisher():
    text = "J. Adams, W. Brainerd, and J. Wagener. Fortran 90 Handbook. McGraw-Hill, New York, NY, 1992."
    labels = [("author", 0.9)] * 7 + [("container", 0.8)] * 4 + [("location", 0.9)] * 3 + [("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][7:12] == ["container"] * 3 + ["publisher", "location"]
    # a title's own last word that names a publisher, with no stop before it, stays the title's
    text = "Roe, J. The Story of Oxford University Press, London, 1990."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 6 + [("location", 0.9), ("date", 0.9)]
    assert "publisher" not in [t.label for t in repaired(tagged(text, labels))]


def test_partners_and_company_are_one_publisher():
    text = "James, William. Essays in Radical Empiricism. New York: Longmans, Green, and co., 1912."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert ref.publisher.startswith("Longmans, Green, and co") and ref.place == "New York"
    text = "Mill JS (1886) System of logic. Longmans, Green & Co., London"
    labels = [("author", 0.9)] * 2 + [("date", 0.9)] + [("title", 0.9)] * 3 + [("location", 0.49)] + [("publisher", 0.9)] * 3 + [("location", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][6:] == ["publisher"] * 4 + ["location"]
    # a place's colon ends the walk back: "New York: Wiley & Sons" keeps its place
    text = "Roe, J. Title. New York: Wiley & Sons, 1990."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] + [("location", 0.9)] * 2 + [("publisher", 0.9)] * 3 + [("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][3:5] == ["location", "location"]


def test_a_technical_reports_mark_opening_the_publisher_is_the_genre():
    text = "Williams, R. 2014. Generalized Models. Technical report University of Notre Dame, South Bend, IN."
    labels = [("author", 0.9)] * 2 + [("date", 0.9)] + [("title", 0.9)] * 2 + [("publisher", 0.84)] * 6 + [("location", 0.9)] * 3
    assert [t.label for t in repaired(tagged(text, labels))][5:11] == ["genre"] * 2 + ["publisher"] * 4


def test_chicagos_ed_before_names_marks_the_editors_not_vancouvers_role():
    text = "______. De doctrina christiana, ed. Joseph Martin. CCSL 32. Turnhout, 1962."
    labels = [("editor", 0.85)] * 7 + [("container", 0.9), ("volume", 0.9), ("publisher", 0.7), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][:7] == ["author"] + ["title"] * 3 + ["editor"] * 3
    text = "Martin Luther, Martin Luther’s Basic Theological Writings, ed. Timothy F. Lull (Minneapolis: Fortress Press, 1989)."
    labels = [("editor", 0.99)] * 11 + [("location", 0.9)] + [("publisher", 0.9)] * 2 + [("date", 0.9)]
    assert "title" not in [t.label for t in repaired(tagged(text, labels))][8:11]
    # Vancouver's role word still ends the names
    text = "In: Smith J, editor. Tropical medicine. London: Verso; 1990."
    labels = [("editor", 0.9)] * 6 + [("location", 0.9), ("publisher", 0.9), ("date", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][4:6] == ["container", "container"]


def test_a_numbered_issue_read_as_the_pages_is_the_volumes():
    text = "Janik J.: Bezpłatne akcje pracownicze. „Gazeta Bankowa\" 1997, nr 29."
    labels = [("author", 0.9)] * 2 + [("title", 0.9)] * 3 + [("container", 0.9)] * 2 + [("date", 0.9), ("pages", 0.62), ("pages", 0.69)]
    assert [t.label for t in repaired(tagged(text, labels))][-2:] == ["volume", "volume"]
    text = "- V. GISCARD D'ESTAING, « Le giscardisme », Pouvoirs, 1979, n°9."
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    assert (ref.volume, ref.pages) == ("9", "")
    # the pages after their own label stay, and so does a number mark with pages after it
    text = "Roe, J. Title. Journal, 1997, no. 4, pp. 5-9."
    labels = [("author", 0.9)] * 2 + [("title", 0.9), ("container", 0.9), ("date", 0.9), ("pages", 0.6), ("pages", 0.6), ("pages", 0.9), ("pages", 0.9)]
    assert [t.label for t in repaired(tagged(text, labels))][-4:] == ["pages"] * 4
