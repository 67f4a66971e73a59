import pytest

from citecheck.model import Name
from citecheck.parse.names import (
    ETAL,
    is_organisation,
    parse_author_list,
    parse_name,
    repair_name_text,
    role_of,
    strip_editor_marker,
    strip_role_marker,
)


def fields(name: Name) -> tuple[str, str, str, str, str]:
    return name.family, name.given, name.particle, name.suffix, name.literal


def people(text: str) -> list[tuple[str, str, str, str, str]]:
    return [fields(n) for n in parse_author_list(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Barr, Heather.", [("Barr", "Heather", "", "", "")]),
        ("Enos, Olivia & Yunjin Kim.", [("Enos", "Olivia", "", "", ""), ("Kim", "Yunjin", "", "", "")]),
        ("Keiper, Andrew & Perry Chiamonte", [("Keiper", "Andrew", "", "", ""), ("Chiamonte", "Perry", "", "", "")]),
        ("Rajagopalan, Megha & James Pearson.", [("Rajagopalan", "Megha", "", "", ""), ("Pearson", "James", "", "", "")]),
        ("Yoon, Hee-soon", [("Yoon", "Hee-soon", "", "", "")]),
        ("Yu, Yeon Jung", [("Yu", "Yeon Jung", "", "", "")]),
        ("Zaugg, Julie", [("Zaugg", "Julie", "", "", "")]),
        ("Choe, Sang- Hun.", [("Choe", "Sang-Hun", "", "", "")]),
        ("Beauvoir, Simone de", [("Beauvoir", "Simone", "de", "", "")]),
        ("van der Berg, J.", [("Berg", "J.", "van der", "", "")]),
        ("King, Martin Luther, Jr.", [("King", "Martin Luther", "", "Jr.", "")]),
        ("King, Jr., Martin Luther", [("King", "Martin Luther", "", "Jr.", "")]),
        ("Müller, Jürgen", [("Müller", "Jürgen", "", "", "")]),
        ("Ólafsson, Jón & Ana Gómez", [("Ólafsson", "Jón", "", "", ""), ("Gómez", "Ana", "", "", "")]),
        ("García Márquez, Gabriel", [("García Márquez", "Gabriel", "", "", "")]),
        ("Smith, J., & Doe, A.", [("Smith", "J.", "", "", ""), ("Doe", "A.", "", "", "")]),
        (
            "Smith, J. A., Doe, A. B., & Roe, C.",
            [("Smith", "J. A.", "", "", ""), ("Doe", "A. B.", "", "", ""), ("Roe", "C.", "", "", "")],
        ),
        ("Smith, J. and Doe, A.", [("Smith", "J.", "", "", ""), ("Doe", "A.", "", "", "")]),
        (
            "Smith, John, Jane Doe, and Bob Roe",
            [("Smith", "John", "", "", ""), ("Doe", "Jane", "", "", ""), ("Roe", "Bob", "", "", "")],
        ),
        ("J. Smith, A. Doe, and B. Roe", [("Smith", "J.", "", "", ""), ("Doe", "A.", "", "", ""), ("Roe", "B.", "", "", "")]),
        ("Smith; Jones", [("Smith", "", "", "", ""), ("Jones", "", "", "", "")]),
        ("Court, Jane", [("Court", "Jane", "", "", "")]),
    ],
)
def test_parse_author_list(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    ["HP Boe", "United Nations Office on Drugs and Crime", "Human Rights Watch", "UNICEF", "World Health Organization"],
)
def test_literals_are_never_split(text):
    (name,) = parse_author_list(text)
    assert name.literal == text
    assert name.family == name.given == ""
    assert name.sort_name == text


def test_et_al_becomes_others():
    names = parse_author_list("Smith, J., et al.")
    assert fields(names[0]) == ("Smith", "J.", "", "", "")
    assert names[-1] == ETAL and names[-1].literal == "others"
    assert len(parse_author_list("Müller, Jürgen et al")) == 2


