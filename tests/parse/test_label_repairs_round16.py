"""Session 16's label repairs (``parse.tagger.label_repairs``), each on a whole reference as a user pastes it,
read in the parts a tagger trained without the reference labelled (out of fold)."""
import pytest
from one_reference import read_one

from citecheck.parse.tagger.label_repairs import repaired
from citecheck.parse.tagger.model import TaggedToken, tokenize


def repaired_parts(*parts: tuple[str, str]) -> list[tuple[str, str]]:
    """The reference the parts make, each (its text, the label the tagger gave it), in the parts the
    repaired labels make."""
    tokens: list[TaggedToken] = []
    text = ""
    for part, label in parts:
        text = f"{text} {part}" if text else part
        tokens += [TaggedToken(t, 0, 0, label, 0.9) for t, _, _ in tokenize(part)]
    assert [t for t, _, _ in tokenize(text)] == [t.token for t in tokens]
    out: list[tuple[str, str]] = []
    for t in repaired(tokens):
        if out and out[-1][1] == t.label:
            out[-1] = (f"{out[-1][0]} {t.token}", t.label)
        else:
            out.append((t.token, t.label))
    return out


def test_a_city_before_the_country_ending_a_proceedings_title_is_the_place_too():
    parts = repaired_parts(
        ("Szeto, A. Y. J., Sharma, S. K.,", "author"),
        ("RFID based indoor navigational aid for persons with severe visual impairments.", "title"),
        ("In: Proceedings of the 29th International Conference of the IEEE Engineering in Medicine and Biology "
         "Society, Lyon, France.", "container"),
        ("pp 6361?6364,", "pages"), ("2007.", "date"))
    assert parts[2:4] == [("In: Proceedings of the 29th International Conference of the IEEE Engineering in Medicine "
                           "and Biology Society,", "container"), ("Lyon, France.", "location")]
    # a word no city of the list before the country stays the meeting's name's
    parts = repaired_parts(("Agents.", "title"), ("In Proceedings of the Workshop on Multi-Agent Worlds, Kleinstadt, "
                                                  "Germany.", "container"))
    assert parts[-1] == ("Germany.", "location")


def test_a_city_and_its_region_before_the_publishers_colon_are_the_place():
    parts = repaired_parts(
        ("Davidson, Apollon and Irina Filatova", "author"), ("(2007)", "date"),
        ("‘African History: A View from behind the Kremlin Wall’", "title"), ("in Maxim Matusevich (ed)", "editor"),
        ("Africa in Russia, Russia in Africa: Three Centuries of Encounters Trenton NJ:", "container"),
        ("Africa World Press", "publisher"))
    assert parts[4:] == [("Africa in Russia, Russia in Africa: Three Centuries of Encounters", "container"),
                         ("Trenton NJ:", "location"), ("Africa World Press", "publisher")]


def test_places_after_a_short_books_full_stop_before_the_publishers_colon_are_the_place():
    parts = repaired_parts(
        ("Svenonius, Peter.", "author"), ("2016.", "date"), ("Spans and words.", "title"),
        ("In Daniel Siddiqi and Heidi Harley (eds.),", "editor"),
        ("Morphological Metatheory. Amsterdam and Philadelphia:", "container"), ("Benjamins.", "publisher"))
    assert parts[4:] == [("Morphological Metatheory.", "container"), ("Amsterdam and Philadelphia:", "location"),
                         ("Benjamins.", "publisher")]
    # no full stop before them: a short title's own words ("Reading Paris: ...")
    parts = repaired_parts(("Smith, J.", "author"), ("2016.", "date"), ("Words.", "title"),
                           ("In A. Jones (ed.),", "editor"), ("Reading Paris:", "container"), ("Hachette.", "publisher"))
    assert parts[4] == ("Reading Paris:", "container")


