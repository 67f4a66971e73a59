"""Films, broadcasts and legal cases: written to BibLaTeX, classic BibTeX, CSL-JSON and RIS, and read back."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.model import CleanText, EntryType
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.references import parse_reference_list
from citecheck.parse.ris import parse_ris
from written_formats import FORMATS

ENTRIES = """\
Jenkins, B. (Director). (2016). *Moonlight* [Film]. A24.

Gilligan, V. (Writer & Director). (2013, September 29). Felina (Season 5, Episode 16) [TV series episode]. \
In *Breaking Bad*. AMC.

Glass, I. (Host). (2019, May 3). *This American Life* [Audio podcast]. WBEZ. https://www.thisamericanlife.org/

Brown v. Board of Education, 347 U.S. 483 (1954).
"""
TYPES = [EntryType.FILM, EntryType.BROADCAST, EntryType.BROADCAST, EntryType.LEGAL_CASE]


def refs():
    return parse_reference_list(CleanText.identity("refs.md", ENTRIES))


def test_the_free_text_entries_have_the_new_types():
    assert [r.type for r in refs()] == TYPES


def test_biblatex_entries_are_misc_with_the_csl_type_the_director_an_editor_and_the_reporter_citation():
    bib = to_bibtex(refs())
    assert ("@misc{jenkinsMoonlight2016,\n  editor = {Jenkins, B.},\n  title = {Moonlight},\n"
            "  entrysubtype = {motion_picture},\n  type = {Film},\n  organization = {{A24}},\n  date = {2016},\n"
            "  editortype = {director},\n}") in bib
    assert "entrysubtype = {broadcast},\n  howpublished = {Breaking Bad},\n  type = {TV series episode}," in bib
    assert ("title = {Brown v. Board of Education},\n  entrysubtype = {legal_case},\n  howpublished = {347 U.S. 483},\n"
            "  date = {1954},\n}") in bib


def test_biblatex_entries_validate_with_biber(tmp_path):
    biber = shutil.which("biber")
    if biber is None:
        pytest.skip("biber not installed (Debian package biber)")
    (tmp_path / "refs.bib").write_text(to_bibtex(refs()), encoding="utf-8")
    proc = subprocess.run([biber, "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "out.bib"), "refs.bib"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert not [line for line in log.splitlines() if "ERROR" in line or "WARN -" in line], log


def test_csl_json_items_use_csls_types_director_and_legal_case_variables():
    film, episode, podcast, case = json.loads(to_csl_json(refs()))
    assert [i["type"] for i in (film, episode, podcast, case)] == ["motion_picture", "broadcast", "broadcast", "legal_case"]
    assert film["director"] == [{"family": "Jenkins", "given": "B."}] and "editor" not in film
    assert film["genre"] == "Film" and "custom" not in film  # editortype is said by the variable
    assert (episode["container-title"], episode["publisher"], episode["genre"]) == ("Breaking Bad", "AMC", "TV series episode")
    assert podcast["author"] == [{"family": "Glass", "given": "I."}]
    assert (case["container-title"], case["volume"], case["page"]) == ("U.S.", "347", "483")


def test_a_csl_legal_case_authority_is_the_court():
    text = json.dumps([{"id": "c", "type": "legal_case", "title": "Smith v. Jones", "authority": "2d Cir.",
                        "container-title": "F.3d", "volume": "123", "page": "456", "issued": {"date-parts": [[1999]]}}])
    (case,), _ = parse_csl_json(text, "in.json")
    assert (case.type, case.publisher, case.container, case.extra) == (EntryType.LEGAL_CASE, "2d Cir.", "F.3d", ())
    assert json.loads(to_csl_json([case]))[0]["authority"] == "2d Cir."


def test_ris_records_use_zoteros_types_and_tags():
    records = [r.strip() + "\n" for r in to_ris(refs()).split("ER  - ") if r.strip()]
    film, episode, podcast, case = records
    assert film.startswith("TY  - MPCT\n") and "AU  - Jenkins, B.\n" in film and "M3  - Film\n" in film
    assert episode.startswith("TY  - MPCT\n") and "T2  - Breaking Bad\n" in episode and "M3  - TV series episode\n" in episode
    assert podcast.startswith("TY  - SOUND\n") and "M3  - Audio podcast\n" in podcast
    assert case.startswith("TY  - CASE\n") and "A2  - U.S.\nPY  - 1954\nVL  - 347\nSP  - 483\n" in case
    assert "ED  -" not in "".join(records)


def test_ris_from_other_tools():
    text = ("TY  - VIDEO\nTI  - A film\nAU  - Lee, Spike\nER  - \n\nTY  - SOUND\nTI  - An album\nER  - \n\n"
            "TY  - MPCT\nTI  - A show\nM3  - Broadcast\nER  - \n")
    (video, album, show), problems = parse_ris(text, "in.ris")
    assert (video.type, [n.family for n in video.editors], dict(video.extra)) == (
        EntryType.FILM, ["Lee"], {"editortype": "director"})
    assert album.type is EntryType.DOCUMENT and problems  # an unknown type, said
    assert show.type is EntryType.BROADCAST and "type" not in dict(show.extra)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_keeps_the_type_and_the_fields(fmt):
    write, parse = FORMATS[fmt]
    first, findings = parse(write(refs()), "first")
    assert not [f for f in findings if f.severity.label == "error"]
    assert [r.type for r in first] == TYPES
    film, episode, podcast, case = first
    assert ([n.family for n in film.editors], dict(film.extra)["editortype"], dict(film.extra)["type"]) == (
        ["Jenkins"], "director", "Film")
    assert (episode.container, episode.publisher, dict(episode.extra)["type"]) == ("Breaking Bad", "AMC", "TV series episode")
    assert [n.family for n in podcast.authors] == ["Glass"] and not podcast.editors
    assert (case.title, case.volume, case.container, case.pages, case.year) == (
        "Brown v. Board of Education", "347", "U.S.", "483", 1954)
    second, _ = parse(write(first), "second")
    assert write(second) == write(first)