def test_editor_marker_is_stripped():
    assert strip_editor_marker("Gómez, Ana (Ed.)") == ("Gómez, Ana", True)
    assert strip_editor_marker("Smith, J., & Doe, A. (Eds.).") == ("Smith, J., & Doe, A.", True)
    assert strip_editor_marker("Smith, J. (ed.)") == ("Smith, J.", True)
    assert strip_editor_marker("Barr, Heather") == ("Barr, Heather", False)
    assert people("Gómez, Ana (Ed.)") == [("Gómez", "Ana", "", "", "")]


def test_raw_is_kept():
    (name,) = parse_author_list("Choe, Sang- Hun.")
    assert name.raw == "Choe, Sang-Hun"
    assert parse_name("  Barr, Heather ", given_first=False).raw == "Barr, Heather"


@pytest.mark.parametrize(
    ("text", "given_first", "expected"),
    [
        ("Barr, Heather", False, ("Barr", "Heather", "", "", "")),
        ("Yunjin Kim", True, ("Kim", "Yunjin", "", "", "")),
        ("Ludwig van Beethoven", True, ("Beethoven", "Ludwig", "van", "", "")),
        ("Martin Luther King Jr.", True, ("King", "Martin Luther", "", "Jr.", "")),
        ("Martin Luther King, Jr.", True, ("King", "Martin Luther", "", "Jr.", "")),
        ("Smith", True, ("Smith", "", "", "", "")),
        ("Human Rights Watch", True, ("", "", "", "", "Human Rights Watch")),
        ("de la Cruz, Maria", False, ("Cruz", "Maria", "de la", "", "")),
    ],
)
def test_parse_name(text, given_first, expected):
    assert fields(parse_name(text, given_first=given_first)) == expected


def test_name_display_round_trip():
    name = parse_name("van der Berg, Jan, Jr.", given_first=False)
    assert name.inverted() == "van der Berg, Jr., Jan"
    assert name.display() == "Jan van der Berg, Jr."


@pytest.mark.parametrize(
    ("text", "repaired"),
    [("Choe, Sang- Hun", "Choe, Sang-Hun"), ("Smith -Jones, A", "Smith-Jones, A"), ("Yoon, Hee-soon", "Yoon, Hee-soon")],
)
def test_repair_name_text(text, repaired):
    assert repair_name_text(text) == repaired


def test_is_organisation():
    assert is_organisation("United States Department of State")
    assert is_organisation("UNICEF")
    assert not is_organisation("Heather")
    assert not is_organisation("Court")
    assert not is_organisation("Yeon Jung")


def test_empty_list():
    assert parse_author_list("") == ()
    assert parse_author_list("  ") == ()


def test_a_sole_given_first_name_whose_shape_shows_a_person_is_split():
    def read(text):
        (name,) = parse_author_list(text)
        return name.family, name.given, name.particle, name.suffix, name.literal
    assert read("Donald E. Knuth") == ("Knuth", "Donald E.", "", "", "")
    assert read("Mark E. Smith Jr.") == ("Smith", "Mark E.", "", "Jr.", "")
    assert read("Simone de Beauvoir") == ("Beauvoir", "Simone", "de", "", "")
    assert read("Jean-Paul de la Tour") == ("Tour", "Jean-Paul", "de la", "", "")
    assert read("Kim Jong-un") == ("Kim", "Jong-un", "", "", "")  # family name first
    assert read("Nguyen TH") == ("Nguyen", "T. H.", "", "", "")  # Vancouver
    assert read("Martin Luther King Jr.") == ("King", "Martin Luther", "", "Jr.", "")  # only a person has "Jr."
    # no sign of a person: a handle or an organisation stays whole
    for text in ("Human Rights Watch", "HP Boe", "Bank of Korea", "Foo Bar-baz", "Gabriel García Márquez", "Greenpeace UK"):
        assert read(text) == ("", "", "", "", text)


