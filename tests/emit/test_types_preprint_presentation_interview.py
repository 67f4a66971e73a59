"""Preprints, presentations and interviews: written to BibLaTeX, classic BibTeX, CSL-JSON and RIS, and read back."""
from __future__ import annotations

import json

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.model import CleanText, EntryType
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.references import parse_reference_list
from citecheck.parse.ris import parse_ris
from written_formats import FORMATS

ENTRIES = """\
Jones, A., & Lee, B. (2021). Attention in crowds (Preprint). PsyArXiv. https://doi.org/10.31234/osf.io/abcd

Lee, K. (2019, May 3). *Urban heat islands* [Paper presentation]. Annual Meeting of the American Association of \
Geographers, Washington, DC, United States.

Smith, Ida. Interview by John Doe. July 3, 1975. Transcript. Oral History Collection, University of Oklahoma, Norman.
"""
TYPES = [EntryType.PREPRINT, EntryType.PRESENTATION, EntryType.INTERVIEW]


def refs():
    return parse_reference_list(CleanText.identity("refs.md", ENTRIES))


def test_the_free_text_entries_have_the_new_types():
    assert [r.type for r in refs()] == TYPES


def test_biblatex_entries():
    bib = to_bibtex(refs())
    assert "@misc{jonesAttention2021,\n" in bib and "entrysubtype = {preprint}" in bib
    assert ("@unpublished{leeUrban2019,\n  author = {Lee, K.},\n  title = {Urban heat islands},\n"
            "  eventtitle = {Annual Meeting of the American Association of Geographers},\n  type = {Paper presentation},\n"
            "  venue = {Washington, DC, United States},\n  date = {2019-05-03},\n}") in bib
    assert "@misc{smithInterview1975,\n" in bib and "entrysubtype = {interview}" in bib


def test_ris_records_use_zoteros_types_and_say_what_a_generic_one_is():
    records = [r.strip() + "\n" for r in to_ris(refs()).split("ER  - ")]
    assert records[0].startswith("TY  - GEN\n") and "M3  - Preprint\n" in records[0]
    assert records[1].startswith("TY  - SLIDE\n") and "T2  - Annual Meeting of the American Association" in records[1]
    assert "M3  - Paper presentation\n" in records[1] and "CY  - Washington, DC, United States\n" in records[1]
    assert records[2].startswith("TY  - PCOMM\n") and "M3  - Interview\n" in records[2]


def test_ris_generic_records_and_letters_stay_documents():
    text = ("TY  - GEN\nTI  - Notes\nM3  - Memo\nER  - \n\nTY  - PCOMM\nTI  - Letter to Jane\nER  - \n\n"
            "TY  - UNPB\nTI  - Draft\nM3  - preprint\nER  - \n")
    memo, letter, draft = parse_ris(text, "in.ris")[0]
    assert (memo.type, dict(memo.extra)["type"]) == (EntryType.DOCUMENT, "Memo")
    assert (letter.type, draft.type) == (EntryType.DOCUMENT, EntryType.PREPRINT)
    assert "type" not in dict(draft.extra)


def test_classic_bibtex_entries():
    bib = to_bibtex(refs(), dialect="bibtex")
    assert "@unpublished{leeUrban2019," in bib and "entrysubtype = {preprint}" in bib and "entrysubtype = {interview}" in bib


def test_csl_json_items():
    items = json.loads(to_csl_json(refs()))
    assert [i["type"] for i in items] == ["article", "speech", "interview"]
    speech = items[1]
    assert (speech["event-title"], speech["event-place"], speech["genre"]) == (
        "Annual Meeting of the American Association of Geographers", "Washington, DC, United States", "Paper presentation")
    assert "container-title" not in speech and "publisher-place" not in speech


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_keeps_the_type_and_the_fields(fmt):
    write, parse = FORMATS[fmt]
    first, findings = parse(write(refs()), "first")
    assert not [f for f in findings if f.severity.label == "error"]
    assert [r.type for r in first] == TYPES
    presentation = first[1]
    assert (presentation.container, presentation.place) == (
        "Annual Meeting of the American Association of Geographers", "Washington, DC, United States")
    second, _ = parse(write(first), "second")
    assert write(second) == write(first)


def test_an_arxiv_preprint_is_a_misc_with_its_eprint_and_zoteros_preprint_in_csl_json():
    (ref,) = parse_reference_list(CleanText.identity("refs.md", "Smith, J. (2020). Title of preprint. arXiv:2001.01234.\n"))
    bib = to_bibtex([ref])
    assert bib.startswith("@misc{") and "eprint = {2001.01234}" in bib and "eprinttype = {arxiv}" in bib
    assert "entrysubtype" not in bib  # the arXiv eprint says it is a preprint
    (item,) = json.loads(to_csl_json([ref]))
    assert (item["type"], item["number"], item["publisher"]) == ("article", "arXiv:2001.01234", "arXiv")


def test_csl_speech_and_interview_are_read_as_such():
    text = json.dumps([
        {"id": "a", "type": "speech", "title": "Talk", "author": [{"family": "Lee", "given": "K."}],
         "event-title": "AAG Annual Meeting", "event-place": "Denver", "issued": {"date-parts": [[2019]]}},
        {"id": "b", "type": "interview", "title": "Interview by John Doe", "author": [{"family": "Smith", "given": "Ida"}]},
        {"id": "c", "type": "article", "title": "A working paper", "author": [{"family": "Roe", "given": "R."}]},
    ])
    talk, interview, preprint = parse_csl_json(text, "in.json")[0]
    assert (talk.type, talk.container, talk.place, talk.extra) == (EntryType.PRESENTATION, "AAG Annual Meeting", "Denver", ())
    assert (interview.type, preprint.type) == (EntryType.INTERVIEW, EntryType.PREPRINT)


def test_a_bib_unpublished_without_an_event_stays_a_document():
    (ref,), _ = parse_bibtex("@unpublished{m, author = {Roe, R.}, title = {Draft}, note = {Manuscript}, date = {2001}}\n", "x")
    assert ref.type is EntryType.DOCUMENT
