"""Repairs of the tagger's labels: slips of shape that no reading of a reference allows, put right
token by token before the labels are read into fields (``fields.read_fields``). Each repair is one
small function named after the rule it keeps ("italics hold one field", "an initial opens the
publisher"), with the reference shape that showed the slip in its docstring. The repairs live by what
they put right, an entry's people (``name_repairs``), its titles (``title_repairs``), its numbers
(``number_repairs``) and its imprint (``imprint_repairs``); this module runs them, in an order that matters,
each only on an entry that holds what it looks for.
"""
from __future__ import annotations

from collections.abc import Callable

from . import imprint_repairs, name_repairs, number_repairs, title_repairs
from .model import TaggedToken


def repaired(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """The tagger's labels with the slips of shape that no reading of the entry allows put right."""
    # a repair changes labels only, so what a repair needs of the tokens can be looked for once, in
    # their text: one with marks (``_REPAIRS``) runs only where one of them is (ASCII text: there the
    # lower case is what the repairs' case-blind tests see); a space before each token, so " ch." is a
    # token that starts "ch."; and one that needs labels runs only where the labels are all there
    text = " " + " ".join([t.token for t in tagged])
    gated = text.isascii()
    lowered = text.lower()
    labels: set[str] | None = None  # the labels the tokens carry, read when a repair needs them
    for repair, marks, needs in _REPAIRS:
        if marks and gated and not any(mark in lowered for mark in marks):
            continue
        if needs:
            if labels is None:
                labels = {t.label for t in tagged}
            if not needs <= labels:
                continue
        out = repair(tagged)
        if out is not tagged:
            # many repairs return a copy when they change nothing: labels read are kept then (the lists
            # compared only when there are labels to keep)
            if labels is not None and out != tagged:
                labels = None
            tagged = out
    return tagged


_ITALICS = (" *", " _")  # a token that opens italics
_NONE: frozenset[str] = frozenset()
# each repair, in the order they run, the marks (lower case) one of which its entry's tokens must hold for it
# to change anything (none: it may change any entry; a mark with a space first opens a token), and the labels
# all of which the entry's tokens must carry for it to change anything
_REPAIRS: tuple[tuple[Callable[[list[TaggedToken]], list[TaggedToken]], tuple[str, ...], frozenset[str]], ...] = (
    (name_repairs.given_name_before_bracketed_date, (" (",), _NONE),
    (name_repairs.given_name_before_the_colon, (":",), _NONE),  # DIN's "KEMFERT, Claudia: Title"
    (number_repairs.status_is_the_date, (" forthcoming", " (forthcoming", " press"), _NONE),
    (number_repairs.no_date_mark_is_the_date, (".d", ".j", ".f", ".r", ".y"), _NONE),  # "n.d.", "o.J.", "s.f.", "b.r.", "t.y."
    (name_repairs.book_before_the_editor_mark_after_a_comma, (" ed.", " eds.", " edited"), frozenset({"editor"})),
    (name_repairs.vancouver_editor_role_ends_the_names, (" ed.", " eds.", " editor"), _NONE),
    (name_repairs.vancouver_names_end_at_their_full_stop, (";",), _NONE),  # Vancouver's date
    (name_repairs.vancouver_title_word_after_the_names, (";",), _NONE),
    (imprint_repairs.initial_opens_the_publisher, (), _NONE),
    (name_repairs.italic_title_in_author, _ITALICS, _NONE),
    (title_repairs.italics_hold_one_field, _ITALICS, _NONE),
    (title_repairs.italic_container_ends_with_its_italics, _ITALICS, _NONE),
    (title_repairs.one_token_gap_is_bridged, (), _NONE),
    (title_repairs.close_open_container, (), _NONE),
    (title_repairs.untitled_note_after_the_date_is_the_title, (), _NONE),
    (number_repairs.page_range_follows_its_label, (" pp", " p.", " page"), _NONE),
    (title_repairs.words_before_a_bracketed_medium_are_the_title, (), _NONE),
    (name_repairs.organisation_before_a_quoted_title, (' "', " “", " ‘", " *", " _"), _NONE),
    (title_repairs.volume_count_after_the_italic_title, (" vol",), _NONE),
    (title_repairs.year_inside_the_containers_name, (), frozenset({"container", "date"})),
    (title_repairs.year_edition_ends_the_title, (" ed",), _NONE),
    (title_repairs.second_year_ends_the_title, (), _NONE),
    (title_repairs.title_year_after_the_body_is_the_titles, (), _NONE),
    (name_repairs.given_names_before_the_title_are_the_authors, (), _NONE),
    (imprint_repairs.river_abbreviation_is_the_place, (" a.", " i."), _NONE),
    (imprint_repairs.abbreviated_first_word_goes_with_the_place, (" st.", " ste.", " mt.", " ft.", " pt."), _NONE),
    (name_repairs.committee_then_title_then_editors, (" editor",), _NONE),
    (number_repairs.article_number_is_the_pages, (" art",), _NONE),
    (number_repairs.page_range_ending_the_container_is_the_pages, ("-", "–"), frozenset({"container"})),
    (number_repairs.months_ending_the_container_are_the_date, (",",), frozenset({"container", "date"})),
    (title_repairs.abbreviated_journal_words_before_the_container, (), frozenset({"container"})),
    (title_repairs.periodical_before_its_day_is_the_container, (), frozenset({"title", "date"})),
    (title_repairs.special_issue_after_the_journal_is_a_note, (" special issue",), frozenset({"container"})),
    (title_repairs.series_sentence_ending_the_title_is_the_collection, ("series", "texts", "monograph"), frozenset({"title"})),
    (title_repairs.ordinal_opens_the_conference, (), frozenset({"title", "container"})),
    (title_repairs.journal_ending_the_title_before_its_volume, (",",), frozenset({"title"})),
    (title_repairs.container_head_ending_the_title, (), frozenset({"title", "container"})),
    (title_repairs.works_after_their_volume_number_are_the_container, (" of ",), frozenset({"volume"})),
    (title_repairs.first_sentence_of_the_note_after_the_names_is_the_title, (), frozenset({"author", "note"})),
    (title_repairs.to_appear_is_a_note, (" to appear",), _NONE),
    (title_repairs.journal_before_the_internet_medium_is_the_container, ("[internet]",), frozenset({"title", "date"})),
    (title_repairs.words_after_the_closing_quote_are_no_title, ('"', "“"), frozenset({"title"})),
    (imprint_repairs.place_before_the_publisher_ending_the_title, (":",), frozenset({"title", "publisher"})),
    (imprint_repairs.place_and_publisher_ending_the_title, (":",), _NONE),
    (number_repairs.number_closing_an_italic_name_is_the_names, ("*", "_"), frozenset({"volume"})),
    (number_repairs.version_is_no_volume, (" ver", " v."), frozenset({"volume"})),
    (number_repairs.acs_volume_before_the_pages, (",",), frozenset({"pages"})),
    (number_repairs.year_after_a_page_count_is_the_date, (" p.", " pp.", " s."), frozenset({"pages"})),
    (number_repairs.revision_date_is_the_date, ("modified", "updated", "revised", "edited"), frozenset({"note"})),
    (number_repairs.acs_numbers_read_as_dates, (",",), frozenset({"date"})),
    (number_repairs.acs_journal_read_as_an_author, (",",), frozenset({"author", "date"})),
    (number_repairs.bracketed_month_is_the_date, (" [", " ("), frozenset({"date"})),
    (number_repairs.numeric_date_is_no_volume, ("/",), frozenset({"volume"})),
    (number_repairs.glued_page_label_is_the_pages, (" p.", " (p", " pp."), _NONE),
    (number_repairs.day_before_the_month_is_the_date, (), frozenset({"volume", "date"})),
    (number_repairs.number_before_the_edition_word_is_the_edition, (" ed",), frozenset({"volume"})),
    (number_repairs.months_after_the_bracketed_year_are_the_date, (" (",), frozenset({"date"})),
    (title_repairs.title_after_its_comma_goes_on_into_the_journal, (",",), frozenset({"title", "container"})),
    (title_repairs.language_mark_is_a_note, (" (in",), _NONE),
    (title_repairs.language_ending_the_entry_is_a_note, (";",), _NONE),  # Vancouver's date
    (number_repairs.year_range_is_the_date, ("-", "–"), frozenset({"pages"})),
    (number_repairs.bracketed_year_range_after_the_volume_is_the_date, (" (",), frozenset({"volume"})),
    (number_repairs.arxiv_identifier_is_no_pages, ("arxiv:",), frozenset({"pages"})),
    (number_repairs.physics_page_before_the_year, (",",), frozenset({"volume", "date"})),
    (imprint_repairs.publisher_named_so_is_the_publisher, (), _NONE),
    (imprint_repairs.partners_and_company_are_the_publisher, (" co", " sons", " cie"), frozenset({"publisher"})),
    (imprint_repairs.publisher_ending_the_title_is_the_publisher, (), _NONE),
    (imprint_repairs.publisher_sentence_ending_a_sentence_case_title, (), frozenset({"date", "title"})),
    (imprint_repairs.city_before_its_region_is_the_place, (":",), frozenset({"container", "location", "publisher"})),
    (imprint_repairs.place_ending_the_publisher_is_the_place, (), frozenset({"publisher"})),
    (imprint_repairs.publisher_read_as_the_place, (), frozenset({"location"})),
    (imprint_repairs.place_ending_the_container_is_the_place, (), frozenset({"container"})),
    (imprint_repairs.place_alone_read_as_the_container, (), frozenset({"container", "date"})),
    (imprint_repairs.place_alone_read_as_the_publisher, (), frozenset({"publisher", "date"})),
    (imprint_repairs.thesis_genre_opening_the_publisher, ("thesis", "dissertation", "diss."), frozenset({"publisher"})),
    (number_repairs.chapter_is_no_volume, (" ch",), _NONE),
    (number_repairs.newspaper_section_goes_with_its_pages, (" sec",), frozenset({"volume", "pages"})),
    (number_repairs.number_after_its_mark_is_no_pages, (" no.", " nr.", " num."), frozenset({"volume", "pages"})),
    (number_repairs.numbered_issue_read_as_the_pages, (" n°", " nº", " no.", " nr", " núm", " num."), frozenset({"pages"})),
    (title_repairs.dash_subtitle_and_its_year_end_the_title, (";",), _NONE),  # Vancouver's date
    (number_repairs.bold_year_is_the_date, ("**",), _NONE),
    (imprint_repairs.acs_publisher_before_its_place, (";",), _NONE),
    (title_repairs.numbered_edition_ends_the_title, (" aufl", " ed", " ausg"), _NONE),
    (title_repairs.ordinal_edition_ends_the_title, (" ed", " éd", " aufl"), _NONE),
    (title_repairs.report_mark_is_the_genre, (" tech",), _NONE),
    (title_repairs.revision_sentence_ending_the_title_is_the_edition, (" revised", " expanded", " enlarged"), frozenset({"title"})),
    (number_repairs.bold_volume_follows_the_journal, ("**",), _NONE),
    (number_repairs.pages_before_the_bracketed_year, (" (",), _NONE),
    (number_repairs.law_review_volume_and_first_page, (",",), _NONE),
    (name_repairs.unsure_lead_before_a_sure_title_is_the_author, (), _NONE),
    (name_repairs.organisation_lead_of_the_title_is_the_author, (), frozenset({"title"})),
    (name_repairs.title_before_its_editor_mark, (" ed.", " eds.", " edited"), _NONE),
    (title_repairs.work_before_its_edited_by_is_the_title, (" by ",), _NONE),
    (title_repairs.physics_entry_has_no_title, (), _NONE),
    (name_repairs.editors_after_in_read_as_authors, (), frozenset({"container", "author", "title"})),
    (name_repairs.book_after_in_read_as_editors, (" in",), frozenset({"editor", "title"})),
    (name_repairs.book_before_its_bracketed_editors, ("ed.)", "eds.)"), frozenset({"editor", "title"})),
    (name_repairs.short_cross_reference_is_the_editors, (" in",), frozenset({"container", "title"})),
    (name_repairs.names_before_editors_word_are_editors, (" editor", "eds"), _NONE),
    (title_repairs.book_after_the_editors_goes_on_past_its_comma, (), frozenset({"editor", "container", "title"})),
    (title_repairs.second_title_after_the_editors_is_the_container, (), frozenset({"editor", "title"})),
    (title_repairs.short_year_ends_the_proceedings, (" '", " ’"), _NONE),
    (name_repairs.family_name_the_title_ran_into, (",",), _NONE),
    (title_repairs.words_after_the_repeated_author_dash_are_the_title, ("--", "——", "––", "__"), _NONE),
    (name_repairs.names_after_an_editor_mark_are_the_editors, (" ed.", " eds.", " edited"), frozenset({"editor"})),
    (name_repairs.title_words_after_the_names_full_stop, (), frozenset({"author", "title"})),
    (name_repairs.title_words_after_a_one_word_author, (), frozenset({"author", "title"})),
    (name_repairs.title_before_its_colon_after_the_names_comma, (":",), frozenset({"author", "title"})),
    (name_repairs.title_words_after_the_names_comma, (), frozenset({"author", "title"})),
    (name_repairs.given_first_names_before_the_comma_are_the_authors, (",",), frozenset({"title"})),
    (name_repairs.quote_opening_in_the_names_opens_the_title, ('"', "“", "«", "„"), frozenset({"author", "title"})),
    (name_repairs.title_read_as_more_names, (",",), _NONE),
    (title_repairs.number_mark_ending_the_container_is_the_volumes, (), frozenset({"container", "volume"})),
    (title_repairs.volume_mark_is_no_part_of_the_container, (" vol", " bd", " band", " t.", " tome", " jg"), _NONE),
    (title_repairs.quotes_hold_the_title, (' "', " “", " ‘", " «", " „"), frozenset({"title"})),
    (name_repairs.names_before_their_editor_mark_are_the_editors, ("(ed", " ed", "hrsg", "hg.", "(dir", "(éd"), _NONE),
)