def test_a_sole_name_led_by_common_given_names_is_a_person():
    def read(text):
        (name,) = parse_author_list(text)
        return name.family, name.given, name.literal
    assert read("Barry Wilkinson") == ("Wilkinson", "Barry", "")
    assert read("Mary Ann Smith") == ("Smith", "Mary Ann", "")
    assert read("John McDonald") == ("McDonald", "John", "")
    assert read("Jean-Pierre Devroey") == ("Devroey", "Jean-Pierre", "")
    assert read("Jean DUPONT") == ("DUPONT", "Jean", "")
    # the last word a given name too, a middle word that is not one, or an organisation word: left whole
    for text in ("Grace Hope", "Rose Garden Books", "Victoria Falls Hotel", "Amnesty International", "Grace UK"):
        assert read(text) == ("", "", text)


def test_a_vancouver_list_with_accented_initials():
    names = parse_author_list("Ólafsson Ó, Müller J, Gómez M, Østergaard ÅB")
    assert [(n.family, n.given) for n in names] == [("Ólafsson", "Ó."), ("Müller", "J."), ("Gómez", "M."),
                                                    ("Østergaard", "Å. B.")]


def test_a_vancouver_list_then_a_group_after_a_semicolon():
    names = parse_author_list("Fattorini L, Mustazzolu A, Cirillo DM; the Italian SMIRA Group")
    assert [(n.family, n.given) for n in names[:3]] == [("Fattorini", "L."), ("Mustazzolu", "A."), ("Cirillo", "D. M.")]
    assert names[3].literal == "the Italian SMIRA Group"


def test_an_organisation_with_and_in_its_name_stays_whole():
    (name,) = parse_author_list("Federal Maritime and Hydrographic Agency")
    assert name.literal == "Federal Maritime and Hydrographic Agency"
    assert [n.family for n in parse_author_list("John Smith and Jane Doe")] == ["Smith", "Doe"]
    assert [(n.family, n.literal) for n in parse_author_list("J. Smith and the Ocean Foundation")] == [
        ("Smith", ""), ("", "the Ocean Foundation")]


@pytest.mark.parametrize(
    "text",
    [
        "Food and Agriculture Organization of the United Nations",  # a lone word before "and"
        "Centers for Disease Control and Prevention",  # ... or after it
        "Bill & Melinda Gates Foundation",
        "Johnson & Johnson",  # a firm: two lone words joined by "&", or one word twice
        "Johnson and Johnson",
        "Procter & Gamble",
    ],
)
def test_an_organisation_with_a_lone_word_beside_its_and_stays_whole(text):
    (name,) = parse_author_list(text)
    assert name.literal == text


def test_persons_joined_by_and_are_still_split():
    assert [(n.family, n.given) for n in parse_author_list("Smith, J. & Doe, A.")] == [("Smith", "J."), ("Doe", "A.")]
    assert [(n.family, n.given) for n in parse_author_list("Enos, Olivia & Yunjin Kim")] == [
        ("Enos", "Olivia"), ("Kim", "Yunjin")]
    assert [n.family for n in parse_author_list("Smith and Jones")] == ["Smith", "Jones"]
    assert [(n.family, n.literal) for n in parse_author_list("Smith and the Ocean Foundation")] == [
        ("Smith", ""), ("", "the Ocean Foundation")]


def test_an_accented_initial_keeps_its_full_stop():
    (name,) = parse_author_list("Rousseau, É.")
    assert (name.family, name.given) == ("Rousseau", "É.")


def test_a_given_first_list_whose_first_name_has_a_suffix():
    def read(text):
        return [(n.family, n.given, n.suffix) for n in parse_author_list(text)]
    assert read("Sammy Davis Jr., Frank Sinatra and Dean Martin") == [
        ("Davis", "Sammy", "Jr."), ("Sinatra", "Frank", ""), ("Martin", "Dean", "")]
    assert read("Martin Luther King Jr., Ralph Abernathy") == [("King", "Martin Luther", "Jr."), ("Abernathy", "Ralph", "")]
    assert read("John Smith, Jr., Mary Jones") == [("Smith", "John", "Jr."), ("Jones", "Mary", "")]
    # inverted, the suffix follows the family name: still inverted
    assert read("Davis Jr., Sammy, and Frank Sinatra") == [("Davis", "Sammy", "Jr."), ("Sinatra", "Frank", "")]
    assert read("King, Jr., Martin Luther, and Ralph Abernathy") == [("King", "Martin Luther", "Jr."), ("Abernathy", "Ralph", "")]


