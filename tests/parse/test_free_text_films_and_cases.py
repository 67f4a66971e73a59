"""Films, broadcasts and podcasts (MLA 9, Chicago, APA 7) and legal cases (Bluebook, Chicago 14.176,
APA 11.4) in a free-text reference list: read from their own words."""
from __future__ import annotations

import dataclasses

import pytest

from citecheck.config import Settings
from citecheck.emit.keys import assign_keys
from citecheck.model import Citation, CitedName, CleanText, EntryType, Span
from citecheck.parse.references import parse_reference_list
from citecheck.pipeline import check
from citecheck.reconcile import reconcile


def one(text: str):
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text + "\n"))
    return ref


def names(people) -> list[str]:
    return [f"{n.family}, {n.given}" if n.given else n.family for n in people]


def test_mla_film_listed_under_its_title():
    ref = one("*Beloved*. Directed by Jonathan Demme, Touchstone Pictures, 1998.")
    assert ref.type is EntryType.FILM
    assert (ref.title, ref.year, ref.publisher, ref.authors) == ("Beloved", 1998, "Touchstone Pictures", ())
    assert names(ref.editors) == ["Demme, Jonathan"] and dict(ref.extra)["editortype"] == "director"
    assert not [f for f in ref.findings if f.severity.label != "info"]


def test_mla_film_with_performers_keeps_them_as_a_note():
    ref = one("*Moonlight*. Directed by Barry Jenkins, performances by Mahershala Ali and Naomie Harris, A24, 2016.")
    assert (ref.type, ref.title, ref.publisher, ref.year) == (EntryType.FILM, "Moonlight", "A24", 2016)
    assert names(ref.editors) == ["Jenkins, Barry"]
    assert ref.note == "Performances by Mahershala Ali and Naomie Harris"


def test_mla_film_by_a_director_written_family_name_first():
    ref = one("*Parasite*. Directed by Bong Joon-ho, CJ Entertainment, 2019.")
    assert (ref.type, ref.title, ref.publisher, ref.year) == (EntryType.FILM, "Parasite", "CJ Entertainment", 2019)
    assert [(n.family, n.given) for n in ref.editors] == [("Bong", "Joon-ho")] and not ref.authors


@pytest.mark.parametrize("text", [
    "Demme, Jonathan, dir. 1998. *Beloved*. Burbank, CA: Touchstone Pictures.",  # author-date
    "Demme, Jonathan, dir. *Beloved*. Burbank, CA: Touchstone Pictures, 1998.",  # notes and bibliography
])
def test_chicago_dir_label_makes_the_name_the_director(text):
    ref = one(text)
    assert (ref.type, ref.title, ref.year) == (EntryType.FILM, "Beloved", 1998)
    assert (ref.publisher, ref.place, ref.authors) == ("Touchstone Pictures", "Burbank, CA", ())
    assert names(ref.editors) == ["Demme, Jonathan"] and dict(ref.extra)["editortype"] == "director"


def test_apa_film_director_and_genre():
    ref = one("Jenkins, B. (Director). (2016). *Moonlight* [Film]. A24.")
    assert (ref.type, ref.title, ref.publisher, ref.year, ref.note) == (EntryType.FILM, "Moonlight", "A24", 2016, "")
    assert names(ref.editors) == ["Jenkins, B."]
    assert dict(ref.extra)["type"] == "Film" and dict(ref.extra)["editortype"] == "director"


def test_apa_film_roles_written_with_a_slash_or_one_to_each_part_of_the_names():
    # "(Writer/Director)" was read as a name of its own, and names with a role each as authors
    # ending in "(Producers)" and "(Director)"
    ref = one("Moore, M. (Writer/Director). (2003). Bowling for Columbine [DVD]. Melbourne, VIC: AV Channel.")
    assert names(ref.editors) == ["Moore, M."] and not ref.authors and dict(ref.extra)["editortype"] == "director"
    ref = one("Chaffin, C., Kennedy, K., Marshall, F. (Producers), & Fincher, D. (Director). (2008). The curious case "
              "of Benjamin Button [Motion picture]. United States: Warner Bros. Pictures.")
    assert names(ref.editors) == ["Chaffin, C.", "Kennedy, K.", "Marshall, F.", "Fincher, D."] and not ref.authors
    assert (ref.type, ref.title, ref.year) == (EntryType.FILM, "The curious case of Benjamin Button", 2008)
    ref = one("Glass, I. (Host), & Smith, J. (Producer). (2019, May 3). *This American Life* [Audio podcast]. WBEZ.")
    assert names(ref.authors) == ["Glass, I.", "Smith, J."] and not ref.editors  # no director: the authors


def test_apa_tv_episode_with_two_roles():
    ref = one("Gilligan, V. (Writer & Director). (2013, September 29). Felina (Season 5, Episode 16) "
              "[TV series episode]. In *Breaking Bad*. AMC.")
    assert ref.type is EntryType.BROADCAST
    assert (ref.title, ref.container, ref.publisher) == ("Felina (Season 5, Episode 16)", "Breaking Bad", "AMC")
    assert names(ref.editors) == ["Gilligan, V."] and not ref.authors
    extra = dict(ref.extra)
    assert (extra["date"], extra["type"], extra["editortype"]) == ("2013-09-29", "TV series episode", "director")


