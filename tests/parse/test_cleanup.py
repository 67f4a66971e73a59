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
