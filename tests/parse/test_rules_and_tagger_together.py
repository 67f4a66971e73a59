"""Where the rules' reading of an entry is kept, but the tagger knows better one of its fields
(``parse.tagger.combine``): each entry was misread before, though the tagger alone read it right."""
from citecheck.model import CleanText, EntryType
from citecheck.parse.references import parse_reference_list


def parse(text: str):
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    return ref


def families(ref) -> list[str]:
    return [n.family or n.literal for n in ref.authors]


def test_an_outlet_the_tagger_reads_as_the_container_is_not_the_publisher():
    ref = parse("Devlin, H. (2010, January 28). Neuron breakthrough offers hope on Alzheimer’s and Parkinson’s. "
                "The Times. Retrieved from http://www.timesonline.co.uk/tol/news/science/medicine/article7005401.ece")
    assert (ref.container, ref.publisher) == ("The Times", "")
    ref = parse("Rawlinson, N. and Fishwick, S. 2012. Seismic structure of the southeast Australian lithosphere "
                "from surface and body wave tomography. Tectonophysics, doi:10.1016/j.tecto.2011.11.016. PDF")
    assert (ref.container, ref.publisher) == ("Tectonophysics", "")


def test_an_outlet_before_a_doi_is_the_container_even_when_the_tagger_is_unsure():
    ref = parse("Marsh, T., Ito, K., & Berg, L. (2019). Soil carbon under rotational grazing. Environmental "
                "Monitoring and Assessment. http://dx.doi.org/10.1007/s10661-019-7421-2")
    assert (ref.container, ref.publisher) == ("Environmental Monitoring and Assessment", "")
    ref = parse("Hale, R. (2020). Notes on a decade of flood policy. Flood Policy Review. "
                "https://example.org/reviews/flood-policy-2020")  # a plain link: the site's publisher, as before
    assert (ref.container, ref.publisher) == ("", "Flood Policy Review")


def test_an_organisation_the_tagger_reads_as_the_publisher_stays_the_publisher():
    ref = parse("Human Rights Watch. (2019). *Give us a baby and we'll let you go*. Human Rights Watch. "
                "https://www.hrw.org/report/2019/03/21/give-us-baby-and-well-let-you-go")
    assert (ref.publisher, ref.container) == ("Human Rights Watch", "")


def test_names_then_a_title_then_the_year_is_no_title_first_entry():
    ref = parse("Marin, Louis. Utopics: The Semiological Play of Textual Spaces. 1984. Trans. Robert A. Vollrath. "
                "Atlantic Highlands, NJ: Humanities Press International, 1990.")
    assert families(ref) == ["Marin"]
    assert ref.title == "Utopics: The Semiological Play of Textual Spaces"
    ref = parse("HÉRITIER, Françoise. Masculin/Féminin, la pensée de la difference. 1996.")
    assert families(ref) == ["Héritier"] or families(ref) == ["HÉRITIER"]
    assert ref.title == "Masculin/Féminin, la pensée de la difference"


def test_a_title_first_entry_ends_its_title_before_the_editor():
    ref = parse("Négociations, lettres et pièces diverses relatives au règne de François II, tirées du portefeuille "
                "de Sébastien de l'Aubespine, évêque de Limoges. Edited by Louis Paris. Paris, 1841.")
    assert ref.title.endswith("évêque de Limoges")
    assert [n.family for n in ref.editors] == ["Paris"]
    assert (ref.place, ref.year) == ("Paris", 1841)


def test_a_title_first_entry_ends_its_title_before_the_conference():
    ref = parse("Mechanical Behaviour of Offshore Pipeline Using Nickel Slag Agreggate and Fly Ash as Partial Cement "
                "Substitute, ACEC Conference, Pattaya, Thailand, 1213 March 2009 (2009).")
    assert ref.title.endswith("Partial Cement Substitute")
    assert ref.container == "ACEC Conference"


def test_a_chapter_title_that_opens_with_its_number():
    ref = parse("Solon, G. (1999). Chapter 29. Intergenerational mobility in the labor market. In O. Ashenfelter and "
                "D. Card (Eds.), Handbook of labor economics (Vol. 3, pp. 1761–1800). London: Elsevier. Retrieved from "
                "http://www.sciencedirect.com/science/article/pii/S1573446399030102")
    assert ref.title == "Chapter 29. Intergenerational mobility in the labor market"


def test_a_journal_and_its_pages_the_rules_took_for_a_publisher():
    ref = parse("Nonnon, E. (1996). Activités argumentatives et élaboration de connaissances nouvelles : le dialogue "
                "comme espace d'exploration. Langue française, 67-87. doi: 10.3406/lfr.1996.5361")
    assert (ref.container, ref.pages, ref.publisher) == ("Langue française", "67-87", "")


