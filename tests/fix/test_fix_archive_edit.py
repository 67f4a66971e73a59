"""An archive fix (a dead URL with a snapshot) adds the archived copy after the URL, in the entry's own
style, and the parsers read the pair back as one URL and its snapshot; fixing twice changes nothing."""
from __future__ import annotations

import pytest

from citecheck.fix.text import apply_edits, edits_for
from citecheck.model import Fix, Span, Target
from citecheck.parse.bibtex import parse_bibtex

URL = "http://example.org/gone/article"
SNAP = "https://web.archive.org/web/20190601000000/http://example.org/gone/article"


def archive_fix(src: str, entry: str, file: str = "f.md") -> Fix:
    start = src.index(entry)
    return Fix(Target.REFERENCE, "archive", URL, SNAP, (Span(file, 1, 1, start, start + len(entry)),),
               reference="jones2020", confidence=0.9)


def fixed(src: str, entry: str | None = None, file: str = "f.md") -> str:
    fix = archive_fix(src, entry if entry is not None else src, file)
    return apply_edits(src, edits_for(file, src, [fix]))


@pytest.mark.parametrize("entry, expected", [
    (f"Jones, A. (2020). Gone article. {URL} (accessed 1 May 2020).",
     f"Jones, A. (2020). Gone article. {URL} (archived at {SNAP}) (accessed 1 May 2020)."),
    (f"Jones, A. (2020). Gone article. <{URL}>.", f"Jones, A. (2020). Gone article. <{URL}> (archived at <{SNAP}>)."),
    (f"Jones, A. (2020). Gone article ({URL}).", f"Jones, A. (2020). Gone article ({URL}; archived at {SNAP})."),
    (f"Jones, A. (2020). [Gone article]({URL}).",
     f"Jones, A. (2020). [Gone article]({URL}) ([archived copy]({SNAP}))."),
    (f"\\bibitem{{j}} Jones, A. 2020. Gone article. \\url{{{URL}}}.",
     f"\\bibitem{{j}} Jones, A. 2020. Gone article. \\url{{{URL}}} (archived at \\url{{{SNAP}}})."),
])
def test_text_entries_get_the_snapshot_after_the_url_in_their_own_style(entry, expected):
    src = f"# Essay\n\nText (Jones, 2020).\n\n## References\n\n{entry}\n"
    assert fixed(src, entry) == src.replace(entry, expected)


def test_the_dead_url_is_kept_and_a_longer_url_sharing_its_start_is_not_touched():
    entry = f"Jones, A. (2020). Gone. {URL}/more and {URL}."
    out = fixed(entry)
    assert out == f"Jones, A. (2020). Gone. {URL}/more and {URL} (archived at {SNAP})."


def test_fixing_twice_changes_nothing_more():
    entry = f"Jones, A. (2020). Gone article. {URL}."
    once = fixed(entry)
    assert edits_for("f.md", once, [archive_fix(once, once)]) == ()


def test_an_entry_edited_since_is_left_alone():
    entry = "Jones, A. (2020). Gone article. http://example.org/elsewhere."
    assert fixed(entry) == entry


def test_a_one_line_bibtex_entry_gains_eprint_fields_written_like_its_url_field():
    src = f"@online{{jones2020, author={{Jones, Ann}}, title={{Gone}}, year={{2020}}, url={{{URL}}}}}\n"
    out = fixed(src, src.strip(), "refs.bib")
    assert out == (f"@online{{jones2020, author={{Jones, Ann}}, title={{Gone}}, year={{2020}}, url={{{URL}}}, "
                   f"eprinttype={{Wayback Machine}}, eprint={{{SNAP}}}}}\n")
    refs, problems = parse_bibtex(out, "refs.bib")
    assert not problems
    assert refs[0].urls[0].url == URL and refs[0].urls[0].snapshot.url == SNAP