def test_one_title_word_and_its_comma_after_a_single_names_full_stop_open_the_title():
    parts = repaired_parts(
        ("Tambiah, Stanley Jeyaraja. Magic,", "author"),
        ("Science Religion and the Scope of Rationality.", "title"), ("Cambridge:", "location"),
        ("Cambridge University Press,", "publisher"), ("1990.", "date"))
    assert parts[:2] == [("Tambiah, Stanley Jeyaraja.", "author"),
                         ("Magic, Science Religion and the Scope of Rationality.", "title")]
    # a second name written family name first: its given name follows ("FRIARD, Dominique. LOLIVIER, Isabelle.")
    parts = repaired_parts(("FRIARD, Dominique. LOLIVIER,", "author"), ("Isabelle. Carnet de route.", "title"))
    assert parts[0] == ("FRIARD, Dominique. LOLIVIER,", "author")
    # after an initial, the family name of a name written given name first ("and J. Lei,")
    parts = repaired_parts(("Rodin, R. Scott,", "author"), ("The Steward Leader.", "title"))
    assert parts[0] == ("Rodin, R. Scott,", "author")


def test_a_day_month_and_year_in_figures_are_the_date_not_the_volume():
    parts = repaired_parts(
        ("ARBOUET, F.", "author"), ("L'Oiseau-Mouche se pose à Paris.", "title"), ("Lien social,", "container"),
        ("25/04/2013, n°1103,", "volume"), ("pp. 16-18.", "pages"))
    assert parts[3:] == [("25/04/2013,", "date"), ("n°1103,", "volume"), ("pp. 16-18.", "pages")]
    # a volume and issue written with a slash stay the volume's ("Vol. 12/3", "4/6")
    parts = repaired_parts(("Revue,", "container"), ("4/6", "volume"), ("(2000),", "date"))
    assert parts[1] == ("4/6", "volume")


def test_a_quote_opening_among_the_names_opens_the_title():
    parts = repaired_parts(
        ("Boubín, Jaroslav and Alena Míšková, “Spis M.", "author"),
        ("Jana Příbrama „Vyznání věrných Čechů“,”", "title"), ("Folia Historica Bohemica", "container"),
        ("5", "volume"), ("(1983):", "date"), ("239-287.", "pages"))
    assert parts[:2] == [("Boubín, Jaroslav and Alena Míšková,", "author"),
                         ("“Spis M. Jana Příbrama „Vyznání věrných Čechů“,”", "title")]
    # a nickname's quote closes among the names; a stray mark opens no quoted title; "‘" is also an ayn
    parts = repaired_parts(('Dwayne "The Rock" Johnson,', "author"), ('"Title."', "title"))
    assert parts[0] == ('Dwayne "The Rock" Johnson,', "author")
    parts = repaired_parts(('"Alter, Robert.', "author"), ("The Art of Biblical Narrative.", "title"),
                           ("New York:", "location"), ("Basic,", "publisher"), ("1981.", "date"), ('"', "title"))
    assert parts[0] == ('"Alter, Robert.', "author")
    parts = repaired_parts(("Barakat, Saber., ‘Umar, Khaled Ali.", "author"), ("Niqabat Bila ‘Umal.", "title"))
    assert parts[0] == ("Barakat, Saber., ‘Umar, Khaled Ali.", "author")


def test_a_titles_first_part_before_its_colon_after_the_names_comma_is_the_titles():
    parts = repaired_parts(
        ("Anderson, Chris, Free:", "author"),
        ("The Future of a Radical Price: The economics of abundance and why zero pricing is changing the face of "
         "business,", "title"), ("Random House,", "publisher"), ("2009.", "date"))
    assert parts[:2] == [("Anderson, Chris,", "author"), ("Free: The Future of a Radical Price: The economics of "
                                                         "abundance and why zero pricing is changing the face of "
                                                         "business,", "title")]
    parts = repaired_parts(("de Waal T., Black Garden:", "author"),
                           ("Armenia and Azerbaijan Through Peace and War,", "title"), ("New York:", "location"))
    assert parts[0] == ("de Waal T.,", "author")
    # a given name, initials, a code or "et al" before the colon are the names' (DIN's "Family, Given: Title")
    for names in ("Schöler, Jutta:", "Scholte, Jan Aart:", "Yan, L., Li, H.:", "Ayoub MM, Bassoussi ME:",
                  "Frazer MB, Norman RW, et al:"):
        assert repaired_parts((names, "author"), ("Leistungsförderung und Gewaltprävention.", "title"))[0] == (
            names, "author")


