"""One capitalised word before a year that the text uses as an event's name elsewhere ("Since Brexit (2016)" beside
"post-Brexit") is prose, not a citation of a missing author "Brexit"; a name with no such use still cites."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citations import find_citations
from citecheck.parse.named_events import used_as_an_event
from citecheck.pipeline import check


@pytest.mark.parametrize("text", [
    "Since Brexit (2016), nurses left. The post-Brexit market is tight.",
    "Since Brexit (2016), nurses left. The Brexit referendum divided the country.",
    "In the wake of Brexit, nurses left; since Brexit (2016) fewer arrive.",
    "After Fukushima (2011) Germany turned away. The Fukushima disaster changed policy.",
    "In the aftermath of Katrina, insurers changed; since Katrina (2005) premiums rose.",
    "The Windrush generation was failed, as Windrush (2018) made clear.",
    "During Grenfell (2017) the fire service was overwhelmed.",
])
def test_a_word_the_text_uses_as_an_event_is_no_citation(text):
    assert find_citations(CleanText.identity("f", text), known_titles=["Portes"]) == ()


@pytest.mark.parametrize("text, expected", [
    ("Smith (2016) argues otherwise. The Smith study was small.", ("Smith",)),  # a study is no event
    ("White (2020) studies white flight.", ("White",)),
    ("Since Dieselgate (2015), buyers left.", ("Dieselgate",)),  # nothing else says it is an event: still read
    ("Since Brexit (2016), nurses left, as Brexit et al. (2019) show.", ("Brexit",)),  # the text's own name
    ("the WHO (2020) says so; the WHO pandemic declaration came late.", ("WHO",)),  # an acronym: an organisation
    ("Portes (2016) wrote on the post-Portes era.", ("Portes",)),  # a listed name is a name
])
def test_a_name_without_an_events_use_still_cites(text, expected):
    found = find_citations(CleanText.identity("f", text), known_titles=["Portes"])
    assert found[0].name_texts == expected


@pytest.mark.parametrize("text", [
    "Since Brexit (2016), nurses left.",  # a word that names an event and no one, with nothing else said
    "After Chernobyl (1986) the reactors were redesigned.",
    "As Grenfell (2017) showed, cladding burns.",
])
def test_an_event_word_is_no_citation_unless_the_text_uses_it_as_a_name(text):
    assert find_citations(CleanText.identity("f", text), known_titles=["Portes"]) == ()
    for named in (" J. Brexit disagrees.", " Brexit, J. disagrees.", " Brexit et al. disagree.", " (Brexit 2019)."):
        word = text.split()[1]
        assert find_citations(CleanText.identity("f", text + named.replace("Brexit", word)), known_titles=["Portes"])


def test_the_words_around_an_event_may_be_in_any_case_the_name_as_written():
    assert used_as_an_event("Post-Brexit, THE BREXIT VOTE", "Brexit", 0)
    # (a word that is no event word, ``_EVENT_WORDS``: "Brexit" is one, an event's name whatever the text says)
    assert not used_as_an_event("the dieselgate scandal, post-dieselgate", "Dieselgate", 0)  # "dieselgate" is another word
    assert not used_as_an_event("the Dieselgaters' scandal", "Dieselgate", 0)


def test_an_essay_on_brexit_reports_only_the_missing_author(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# Migration\n\nSince Brexit (2016), EU nationals have left the care sector, and the post-Brexit labour "
        "market is tight.\nSmith (2016) argues otherwise, and Portes (2016) agrees.\n\n## References\n\n"
        "Portes, J. (2016). Immigration after Brexit. *National Institute Economic Review*, 238(1), R13-R21.\n",
        encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [(f.kind, f.citation) for f in result.findings] == [(Kind.MISSING_REFERENCE, "Smith (2016)")]