def test_a_vancouver_name_with_a_suffix():
    names = parse_author_list("Whelton PK, Carey RM, Casey DE Jr, Collins KJ")
    assert [(n.family, n.given, n.suffix) for n in names] == [
        ("Whelton", "P. K.", ""), ("Carey", "R. M.", ""), ("Casey", "D. E.", "Jr"), ("Collins", "K. J.", "")]


def test_a_chinese_name_written_family_name_first():
    def read(text):
        (name,) = parse_author_list(text)
        return name.family, name.given, name.literal
    assert read("Xi Jinping") == ("Xi", "Jinping", "")
    assert read("Deng Xiaoping") == ("Deng", "Xiaoping", "")
    # the second word an English given name, or not pinyin: not read as family name first
    assert read("Lee Smith") == ("Smith", "Lee", "")
    assert read("Ma Ruth")[2] == "Ma Ruth"


def test_a_chinese_given_name_that_is_also_an_english_one():
    def read(text):
        (name,) = parse_author_list(text)
        return name.family, name.given, name.literal
    assert read("Wang Hui") == ("Wang", "Hui", "")  # "Hui" is a US given name, "Wang" is not
    assert read("Li Yang")[2] == "Li Yang"  # both family names: either order, so left whole
    assert read("Lin Wang") == ("Wang", "Lin", "")  # an English given name before a family name


@pytest.mark.parametrize(
    ("text", "family", "given"),
    [
        ("Murakami Haruki", "Murakami", "Haruki"),  # family name first, as Japanese sources write it
        ("Nakamura Hiroshi", "Nakamura", "Hiroshi"),
        ("Ōe Kenzaburō", "Ōe", "Kenzaburō"),
        ("Abe Kobo", "Abe", "Kobo"),
        ("Haruki Murakami", "Murakami", "Haruki"),  # given name first, as English sources write it
        ("Kenzaburo Oe", "Oe", "Kenzaburo"),
        ("Yoko Ono", "Ono", "Yoko"),
    ],
)
def test_a_japanese_name_in_either_order(text, family, given):
    (name,) = parse_author_list(text)
    assert (name.family, name.given, name.literal) == (family, given, "")


@pytest.mark.parametrize("text", ["Suzuki Motor", "Abe Lincoln", "Mori Ono"])
def test_what_only_looks_japanese_is_not_read_as_a_japanese_name(text):
    (name,) = parse_author_list(text)
    assert name.family != text.split()[0] or name.given != text.split()[1]


def test_a_japanese_name_in_a_sentence_keeps_its_in_text_match():
    (name,) = parse_author_list("Murakami Haruki.")
    assert name.family == "Murakami"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SMITH, J.", [("SMITH", "J.", "")]),
        ("DUPONT, Marie", [("DUPONT", "Marie", "")]),
        ("SMITH, J. & DOE, A.", [("SMITH", "J.", ""), ("DOE", "A.", "")]),
        ("SILVA, J. A. da", [("SILVA", "J. A.", "")]),
        ("UNICEF, WHO", [("", "", "UNICEF"), ("", "", "WHO")]),  # acronyms stay organisations
        ("UNESCO", [("", "", "UNESCO")]),
    ],
)
def test_a_family_name_in_capitals_before_initials_or_a_given_name(text, expected):
    assert [(n.family, n.given, n.literal) for n in parse_author_list(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reilly, Anne, host.", [("Reilly", "Anne")]),
        ("Scorsese, Martin, dir.", [("Scorsese", "Martin")]),
        ("Anne Reilly (host)", [("Reilly", "Anne")]),
        ("Reilly, Anne, host, and John Doe, producer", [("Reilly", "Anne"), ("Doe", "John")]),
        ("Smith, Host", [("Smith", "Host")]),  # no whole name before it: a given name
        ("Doe, J., Host, A.", [("Doe", "J."), ("Host", "A.")]),  # before initials: a family name
    ],
)
def test_a_role_label_after_a_name_is_no_name(text, expected):
    assert [(n.family, n.given) for n in parse_author_list(text)] == expected