def test_title_words_up_to_their_comma_after_the_names_comma_are_the_titles():
    parts = repaired_parts(
        ("Randall Packard, White Plague,", "author"),
        ("Black Labour: Tuberculosis and the political economy of health and disease in South Africa", "title"),
        ("(1989).", "date"))
    assert parts[:2] == [("Randall Packard,", "author"), ("White Plague, Black Labour: Tuberculosis and the political "
                                                         "economy of health and disease in South Africa", "title")]
    parts = repaired_parts(("King Charles, Melvin Neil, Nations Abroad,", "author"),
                           ("Diaspora politics and International Relations in the former Soviet Union,", "title"),
                           ("Boulder,", "location"), ("Westview,", "publisher"), ("1998", "date"))
    assert parts[0] == ("King Charles, Melvin Neil,", "author")
    # a given name (with a hyphen too), an initial or a code, or a given name after them: a name
    for names, title in (("Narboux, Jean-Philippe,", "L’illusion,"),
                         ("Maria-Cruz Valiente , Elena Garcia-Barriocanal , Miguel-Angel Sicilia,", "Applying an"),
                         ("Smith, J., White, P.,", "Title,"), ("Bourdieu, Pierre, Homo Academicus,", "Peter Collier"),
                         ("Jones, Mary, IEEE,", "Standards,")):
        assert repaired_parts((names, "author"), (title, "title"))[0] == (names, "author")


def test_names_written_given_name_first_before_the_first_comma_are_the_authors():
    parts = repaired_parts(
        ("Loic Wacquant, “Ghetto, Banlieue, Favela, etc: Tools for Rethinking Urban Marginality,” in Urban Outcasts: a "
         "comparative sociology of advanced marginality,", "title"), ("Polity Press,", "publisher"), ("2008.", "date"))
    assert parts[0] == ("Loic Wacquant,", "author")
    parts = repaired_parts(("Reni Septiani and Sophi Damayanti, Simultaneous identification of caffeine,", "title"),
                           ("Der Pharmacia Lettre,", "container"))
    assert parts[0] == ("Reni Septiani and Sophi Damayanti,", "author")
    # a title's words, an initial, or no given name first: the title's
    for title in ("Charles and the Chocolate Factory, a study,", "Paul, Judaism and the Gentiles,",
                  "Mark J. Smith, Title,", "Brother John of Taizé, Friends in Christ,"):
        assert repaired_parts((title, "title"), ("1990.", "date"))[0] == (title, "title")


def test_a_listed_city_and_its_colon_the_title_ran_into_are_the_place_and_the_publisher_after_it():
    parts = repaired_parts(
        ("Christov-Bakargiev, Carolyn,", "author"),
        ("William Kentridge (Brussels: Société des Expositions du Palais des Beaux-Arts de Bruxelles,", "title"),
        ("1998).", "date"))
    assert parts[1:] == [("William Kentridge", "title"), ("(Brussels:", "location"),
                         ("Société des Expositions du Palais des Beaux-Arts de Bruxelles,", "publisher"), ("1998).", "date")]
    parts = repaired_parts(("Murphy, C.", "author"), ("(2020)", "date"),
                           ("*Housing Ireland's essential workers*. Dublin: Think-tank for Action on Social Change.", "title"),
                           ("Available at:", "note"))
    assert parts[2:4] == [("*Housing Ireland's essential workers*.", "title"), ("Dublin:", "location")]
    # a title's own city before its subtitle: no full stop nor bracket before it, or more of the title after it
    parts = repaired_parts(("Smith, J.", "author"), ("Reading Paris: A Guide.", "title"), ("1990.", "date"))
    assert parts[1] == ("Reading Paris: A Guide.", "title")
    parts = repaired_parts(("Smith, J.", "author"), ("Cities. Paris: A Guide.", "title"), ("Oxford:", "location"))
    assert parts[1] == ("Cities. Paris: A Guide.", "title")


