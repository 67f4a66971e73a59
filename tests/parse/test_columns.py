"""Two columns joined side by side: found by a consistent gap, rewritten column after column."""
from __future__ import annotations

from collections import Counter

from citecheck.model import CleanText
from citecheck.parse.cleanup import remove_page_headers
from citecheck.parse.columns import unjoin_columns
from citecheck.parse.references import parse_reference_list

LEFT = ["Adams, R. (2020). A national survey of river gauges.", "   Hydrology Today, 8(2), 11-29.",
        "Black, D. (2014). Snow in the hills: melt and", "   runoff. Ice and Water, 2, 4-15.",
        "Brown, A. (2017). Floods and storms in small", "   catchments. Nature Water, 5, 2-13.",
        "Green, C. (2015). Rain over the hills. Sky and"]
RIGHT = ["   Land, 7, 80-95.", "Grey, E. (2013). Long records of river stages",
         "   in Wales. Mud and Stone, 1, 1-22.", "Jones, K. (2018). Another look at river stages",
         "   after heavy rain. Rivers, 4, 50-66."]


def side_by_side(left, right, column=58):
    rows = []
    for i in range(max(len(left), len(right))):
        a, b = (left[i] if i < len(left) else ""), (right[i] if i < len(right) else "")
        rows.append((a.ljust(column) + b).rstrip())
    return "\n".join(rows)


def unjoin(text):
    return unjoin_columns(CleanText.identity("c.txt", text))


def test_a_block_is_rewritten_left_column_then_right_column():
    source = "References\n\n" + side_by_side(LEFT, RIGHT) + "\n\nAfter the list.\n"
    text, (block,) = unjoin(source)
    assert text.text == "References\n\n" + "\n".join(LEFT + RIGHT) + "\n\nAfter the list.\n"
    assert (block.first, block.last, block.column) == (3, 9, 58)
    # every character but the gap's spaces is kept, once, and maps back to itself
    assert all(source[o] == ch for ch, o in zip(text.text, text.origin) if ch != "\n")
    kept = Counter(o for ch, o in zip(text.text, text.origin) if not ch.isspace())
    assert set(kept) == {i for i, ch in enumerate(source) if not ch.isspace()} and max(kept.values()) == 1


def test_an_entry_broken_at_the_column_foot_is_joined_and_spans_point_at_the_file():
    source = side_by_side(LEFT, RIGHT)
    text, _ = unjoin(source)
    refs = parse_reference_list(text)
    assert [(r.authors[0].family, r.year) for r in refs] == [
        ("Adams", 2020), ("Black", 2014), ("Brown", 2017), ("Green", 2015), ("Grey", 2013), ("Jones", 2018)]
    green = refs[3]
    assert green.container == "Sky and Land" and green.span.line == 7  # its first line, left column
    grey = refs[4]
    assert (grey.span.line, grey.span.column) == (2, 59) and source[grey.span.start:].startswith("Grey, E.")


def test_ordinary_text_tables_single_lines_and_indentation_are_left_alone():
    prose = "\n".join(["This is ordinary prose, wrapped at seventy characters, without any gaps."] * 12)
    table = "\n".join(f"Item {i}      {i * 3}      {i * 7}      ok" for i in range(30))
    two_cells = "\n".join(f"Region {i}       Population {i}" for i in range(30))
    indented = "\n".join(["        An indented quotation with several words in it."] * 12)
    one = "Smith, J. (2019). A study of          Jones, K. (2018). Another title\nAnd plain text after it."
    code = "\n".join(["x = compute(a, b)        # a comment that is long enough"] * 8)
    fenced = "```\n" + "\n".join(["x = compute(a, b)        and a remark that is long enough"] * 8) + "\n```"
    pipes = "\n".join(["| Smith, J. and Lee, K. (2019)    | A study of river stages here |"] * 8)
    for text in (prose, table, two_cells, indented, one, code, fenced, pipes):
        assert unjoin(text) == (CleanText.identity("c.txt", text), ()), text[:30]