def test_words_a_link_left_behind_are_no_publisher():
    ref = parse("Bauwens, M. (2005). Equality, Hierarchy, Freedom. Retrieved on November 10, 2015 at "
                "http://p2pfoundation.net/4.2.B._Equality,_Hierarchy,_Freedom")
    assert ref.publisher == ""
    ref = parse("Fenner M (2013) What can article-level metrics do for you?. Available: "
                "http://dx.doi.org/10.1371/journal.pbio.1001687.")
    assert ref.publisher == ""
    ref = parse("Gott, M., Gardiner, C., Payne, S., Small, N., Seamark, D., & Halpin, D. (2009). Barriers to advance care planning in chronic obstructive pulmonary "
                "disease.. Palliative Medicine, 23(7), 642-648. doi:10.1177/0269216309106790 JCR two-year Impact "
                "Factor: 4.220")
    assert (ref.container, ref.publisher) == ("Palliative Medicine", "")


def test_a_publisher_and_its_place_read_as_one_are_parted():
    ref = parse("Taylor, J., & Stanovic, D. (2005). Refugees and regional settlement: balancing priorities. "
                "Brotherhood of St Laurence, Melbourne. Available at http://www.bsl.org.au/pdfs/refugees.pdf")
    assert (ref.publisher, ref.place) == ("Brotherhood of St Laurence", "Melbourne")
    ref = parse("U.S. Department of Veterans Affairs. (n.d.). The Veteran population projection model 2014 "
                "(VetPop2014). Washington, DC. Retrieved from http://www.va.gov/vetdata/Veteran_Population.asp")
    assert (ref.publisher, ref.place) == ("", "Washington, DC")


def test_an_apa_chapter_book_is_the_container_without_its_editors():
    ref = parse("Solon, G. (1999). Intergenerational mobility in the labor market. In O. Ashenfelter & D. Card (Eds.), "
                "*Handbook of labor economics* (Vol. 3, pp. 1761–1800). Elsevier. "
                "https://doi.org/10.1016/S1573-4463(99)03010-2")
    assert ref.container == "Handbook of labor economics"
    assert [n.family for n in ref.editors] == ["Ashenfelter", "Card"]
    assert (ref.volume, ref.pages, ref.publisher) == ("3", "1761–1800", "Elsevier")
    assert ref.type is EntryType.CHAPTER


def test_the_words_after_the_year_of_an_entry_with_no_title_are_its_title():
    ref = parse("Stewart III, Charles and Jonathan Woon. 2009. Congressional Committee Assign- ments, 103rd to 112th "
                "Congresses.")
    assert ref.title == "Congressional Committee Assignments, 103rd to 112th Congresses"


def test_a_journal_the_rules_parted_at_its_full_stops_is_the_tagger_s_whole():
    # the rules' guessed publisher and the note, container or numbers beside it spell the tagger's
    # journal, volume and pages word for word
    ref = parse("Okafor, N., Lund, P.H., 2014. Tidal mixing in shallow estuaries. Estuar. Coast. Shelf Sci. 12. "
                "doi:10.1016/j.ecss.2014.01.002")
    assert (ref.container, ref.volume, ref.publisher) == ("Estuar. Coast. Shelf Sci.", "12", "")
    ref = parse("Moreno, L., & Vidal, R. (2018). Lectura crítica en la escuela secundaria. Tejuelo. Revista de "
                "Didáctica de la Lengua, 27, 45-68. doi:10.17398/1988-8430.27.45")
    assert (ref.container, ref.publisher) == ("Tejuelo. Revista de Didáctica de la Lengua", "")
    ref = parse("Berger, Hans. 1931. Über das Elektrenkephalogramm des Menschen. Archiv für Psychiatrie und "
                "Nervenkrankheiten 94. *16*–*60*.")
    assert (ref.container, ref.volume, ref.pages, ref.publisher) == (
        "Archiv für Psychiatrie und Nervenkrankheiten", "94", "16–60", "")


def test_the_year_repeated_after_volume_and_issue_is_no_page():
    ref = parse("Dahl, O. (2019). Fjord ice cover. Polar Research, 38(2), 2019. https://doi.org/10.33265/polar.v38.3400")
    assert (ref.volume, ref.issue, ref.pages) == ("38", "2", "")


def test_pages_joined_by_a_non_breaking_hyphen_are_a_range():
    ref = parse("Sato, K. 2017. « Urban heat islands ». Climate Dynamics 48 (3): 112\u201119. doi:10.1000/x1")
    assert ref.pages == "112-19"


def test_a_journal_with_its_numbers_and_a_page_mark_the_rules_took_for_a_publisher():
    # "p. 7": the tagger's pages are the number alone, the words are the same
    ref = parse("Ode to the river. (2004, May). Lake County Alumni magazine, 12, (3), p. 7")
    assert (ref.container, ref.volume, ref.issue, ref.pages, ref.publisher) == (
        "Lake County Alumni magazine", "12", "3", "7", "")