def test_apa_podcast_host_stays_the_author():
    ref = one("Glass, I. (Host). (2019, May 3). *This American Life* [Audio podcast]. WBEZ. "
              "https://www.thisamericanlife.org/")
    assert ref.type is EntryType.BROADCAST
    assert (ref.title, ref.publisher, ref.note) == ("This American Life", "WBEZ", "")
    assert names(ref.authors) == ["Glass, I."] and not ref.editors
    assert [u.url for u in ref.urls] == ["https://www.thisamericanlife.org/"]
    assert dict(ref.extra)["type"] == "Audio podcast" and dict(ref.extra)["date"] == "2019-05-03"


@pytest.mark.parametrize("text, title, volume, reporter, pages, year", [
    ("Brown v. Board of Education, 347 U.S. 483 (1954).", "Brown v. Board of Education", "347", "U.S.", "483", 1954),
    ("Roe v. Wade, 410 U.S. 113 (1973).", "Roe v. Wade", "410", "U.S.", "113", 1973),
    ("*Brown v. Board of Education*, 347 U.S. 483 (1954).", "Brown v. Board of Education", "347", "U.S.", "483", 1954),
    ("Brown v. Board of Education. 1954. 347 U.S. 483.", "Brown v. Board of Education", "347", "U.S.", "483", 1954),
    ("Donoghue v Stevenson [1932] AC 562.", "Donoghue v Stevenson", "", "AC", "562", 1932),
    ("United States v. Carolene Products Co., 304 U.S. 144, 152 (1938).", "United States v. Carolene Products Co.",
     "304", "U.S.", "144", 1938),
])
def test_legal_cases(text, title, volume, reporter, pages, year):
    ref = one(text)
    assert ref.type is EntryType.LEGAL_CASE
    assert (ref.title, ref.volume, ref.container, ref.pages, ref.year) == (title, volume, reporter, pages, year)
    assert not ref.authors and not ref.findings


def test_a_legal_case_with_its_link_and_a_court():
    ref = one("Obergefell v. Hodges, 576 U.S. 644 (2015). https://www.supremecourt.gov/opinions/14pdf/14-556_3204.pdf")
    assert (ref.type, ref.title, ref.volume, ref.pages) == (EntryType.LEGAL_CASE, "Obergefell v. Hodges", "576", "644")
    assert [u.url for u in ref.urls] == ["https://www.supremecourt.gov/opinions/14pdf/14-556_3204.pdf"]
    circuit = one("Smith v. Jones, 123 F.3d 456 (2d Cir. 1999).")
    assert (circuit.container, circuit.publisher, circuit.year) == ("F.3d", "2d Cir.", 1999)


@pytest.mark.parametrize("text", [
    "Smith, J. (2019). Versus the odds: v. 2 of the survey. *Journal of Tests*, 3(2), 4-5.",
    "Jones, A. (2020). *Directed by design*. Routledge.",
])
def test_other_entries_are_not_read_so(text):
    assert one(text).type not in (EntryType.LEGAL_CASE, EntryType.FILM, EntryType.BROADCAST)


ESSAY = """# Essay

Schools were ruled unequal (Brown v. Board of Education 1954). The film's director (Demme 1998) was praised,
as was (Jenkins 2016).

## References

Brown v. Board of Education, 347 U.S. 483 (1954).

Demme, Jonathan, dir. 1998. *Beloved*. Burbank, CA: Touchstone Pictures.

Jenkins, B. (Director). (2016). *Moonlight* [Film]. A24.
"""


def test_a_case_is_cited_by_its_name_and_a_film_by_its_director(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(ESSAY, encoding="utf-8")
    result = check(["essay.md"], Settings())
    assert all(result.citation_targets) and len(set(result.citation_targets)) == 3
    assert not [f for f in result.findings if f.severity.label in ("error", "warning")]


def test_a_case_matches_through_its_title_not_only_its_raw_text():
    case = one("Brown v. Board of Education, 347 U.S. 483 (1954).")
    elsewhere = dataclasses.replace(case, key="brown1954", raw="347 U.S. 483 (1954).")  # its raw text names no case
    at = Span(file="essay.md", line=1, column=1, start=0, end=30)
    cited = Citation(text="Brown v. Board of Education 1954", span=at, year=1954, title_as_author=True,
                     names=(CitedName("Brown v. Board of Education", at),))
    (match,) = reconcile([cited], [elsewhere], ()).matches
    assert match.found


def test_a_case_is_keyed_by_its_parties():
    refs = parse_reference_list(CleanText.identity("refs.md", "Brown v. Board of Education, 347 U.S. 483 (1954).\n\n"
                                                   "Donoghue v Stevenson [1932] AC 562.\n"))
    assert [r.key for r in assign_keys(refs, keep_existing=False)] == ["brownBoard1954", "donoghueStevenson1932"]
