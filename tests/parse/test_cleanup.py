from citecheck.parse.cleanup import fold_line, remove_page_headers

HEADER = "# A Title of the Essay\n\nWritten by Some One\n"


def doc(*parts: str) -> str:
    return "\n".join(parts)


def test_header_inside_sentence_is_removed_and_sentence_joined():
    src = doc(HEADER, "Intro text (Smith, 2019).", "", HEADER, "More (What is it?,", "", HEADER, "n.d.) and so on.")
    cleaned = remove_page_headers("f.md", src)
    assert "(What is it?, n.d.) and so on." in cleaned.text.text
    assert "Written by" not in cleaned.text.text
    assert cleaned.removed == ("# A Title of the Essay", "Written by Some One")
    assert cleaned.removed_count == 6


def test_header_between_paragraphs_keeps_paragraph_break():
    src = doc(HEADER, "First entry. <https://a.example/x>", "", HEADER, "Second entry.", "", HEADER)
    text = remove_page_headers("f.md", src).text.text
    assert "<https://a.example/x>\n\nSecond entry." in text


def test_spans_point_into_the_original_file():
    src = doc(HEADER, "aaa (Zuagg,", "", HEADER, "2019) bbb", "", HEADER)
    cleaned = remove_page_headers("f.md", src).text
    i = cleaned.text.index("2019")
    span = cleaned.span(i, i + 4)
    assert src[span.start : span.end] == "2019"
    assert span.line == src[: span.start].count("\n") + 1
    j = cleaned.text.index("Zuagg")
    assert src[cleaned.span(j, j + 5).start : cleaned.span(j, j + 5).end] == "Zuagg"


def test_lines_seen_twice_are_kept():
    src = doc("Repeated line here", "x", "Repeated line here", "y")
    cleaned = remove_page_headers("f.md", src)
    assert cleaned.text.text == src
    assert cleaned.removed_count == 0


def test_fold_ignores_markup_and_case():
    assert fold_line("# **North Korean Women**") == fold_line("## north korean women")


HARVARD = (
    "Piper, N. (2017) 'Migration and the SDGs', Global Social Policy, 17(1), pp. 93–95.",
    "Asian Migration Review 15",
    "Ratha, D. (2013) The impact of remittances. Washington, DC: MPI. Available at: https://www.example.org/research/impact-",
    "remittances-and-poverty-reduction",
    "Asian Migration Review 16",
    "Xiang, B. (2013) 'Multi-scalar ethnography', Ethnography, 14(3), pp. 282–300.",
    "Asian Migration Review 17",
    "Yeoh, B. (2014) Report on the region. Available at: https://www.example.org/yeoh",
    "Asian Migration Review 18",
    "Zhou, M. (2015) 'Brokers', Pacific Affairs, 85(1), pp. 7–19.",
)


def test_a_header_after_an_entry_ending_in_a_url_keeps_the_line_break_so_the_entries_stay_apart():
    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list

    cleaned = remove_page_headers("f.txt", doc(*HARVARD)).text
    assert "poverty-reduction\nXiang, B." in cleaned.text and "/yeoh\nZhou, M." in cleaned.text
    refs = parse_reference_list(cleaned)
    without_headers = parse_reference_list(CleanText.identity("g.txt", doc(*(ln for ln in HARVARD if "Review" not in ln))))
    assert [r.authors[0].family for r in refs] == [r.authors[0].family for r in without_headers] == [
        "Piper", "Ratha", "Xiang", "Yeoh", "Zhou"]
    assert refs[1].urls[0].url == "https://www.example.org/research/impact-remittances-and-poverty-reduction"


def test_a_header_inside_a_sentence_still_joins_it_with_a_space():
    src = doc(HEADER, "See the report at https://example.org/a for", "", HEADER, "the details (Smith, 2019).", "", HEADER)
    assert "https://example.org/a for the details" in remove_page_headers("f.md", src).text.text


def test_the_map_back_to_the_file_takes_no_integer_per_character():
    # a text that is its own original maps each character to itself with a range, not a tuple of
    # offsets (36 bytes a character: 180 MB for a 5 MB reference list), and so do its parts
    import tracemalloc

    src = "".join(f"Author{i}, A. ({1950 + i % 70}). A title of the work. Publisher.\n\n" for i in range(4000))
    tracemalloc.start()
    try:
        cleaned = remove_page_headers("f.md", src).text
        part = cleaned.slice(1000, len(cleaned.text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 15 * len(src)  # the text's own copies and lines; 46 times its length with a tuple
    i = part.text.index("Author3999")
    assert src[part.span(i, i + 10).start :].startswith("Author3999")