def test_a_report_series_the_rules_took_for_the_publisher_gives_way_to_the_publisher():
    ref = parse("Morgan, T. (2019). *Housing in rural Wales*. WISR Research Series No. 12. "
                "Cardiff: Welsh Institute of Social Research.")
    assert ref.publisher == "Welsh Institute of Social Research"


def test_a_publisher_word_inside_the_link_does_not_make_the_outlet_a_title():
    # "reuters" is also a word of the URL, which the tagger reads as the link: the outlet stays
    ref = parse("Müller, Katrin. 1998. “Why Bees Matter More Than You Think.” Reuters, November 2. "
                "https://www.reuters.com/resources/why-bees-matter-more-than-you-think.")
    assert ref.publisher == "Reuters"


def test_a_title_first_entry_whose_title_ran_on_into_the_place_and_publisher_ends_there():
    ref = parse("Brother Aloysius of Iona, Prayer in a Time of Change: Notes on Monastic Life, Dublin: Veritas, 2011.")
    assert ref.title.endswith("Notes on Monastic Life")
    assert (ref.place, ref.publisher) == ("Dublin", "Veritas")


def test_a_series_the_rules_took_for_the_publisher_is_kept_as_a_note():
    """The tagger reads "ESRI Research Series No. 77." as no publisher: the publisher is the one after the place,
    and the series words stay in the entry (they were dropped)."""
    ref = parse("Ó Ceallaigh, D. (2018). *Rural broadband in the west of Ireland*. ESRI Research Series No. 77. "
                "Dublin: Economic and Social Research Institute. https://doi.org/10.26504/rs77")
    assert (ref.publisher, ref.place) == ("Economic and Social Research Institute", "Dublin")
    assert ref.note == "ESRI Research Series" and dict(ref.extra).get("number") == "77"


def test_an_outlet_the_tagger_ran_the_title_into_stays_the_outlet():
    """The tagger reads "Report on trafficking 2019. Al Jazeera." as one title: the outlet, named as a name is, is
    kept (it was dropped); a title's second sentence is no outlet."""
    ref = parse("Zaugg, Julie. (2019). Report on trafficking 2019. Al Jazeera. Retrieved from https://example.org/a23")
    assert ref.title == "Report on trafficking 2019"
    assert (ref.container or ref.publisher) == "Al Jazeera"


def test_a_year_in_a_title_first_entrys_title_stays_in_the_title():
    """The tagger reads the "2019" of "Annual report on human rights 2019." as a date: with the entry's own year
    after it, it is the title's (the title lost it)."""
    ref = parse("Annual report on human rights 2019. (2016) Korea Institute for National Unification. "
                "https://example.org/r19")
    assert (ref.title, ref.year) == ("Annual report on human rights 2019", 2016)


def test_an_italic_title_ends_before_its_edition():
    ref = parse("Nordin, L. (2009) *Reindeer husbandry and climate adaptation*, 2nd edn. Umeå: Centre for Sami Research.")
    assert ref.title == "Reindeer husbandry and climate adaptation"
    assert (ref.place, ref.publisher) == ("Umeå", "Centre for Sami Research")


def test_a_title_first_entrys_title_ends_at_its_editors_mark():
    ref = parse("Rivers in Memory, Myth and Law. Eds. Johanna Marie Keller and Alan Frost. London: Routledge, 2003.")
    assert ref.title == "Rivers in Memory, Myth and Law"
    assert [n.family for n in ref.editors] == ["Keller", "Frost"]
    assert (ref.place, ref.publisher, ref.year) == ("London", "Routledge", 2003)


def test_a_note_the_tagger_reads_is_kept_but_not_a_links_words():
    """Where the tagger's reading is used, its notes were dropped ("Unpublished lecture notes", "in press"):
    kept, but not the words a link or an access date leaves ("[Online]. Available:", "Accessed ...")."""
    from citecheck.parse.tagger.combine import _kept_notes
    from citecheck.parse.tagger.fields import TaggedFields
    fields = TaggedFields(values={"note_text": ["Unpublished lecture notes,", "[Online]. Available:",
                                                "Accessed: 12-Feb-2020.", "Retrieved January 22, 2010, from",
                                                "Archived 2015-03-02 at the Wayback Machine."]})
    assert _kept_notes(fields) == ["Unpublished lecture notes"]


def _tags(*runs: tuple[str, str, float]):
    """Tagged tokens of runs ``(words, label, confidence)``, offsets as in the words joined by spaces."""
    from citecheck.parse.tagger.model import TaggedToken
    out, pos = [], 0
    for words, label, conf in runs:
        for word in words.split():
            out.append(TaggedToken(word, pos, pos + len(word), label, conf))
            pos += len(word) + 1
    return out