def test_the_containers_first_part_after_the_titles_full_stop_is_the_containers():
    parts = repaired_parts(
        ("Wilmoth, J. M., London, A. S., & Parker, W. M.", "author"), ("(2010).", "date"),
        ("Military service and men’s health trajectories in later life. The Journals of Gerontology Series B:", "title"),
        ("Psychological Sciences and Social Sciences,", "container"), ("65B(6),", "volume"), ("744–755.", "pages"))
    assert parts[2:4] == [("Military service and men’s health trajectories in later life.", "title"),
                          ("The Journals of Gerontology Series B: Psychological Sciences and Social Sciences,", "container")]
    parts = repaired_parts(("Baker, W.L.", "author"), ("1972.", "date"),
                           ("Eastern forest insects. Miscellaneous publications,", "title"),
                           ("United States Department of Agriculture", "container"), ("1175:", "volume"))
    assert parts[2] == ("Eastern forest insects.", "title")
    # a style whose title ends with a comma: its second sentence is the title's
    parts = repaired_parts(("Constance Bouchard,", "author"), ("The Origins of the French Nobility. A Reassessment,", "title"),
                           ("The American Historical Review,", "container"), ("86,", "volume"))
    assert parts[1] == ("The Origins of the French Nobility. A Reassessment,", "title")


def test_the_journal_before_internet_and_the_date_is_the_container():
    parts = repaired_parts(
        ("3.", "number"), ("Nguyen VT, Tran HM, Le QA.", "author"),
        ("Dengue hospitalisations in Ho Chi Minh City, 2010–2019. Trop Med Health", "title"), ("[Internet].", "genre"),
        ("2021", "date"), ("[cited 2023 Apr 2];", "note"), ("49(1):", "volume"), ("33.", "pages"))
    assert parts[2:4] == [("Dengue hospitalisations in Ho Chi Minh City, 2010–2019.", "title"),
                          ("Trop Med Health", "container")]
    # a book's or a page's title before "[Internet]" has its place after it: the title
    parts = repaired_parts(("Centers for Disease Control and Prevention.", "author"),
                           ("Lyme disease. Data tables: county level", "title"), ("[Internet].", "genre"),
                           ("Atlanta (GA):", "location"), ("CDC;", "publisher"), ("2022", "date"))
    assert parts[1] == ("Lyme disease. Data tables: county level", "title")


def test_a_page_label_written_on_to_its_number_is_the_pages():
    parts = repaired_parts(
        ("O'Leary, C.", "author"), ("(2006, June 29).", "date"),
        ("Landmark study to aid push for public smoking ban.", "title"), ("The West Australian,", "container"),
        ("p.14.", "volume"), ("Retrieved October 20, 2008, from Factiva.", "note"))
    assert parts[4] == ("p.14.", "pages")
    parts = repaired_parts(("Bachkirova, T.,", "author"), ("‘Conclusion’ (pp.417-421)", "title"), ("in", "editor"))
    assert parts[1:3] == [("‘Conclusion’", "title"), ("(pp.417-421)", "pages")]


def test_to_appear_and_the_words_after_it_are_a_note():
    parts = repaired_parts(
        ("F. Rabiti, E. Brtino, W. Kim, D. Woelk,", "author"),
        ("A Model of Authorization for Next-Generation Database Systems, to appear in ACM Transactions on Database "
         "Systems.", "title"))
    assert parts[1:] == [("A Model of Authorization for Next-Generation Database Systems,", "title"),
                         ("to appear in ACM Transactions on Database Systems.", "note")]
    # a title's own words: "How to appear confident"
    parts = repaired_parts(("Smith, J.", "author"), ("How to appear confident.", "title"), ("2001.", "date"))
    assert parts[1] == ("How to appear confident.", "title")


def test_the_work_after_a_volumes_number_is_the_container():
    parts = repaired_parts(
        ("Hesse, Hermann.", "author"), ("Der Steppenwolf.", "title"), ("Vol. 4", "volume"),
        ("of Gesammelte Dichtungen.", "title"), ("Berlin:", "location"), ("Suhrkamp,", "publisher"), ("1958.", "date"))
    assert parts[3] == ("of Gesammelte Dichtungen.", "container")
    parts = repaired_parts(("———.", "author"), ("Die Aufzeichnungen des Malte Laurids Brigge.", "title"),
                           ("Vol. 6", "volume"), ("of Sämtliche Werke.", "publisher"))
    assert parts[3] == ("of Sämtliche Werke.", "container")
    # proceedings' series after their volume: the entry has its container
    parts = repaired_parts(("Vasy, A.", "author"), ("Microlocal analysis.", "title"),
                           ("In Inverse problems and applications.", "container"), ("volume 60", "volume"),
                           ("of Math. Sci. Res. Inst. Publ.,", "collection"))
    assert parts[4] == ("of Math. Sci. Res. Inst. Publ.,", "collection")


