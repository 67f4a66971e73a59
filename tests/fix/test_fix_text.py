from citecheck.fix.text import apply_edits, edits_for
from citecheck.model import Fix, Span, Target


def span(src: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = src.index(needle, start + 1)
    return Span("f.md", 1, 1, start, start + len(needle))


def test_citation_spans_are_replaced_exactly():
    src = "a (Zuagg, 2019) b (Zuagg, 2019) Zuaggish"
    fix = Fix(Target.CITATION, "author", "Zuagg", "Zaugg", (span(src, "Zuagg"), span(src, "Zuagg", 1)))
    out = apply_edits(src, edits_for("f.md", src, [fix]))
    assert out == "a (Zaugg, 2019) b (Zaugg, 2019) Zuaggish"


def test_reference_fix_replaces_whole_word_inside_entry():
    src = "Haeransville.\n\nHaerans, Margaret. (2012). Human Trafficking.\n"
    entry = span(src, "Haerans, Margaret. (2012). Human Trafficking.")
    fix = Fix(Target.REFERENCE, "author", "Haerans", "Haerens", (entry,))
    out = apply_edits(src, edits_for("f.md", src, [fix]))
    assert out == "Haeransville.\n\nHaerens, Margaret. (2012). Human Trafficking.\n"


def test_fixing_twice_changes_nothing_more():
    src = "(Zuagg, 2019)"
    fix = Fix(Target.CITATION, "author", "Zuagg", "Zaugg", (span(src, "Zuagg"),))
    once = apply_edits(src, edits_for("f.md", src, [fix]))
    assert edits_for("f.md", once, [fix]) == ()


def test_other_files_and_overlaps_are_ignored():
    src = "(Zuagg, 2019)"
    loc = span(src, "Zuagg")
    other = Fix(Target.CITATION, "author", "Zuagg", "Zaugg", (Span("g.md", 1, 1, loc.start, loc.end),))
    a = Fix(Target.CITATION, "author", "Zuagg", "Zaugg", (loc,))
    b = Fix(Target.CITATION, "author", "Zuagg", "Zoagg", (loc,))
    edits = edits_for("f.md", src, [other, a, b])
    assert len(edits) == 1


def test_folded_citation_text_matches_a_wrapped_original_and_keeps_its_line_break():
    src = "x (China: Newly adopted law, UN\nexperts urge) y"
    loc = span(src, "China: Newly adopted law, UN\nexperts urge")
    fix = Fix(Target.CITATION, "year", "China: Newly adopted law, UN experts urge",
              "China: Newly adopted law, UN experts urge, 2016", (loc,))
    assert apply_edits(src, edits_for("f.md", src, [fix])) == "x (China: Newly adopted law, UN\nexperts urge, 2016) y"


def test_a_reference_fix_finds_a_name_holding_a_soft_hyphen_and_keeps_it():
    # the parser reads "Hae\u00adrans" as "Haerans": the fix must rename the author, not the same word
    # written plainly later in the entry, and leave the soft hyphen where it was
    src = "Hae\u00adrans, Margaret. (2012). Human Trafficking: Haerans and others. Greenhaven.\n"
    fix = Fix(Target.REFERENCE, "author", "Haerans", "Haerens", (span(src, src.rstrip()),))
    out = apply_edits(src, edits_for("f.md", src, [fix]))
    assert out == "Hae\u00adrens, Margaret. (2012). Human Trafficking: Haerans and others. Greenhaven.\n"


def test_a_citation_fix_lands_on_a_name_holding_a_zero_width_space():
    src = "a (\u200bZu\u200bagg\u200e, 2019) b"
    fix = Fix(Target.CITATION, "author", "Zuagg", "Zaugg", (span(src, "\u200bZu\u200bagg\u200e"),))
    out = apply_edits(src, edits_for("f.md", src, [fix]))
    assert out == "a (\u200bZaugg\u200e, 2019) b"  # the changed letters replaced; the marks around them kept
    assert edits_for("f.md", out, [fix]) == ()  # fixed once: nothing more to do


def test_a_fix_of_wrapped_text_with_invisible_characters_keeps_its_line_break():
    src = "x (Nor\u00adwegian Insti\u200btute\nof Health) y"
    loc = span(src, "Nor\u00adwegian Insti\u200btute\nof Health")
    fix = Fix(Target.CITATION, "year", "Norwegian Institute of Health", "Norwegian Institute of Health, 2016", (loc,))
    assert apply_edits(src, edits_for("f.md", src, [fix])) == "x (Nor\u00adwegian Insti\u200btute\nof Health, 2016) y"


def test_a_fix_finds_a_name_written_with_a_unicode_hyphen_and_keeps_it():
    # the parser reads Word's non-breaking hyphen (U+2011) and Unicode's hyphen (U+2010) as "-": before, the
    # fix looked for "Kowalsky-Nowak", found nothing, and wrote a "fixed" copy with 0 edits
    for hyphen in ("\u2011", "\u2010"):
        src = f"a (Kowalsky{hyphen}Nowak & Smith, 2016) b"
        fix = Fix(Target.CITATION, "author", "Kowalsky-Nowak", "Kowalski-Nowak",
                  (span(src, f"Kowalsky{hyphen}Nowak"),))
        out = apply_edits(src, edits_for("f.md", src, [fix]))
        assert out == f"a (Kowalski{hyphen}Nowak & Smith, 2016) b"
        assert edits_for("f.md", out, [fix]) == ()


def test_a_name_fix_keeps_the_capitals_a_citation_writes_names_in():
    # ABNT cites "(QUASCHNIG, 2020)" in capitals and "Quaschnig (2020)" in prose, for "QUASCHNING, Volker" read
    # "Quaschning": each place keeps its case
    src = "(QUASCHNIG, 2020) and Quaschnig (2020)"
    fix = Fix(Target.CITATION, "author", "QUASCHNIG", "QUASCHNING", (span(src, "QUASCHNIG"), span(src, "Quaschnig")))
    out = apply_edits(src, edits_for("f.md", src, [fix]))
    assert out == "(QUASCHNING, 2020) and Quaschning (2020)"
    fix = Fix(Target.CITATION, "author", "Quaschnig", "Quaschning", (span(src, "QUASCHNIG"), span(src, "Quaschnig")))
    assert apply_edits(src, edits_for("f.md", src, [fix])) == "(QUASCHNING, 2020) and Quaschning (2020)"


def test_a_reference_fix_finds_a_family_name_the_list_writes_in_capitals():
    src = "Theme parks.\n\nPARKE, Jane. Theme park. Paris: X, 2012.\n"
    entry = span(src, "PARKE, Jane. Theme park. Paris: X, 2012.")
    fix = Fix(Target.REFERENCE, "author", "Parke", "Park", (entry,))
    out = apply_edits(src, edits_for("f.md", src, [fix]))
    assert out == "Theme parks.\n\nPARK, Jane. Theme park. Paris: X, 2012.\n"


def test_a_name_the_file_writes_with_combining_marks_is_fixed():
    # the parser composes "Mun\u0303os" (n + U+0303) to "Muños"; the fix found no "Muños" in the file: nothing to fix
    src = "a (Mun\u0303os, 2017) b (Garc\u0131\u0301aa, 2019)"
    fixes = [Fix(Target.CITATION, "author", "Muños", "Muñoz", (span(src, "Mun\u0303os"),)),
             Fix(Target.CITATION, "author", "Garcíaa", "García", (span(src, "Garc\u0131\u0301aa"),))]
    assert apply_edits(src, edits_for("f.md", src, fixes)) == "a (Muñoz, 2017) b (García, 2019)"