def test_a_series_before_the_place_and_publisher_the_rules_left_in_the_note_gives_way():
    """The rules read "Rapport de recherche no 3." as the publisher and "Montréal: Université ..." as a note; the
    tagger reads the note's words as the place and publisher, less surely than it fills a field (0.86): its very
    words, so they are the entry's publisher and place, and the series the note."""
    from citecheck.parse.tagger.fields import read_fields
    from citecheck.parse.tagger.guessed_publisher import GUESS, settle_guessed_publisher
    tagged = _tags(("Bouchard, É. (2010).", "author", 1.0), ("*Les travailleurs au Québec*.", "title", 1.0),
                   ("Rapport de recherche no 3.", "title", 0.79), ("Montréal:", "location", 0.86),
                   ("Université du Québec à Montréal.", "publisher", 0.87))
    values = {"title": "Les travailleurs au Québec", "publisher": "Rapport de recherche no 3",
              "note": "Montréal: Université du Québec à Montréal"}
    confidence = {"title": 1.0, "publisher": GUESS, "note": 0.5}
    settle_guessed_publisher(values, confidence, read_fields(tagged), tagged)
    assert (values["publisher"], values["place"], values["note"]) == (
        "Université du Québec à Montréal", "Montréal", "Rapport de recherche no 3")


def test_a_title_first_title_ends_at_an_editors_mark_before_names_a_repair_read_as_editors():
    """The tagger surely reads "Eds." (0.94) and took the names after it for more title (0.65), which a label repair
    reads as the editors: the rules' title ran on into them, and ends at the mark (it kept the editors, place and
    publisher)."""
    from citecheck.parse.tagger.combine import _title_ran_on
    tagged = _tags(("Spirits in Culture, History and Mind.", "title", 0.97), ("Eds.", "editor", 0.94),
                   ("Jeannette Marie Mageo and Alan Howard.", "editor", 0.65), ("London:", "location", 1.0),
                   ("Routledge,", "publisher", 0.99), ("1996.", "date", 1.0))
    rules = "Spirits in Culture, History and Mind. Eds. Jeannette Marie Mageo and Alan Howard. London: Routledge"
    assert _title_ran_on(rules, "Spirits in Culture, History and Mind", tagged, 0.97)
    unsure_mark = [t._replace(confidence=0.6) if t.token == "Eds." else t for t in tagged]
    assert not _title_ran_on(rules, "Spirits in Culture, History and Mind", unsure_mark, 0.97)


def test_an_organisation_lead_before_a_title_with_its_year_is_the_author():
    """"International Justice Mission. (2013). Annual Review 2018.": the tagger reads the title's "2018." as a date;
    it is part of the title after the year, which, with a number, names no organisation, so the lead is the author
    (the rules' title-first reading had been kept: "Annual Review" alone is written as a name is)."""
    from citecheck.parse.tagger.combine import rules_fit
    tagged = _tags(("International Justice Mission.", "author", 0.99), ("(2013).", "date", 1.0),
                   ("Annual Review", "title", 0.83), ("2018.", "date", 0.56), ("Retrieved January 2, 2014, from", "note", 1.0))
    year = (tagged[3].start, tagged[3].end)
    assert not rules_fit(tagged, year, lead_is_names=False)
    as_a_name = [t._replace(label="note") if t.token == "2018." else t for t in tagged]
    assert rules_fit(as_a_name, year, lead_is_names=False)


def test_an_editors_mark_before_the_names_is_no_given_name():
    from citecheck.parse.tagger.fields import editors_of
    assert [(n.family, n.given) for n in editors_of("Eds. Jeannette Marie Mageo and Alan Howard.")] == [
        ("Mageo", "Jeannette Marie"), ("Howard", "Alan")]
    assert [(n.family, n.given) for n in editors_of("Ed. John Smith.")] == [("Smith", "John")]


def test_a_works_state_read_as_its_publisher_is_a_note():
    ref = parse("Jinxin Lin and Alberto O. Mendelzon. Merging databases under constraints. Manuscript, 1995.")
    assert (ref.title, ref.publisher, ref.year, ref.note) == ("Merging databases under constraints", "", 1995, "Manuscript")
    ref = parse("Smith, J. (2020). *A title*. Manuscript Press.")  # a press so named stays the publisher
    assert ref.publisher == "Manuscript Press"


def test_the_label_before_a_link_is_no_publisher():
    ref = parse("Baldino, R. R., & Cabral, C. C. (1998). Lacan’s four discourses in mathematics educational credit "
                "system [sic]. Chreods [Online], 4, 1–14. Available: http://s13a.math.aca.mmu.ac.uk/Chreods/Four.html")
    assert (ref.container, ref.publisher, ref.volume, ref.pages) == ("Chreods", "", "4", "1–14")