def test_a_multi_line_bibtex_entry_gains_eprint_lines_after_its_url():
    src = (f"@misc{{jones2020,\n  author = {{Jones, Ann}},\n  URL = \"{URL}\",\n  note = {{Seen}}\n}}\n")
    out = fixed(src, src.strip(), "refs.bib")
    assert out == (f"@misc{{jones2020,\n  author = {{Jones, Ann}},\n  URL = \"{URL}\",\n"
                   f"  EPRINTTYPE = \"Wayback Machine\",\n  EPRINT = \"{SNAP}\",\n  note = {{Seen}}\n}}\n")
    refs, _ = parse_bibtex(out, "refs.bib")
    assert refs[0].urls[0].snapshot.url == SNAP and refs[0].note == "Seen"


def test_a_bibtex_entry_with_an_arxiv_eprint_keeps_it_and_gains_an_addendum():
    src = f"@misc{{j, title={{Gone}}, url={{{URL}}}, eprint={{2101.00001}}, eprinttype={{arxiv}}}}\n"
    out = fixed(src, src.strip(), "refs.bib")
    assert out == (f"@misc{{j, title={{Gone}}, url={{{URL}}}, addendum={{Archived at \\url{{{SNAP}}}}}, "
                   "eprint={2101.00001}, eprinttype={arxiv}}\n")
    (ref,), problems = parse_bibtex(out, "refs.bib")
    assert not problems
    assert ref.urls[0].snapshot.url == SNAP and dict(ref.extra)["eprint"] == "2101.00001"
    assert edits_for("refs.bib", out, [archive_fix(out, out.strip(), "refs.bib")]) == ()  # fixing twice


def test_an_addendum_of_its_own_gains_the_snapshot_at_its_end():
    src = (f"@misc{{j,\n  url = {{{URL}}},\n  addendum = {{Talk, {{Oslo}}}},\n"
           f"  eprint = {{2101.00001}},\n  eprinttype = {{arxiv}}\n}}\n")
    out = fixed(src, src.strip(), "refs.bib")
    assert out == src.replace("{Talk, {Oslo}}", f"{{Talk, {{Oslo}}; Archived at \\url{{{SNAP}}}}}")
    (ref,), _ = parse_bibtex(out, "refs.bib")
    assert ref.urls[0].snapshot.url == SNAP and dict(ref.extra)["addendum"] == "Talk, Oslo"


def test_a_bibtex_entry_whose_eprint_is_an_archived_copy_already_is_left_alone():
    src = (f"@misc{{j, url={{{URL}}}, eprinttype={{Wayback Machine}}, "
           f"eprint={{https://web.archive.org/web/2018/{URL}}}}}\n")
    assert fixed(src, src.strip(), "refs.bib") == src


def test_a_ris_record_gains_a_second_ur_line():
    src = f"TY  - ELEC\nAU  - Jones, Ann\nTI  - Gone\nUR  - {URL}\nER  - \n"
    assert fixed(src, src, "refs.ris") == src.replace(f"UR  - {URL}\n", f"UR  - {URL}\nUR  - {SNAP}\n")


def test_a_csl_json_item_has_no_place_for_it():
    src = f'[{{"id": "j", "type": "webpage", "title": "Gone", "URL": "{URL}"}}]\n'
    assert fixed(src, src.strip(), "refs.json") == src


@pytest.mark.parametrize("entry", [
    f"Jones, A. (2020). Gone article. Example Site. {URL} (accessed 1 May 2020).",
    f"Jones, A. (2020). Gone article. Example Site ({URL}). Accessed 1 May 2020.",
])
def test_the_free_text_parser_reads_the_fixed_entry_as_the_url_and_its_snapshot(tmp_path, entry):
    from citecheck.pipeline import check

    src = f"# Essay\n\nJones disagrees (Jones, 2020).\n\n## References\n\n{entry}\n"
    path = tmp_path / "essay.md"
    path.write_text(fixed(src, entry), encoding="utf-8")
    (ref,) = check([str(path)]).references
    assert [(u.url, u.snapshot.url if u.snapshot else None) for u in ref.urls] == [(URL, SNAP)]