def test_the_role_label_is_read():
    assert strip_role_marker("Reilly, Anne, host.") == ("Reilly, Anne", "host")
    assert strip_role_marker("Scorsese, Martin, dir.") == ("Scorsese, Martin", "director")
    assert strip_role_marker("Smith, Host") == ("Smith, Host", "")
    assert role_of("narr.") == "narrator" and role_of("(ill.)") == "illustrator" and role_of("Smith") == ""


def test_et_al_is_never_part_of_a_name():
    assert parse_name("Lawrence Grossberg et al.", given_first=True).family == "Grossberg"
    names = parse_author_list("Lawrence Grossberg et al.")
    assert [(n.family, n.given) for n in names[:1]] == [("Grossberg", "Lawrence")] and names[1] == ETAL


@pytest.mark.parametrize(("text", "expected"), [
    ("J.-P. Lee and K.-H. Kim", [("Lee", "J.-P.", "", "", ""), ("Kim", "K.-H.", "", "", "")]),
    ("P.-H. P. Wang", [("Wang", "P.-H. P.", "", "", "")]),
    ("J.-P. Lee, K.-H. Kim, and A. B. Smith",
     [("Lee", "J.-P.", "", "", ""), ("Kim", "K.-H.", "", "", ""), ("Smith", "A. B.", "", "", "")]),
])
def test_hyphenated_initials_before_the_family_name_are_a_person(text, expected):
    assert people(text) == expected  # IEEE's form of "Lee, J.-P."; once one literal of all the names


@pytest.mark.parametrize(("text", "expected"), [
    ("hooks, bell.", [("hooks", "bell", "", "", "")]),
    ("hooks, bell, and Cornel West", [("hooks", "bell", "", "", ""), ("West", "Cornel", "", "", "")]),
])
def test_a_lower_case_given_name_after_the_comma_is_the_same_person(text, expected):
    assert people(text) == expected  # once two authors, "hooks" and "bell"


def test_a_sole_vancouver_author_whose_initials_are_a_country_code_is_a_person():
    """ "Knuth DE": DE is Germany's code too, but Vancouver's initials first of all (new user, round 8)."""
    for text, family, given in (("Knuth DE", "Knuth", "D. E."), ("Petrova NV", "Petrova", "N. V."),
                                ("Smith AB", "Smith", "A. B."), ("Martin CA", "Martin", "C. A.")):
        (name,) = parse_author_list(text)
        assert (name.family, name.given, name.literal) == (family, given, "")
    for text in ("Greenpeace UK", "Acme LLC", "BASF SE", "Oxfam USA"):  # suffixes no initials are, and an acronym's
        (name,) = parse_author_list(text)
        assert name.literal == text


def test_a_list_without_vancouver_names_keeps_a_firm_with_a_company_suffix():
    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list

    def sole_authors(text):
        return [r.authors[0] for r in parse_reference_list(CleanText.identity("refs.md", text))]
    apa = sole_authors("Siemens AG. (2020). *Annual report 2020*. Siemens.\n\n"
                       "Smith, J. (2019). *A book*. Penguin.\n")
    assert apa[0].literal == "Siemens AG" and apa[1].family == "Smith"
    vancouver = sole_authors("1. Knuth DE. The TeXbook. Reading, MA: Addison-Wesley; 1984.\n"
                             "2. Smith J. Another book. London: Penguin; 1999.\n")
    assert [(n.family, n.given) for n in vancouver] == [("Knuth", "D. E."), ("Smith", "J.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller, K. und Schmidt, P.", [("Müller", "K."), ("Schmidt", "P.")]),
        ("García, J. y López, M.", [("García", "J."), ("López", "M.")]),
        ("García, J., Pérez, A. y López, M.", [("García", "J."), ("Pérez", "A."), ("López", "M.")]),
        ("Dupont, M. et Martin, C.", [("Dupont", "M."), ("Martin", "C.")]),
        ("Rossi, G. e Bianchi, L.", [("Rossi", "G."), ("Bianchi", "L.")]),
        ("Müller, Karl und Schmidt, Peter", [("Müller", "Karl"), ("Schmidt", "Peter")]),
        ("K. Müller und P. Schmidt", [("Müller", "K."), ("Schmidt", "P.")]),
        ("Marías, Julián y Ortega y Gasset, José", [("Marías", "Julián"), ("Ortega y Gasset", "José")]),
    ],
)
def test_und_y_et_e_between_two_names_join_them(text, expected):
    assert [(n.family, n.given) for n in parse_author_list(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ortega y Gasset, José", [("Ortega y Gasset", "José", "")]),
        ("Ramón y Cajal, Santiago", [("Ramón y Cajal", "Santiago", "")]),
        ("Rodríguez, Ana y Compañía", [("Rodríguez", "Ana y Compañía", "")]),
    ],
)
def test_y_inside_a_family_or_an_organisations_name_stays(text, expected):
    assert [(n.family, n.given, n.literal) for n in parse_author_list(text)] == expected