def test_the_book_before_its_bracketed_editors_is_the_container():
    parts = repaired_parts(
        ("S. Lakshmanan and H. Derin,", "author"), ('"Gaussian Markov Random Fields at Multiple Resolutions,"', "title"),
        ("in Markov Random Fields: Theory and Applications (R. Chellappa, ed.),", "editor"), ("pp. 131-157,", "pages"),
        ("Academic Press,", "publisher"), ("1993.", "date"))
    assert parts[2:4] == [("in Markov Random Fields: Theory and Applications", "container"),
                          ("(R. Chellappa, ed.),", "editor")]
    # editors after "in" with their bracketed mark: the names stay the editors'
    parts = repaired_parts(("Smith, J.", "author"), ("Words.", "title"), ("In R. Jones (Ed.),", "editor"),
                           ("The Book", "container"))
    assert parts[2] == ("In R. Jones (Ed.),", "editor")


def test_mlas_diss_opening_the_publisher_is_the_genre():
    parts = repaired_parts(
        ("Grady, Joseph.", "author"), ("Foundations of Meaning: Primary Metaphors and Primary Scenes.", "title"),
        ("Diss. University of California,", "publisher"), ("Berkeley,", "location"), ("Print.", "genre"))
    assert parts[2:4] == [("Diss.", "genre"), ("University of California,", "publisher")]


def test_the_first_sentence_of_a_note_after_the_names_is_the_title_of_an_entry_with_none():
    parts = repaired_parts(
        ("[155]", "number"), ("Pierre Sermanet, Andrea Frome, and Esteban Real.", "author"),
        ("Attention for fine-grained categorization. arXiv preprint arXiv: 1412.7054,", "note"), ("2014.", "date"))
    assert parts[2:4] == [("Attention for fine-grained categorization.", "title"),
                          ("arXiv preprint arXiv: 1412.7054,", "note")]
    # a link's or an access date's lead, or an entry with a title: as read
    parts = repaired_parts(("CIA.", "author"), ("Available at", "note"), ("https://www.cia.gov/", "url"))
    assert parts[1] == ("Available at", "note")
    parts = repaired_parts(("Real, E.", "author"), ("Attention.", "title"), ("Preprint, 2014.", "note"))
    assert parts[2] == ("Preprint, 2014.", "note")


# A place or publisher named after a saint, a mount or a fort keeps its abbreviated first word
# (``imprint_repairs.abbreviated_first_word_goes_with_the_place``): the abbreviation's full stop ends a
# tagger chunk, and the tagger left "St." in the title.
@pytest.mark.parametrize("entry, title, place", [
    ("Doe, A. (1999). History. St. Louis, Mo.: Concordia Publishing House.", "History", "St. Louis, Mo."),
    ("Smith, J. (2005). Rivers of the plains. St. Paul, MN: Minnesota Historical Society Press.",
     "Rivers of the plains", "St. Paul, MN"),
    ("Brown, K. (2010). Old towns. Ft. Worth: TCU Press.", "Old towns", "Ft. Worth"),
])
def test_the_abbreviation_is_the_places_first_word(entry, title, place):
    ref = read_one(entry)
    assert (ref.title, ref.place) == (title, place)


def test_the_abbreviation_goes_with_the_publisher_it_opens():
    parts = repaired_parts(("Kent, R.", "author"), ("1990.", "date"), ("Old roads.", "title"),
                           ("New York:", "location"), ("St.", "title"), ("Martin's Press.", "publisher"))
    assert parts[-1] == ("St. Martin's Press.", "publisher")


def test_a_street_ending_the_title_before_a_place_of_its_own_stays_the_titles():
    for place in ("New York:", "London:"):
        parts = repaired_parts(("Kent, R.", "author"), ("1990.", "date"), ("Life on Main St.", "title"),
                               (place, "location"), ("Norton.", "publisher"))
        assert parts[2:4] == [("Life on Main St.", "title"), (place, "location")]


def test_a_street_ending_the_title_stays_the_titles():
    parts = repaired_parts(("Kent, R.", "author"), ("1990.", "date"), ("Life on Main St.", "title"),
                           ("1990.", "date"))
    assert parts[2] == ("Life on Main St.", "title")