def test_each_page_is_unjoined_on_its_own():
    page1 = side_by_side(LEFT[:4], RIGHT[1:5])
    page2 = side_by_side(["Young, P. (2012). Radar altimetry over narrow", "   rivers. Letters, 3, 301-310."],
                         ["Zhou, M. (2011). Gauge networks in a changing", "   climate. Rivers, 9, 14-30."])
    for separator in ("\n\fHydrology Notes\n", "\n\nHydrology Notes\n\n"):  # a form feed; a header between blanks
        text, blocks = unjoin(page1 + separator + page2)
        assert len(blocks) == 2  # the second page's two rows are columns too: the column is proven
        order = [line.split(",")[0].strip("\f") for line in text.text.split("\n") if "(20" in line]
        assert order == ["Adams", "Black", "Grey", "Jones", "Young", "Zhou"]


def test_cleanup_unjoins_columns_before_removing_page_headers():
    header = "Journal of River Notes, volume 12"
    page = side_by_side(LEFT[:4], RIGHT[1:5])
    cleaned = remove_page_headers("c.txt", "\n".join([header, page, "", header, page, "", header, "Done."]))
    assert cleaned.removed == (header,) and len(cleaned.columns) == 2
    assert header not in cleaned.text.text and cleaned.text.text.count("Grey, E. (2013)") == 2
    plain = remove_page_headers("p.txt", "Nothing to clean here.\n")
    assert plain.columns == () and plain.text.text == "Nothing to clean here.\n"


def test_the_left_column_going_on_alone_and_blank_rows_of_one_column():
    left = ["[1] Adams, R. (2020). A national survey of river", "    gauges. Hydrology Today, 8(2), 11-29.", "",
            "[2] Black, D. (2014). Snow in the hills: melt and", "    runoff. Ice and Water, 2, 4-15.", "",
            "[3] Brown, A. (2017). Floods and storms in small", "    catchments. Nature Water, 5, 2-13.", "",
            "[4] Green, C. (2015). Rain over the hills and the", "    valleys. Sky and Land, 7, 80-95."]
    right = ["[5] Grey, E. (2013). Long records of river stages", "    in Wales and the border. Mud and Stone,", "",
             "    1, 1-22.", "[6] Jones, K. (2018). Another look at river stages", "    after rain. Rivers, 4, 50-66."]
    text, (block,) = unjoin(side_by_side(left, right) + "\n\nAfter the list.\n")
    assert block.last == 11 and text.text.endswith("\n\nAfter the list.\n")  # a short line after is its own
    refs = parse_reference_list(text.slice(0, text.text.index("After")))
    assert [r.authors[0].family for r in refs] == ["Adams", "Black", "Brown", "Green", "Grey", "Jones"]
    assert refs[4].raw.endswith("Mud and Stone, 1, 1-22.")  # the right column's entry goes on across the blank row


def test_a_short_right_column_after_which_the_left_one_goes_on_under_a_heading():
    """The right column holds one 4-line entry; the left column's prose goes on, then a heading and
    the reference list: all of the left column comes first, as on the page."""
    left = ["Heat islands are well documented in", "the literature (Oke, 1982). Tree cover",
            "is declining in most cities (Nowak &", "Greenfield, 2018), and the trend is",
            "expected to continue for decades.", "", "References", "", "Oke, T. R. (1982). The energetic basis",
            "of the urban heat island. Quarterly", "Journal of the Royal Meteorological", "Society, 108(455), 1–24."]
    right = ["Nowak, D. J., & Greenfield, E. J. (2018).", "Declining urban and community tree",
             "cover in the United States. Urban", "Forestry & Urban Greening, 32, 32–55."]
    text, (block,) = unjoin(side_by_side(left, right, column=45) + "\n")
    assert text.text == "\n".join(left + right) + "\n" and (block.first, block.last) == (1, 12)
    # a heading with nothing of the column's width after it stays text of its own
    text, (block,) = unjoin(side_by_side(left[:7], right, column=45) + "\n\nA line.\n")
    assert block.last == 5 and text.text.endswith("\n\nReferences\n\nA line.\n")