def test_a_family_name_in_capitals_before_a_given_name_no_census_knows_is_a_person():
    assert [(n.family, n.given, n.literal) for n in parse_author_list("QUASCHNING, Volker")] == [
        ("QUASCHNING", "Volker", "")]
    assert [n.literal for n in parse_author_list("Department for Digital, Culture, Media and Sport")] == [
        "Department for Digital, Culture, Media and Sport"]


def test_initials_then_a_particle_then_the_family_name():
    assert [(n.family, n.given, n.particle) for n in parse_author_list("K. von Schuckmann, J. van der Berg")] == [
        ("Schuckmann", "K.", "von"), ("Berg", "J.", "van der")]


def test_a_list_opening_with_a_whole_chinese_name_is_read_name_by_name():
    """"Lei Zhao, Xuhui Lee, and Tao Wang" (BibTeX's plain style, a Sphinx page): inverted, the first
    would be "Zhao, Lei"; read as one inverted name it was "Lei Zhao" with the given name "Xuhui Lee"."""
    names = parse_author_list("Lei Zhao, Xuhui Lee, and Tao Wang")
    assert [(n.family, n.given) for n in names] == [("Zhao", "Lei"), ("Lee", "Xuhui"), ("Wang", "Tao")]
    inverted = parse_author_list("Zhao, Lei, and Tao Wang")
    assert [(n.family, n.given) for n in inverted] == [("Zhao", "Lei"), ("Wang", "Tao")]


@pytest.mark.parametrize("text, expected", [
    ("Aykut Firat", [("Firat", "Aykut")]),
    ("Irmtraud Schnell", [("Schnell", "Irmtraud")]),
    ("Pascal Ducournau, Pierre-Antoine Gourraud, and Jean Martin",
     [("Ducournau", "Pascal"), ("Gourraud", "Pierre-Antoine"), ("Martin", "Jean")]),
])
def test_a_given_name_of_another_country_shows_a_person(text, expected):
    """Given names outside the US Census list (Faker's lists of other countries') are evidence of a
    person written given name first; before, "Aykut Firat" stayed whole, as an organisation."""
    assert [(n.family, n.given) for n in parse_author_list(text)] == expected


@pytest.mark.parametrize("text", ["Statistics Canada", "Global Witness", "Deutsche Welle", "Human Rights Watch"])
def test_an_organisation_of_two_or_three_words_stays_whole(text):
    assert [n.literal for n in parse_author_list(text)] == [text]


def test_a_family_name_that_is_a_given_name_somewhere_is_still_a_family_name():
    # "Miller" is a first name in one of Faker's lists: only the US list says a last word is no family name
    assert [(n.family, n.given) for n in parse_author_list("David Miller")] == [("Miller", "David")]


@pytest.mark.parametrize("text, family, given", [
    ("Ana García Márquez", "García Márquez", "Ana"),
    ("José Ortega y Gasset", "Ortega y Gasset", "José"),
    ("John Quincy Adams", "Adams", "John Quincy"),  # a middle name is no second family name
    ("Ana María López", "López", "Ana María"),  # María is a given name
])
def test_a_spanish_name_written_given_first_keeps_both_family_names(text, family, given):
    name = parse_name(text, given_first=True)
    assert (name.family, name.given) == (family, given)
