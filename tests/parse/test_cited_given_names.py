"""A sole author of two given names, "Hugh Craig", kept whole as a literal by the name parser, is the person
Craig, Hugh when the body cites the entry by the last word alone with its year, "(Craig 2004)"."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import Name
from citecheck.pipeline import check

ENTRY = ('Hugh Craig. 2004. "Stylistic Analysis and Authorship Studies." In A Companion to Digital Humanities, '
         'edited by Susan Schreibman. Oxford: Blackwell.')
OTHERS = ("Burrows, John. 2002. \"Delta: A Measure of Stylistic Difference.\" Literary and Linguistic Computing "
          "17 (3): 267–87.")


def _first_author(tmp_path, body: str, entry: str = ENTRY) -> Name:
    doc = tmp_path / "essay.md"
    doc.write_text(f"{body}\n\n## References\n\n{entry}\n\n{OTHERS}\n", encoding="utf-8")
    result = check([str(doc)], Settings())
    return next(r for r in result.references if r.title.startswith(("Stylistic", "Claire"))).authors[0]


@pytest.mark.parametrize("body", ["Stylometry has a history (Craig 2004), and more (Burrows 2002).",
                                  "Craig (2004) and Burrows (2002) agree.", "As shown (see Craig, 2004, p. 3; Burrows 2002)."])
def test_a_given_name_pair_cited_by_its_last_word_is_a_person(tmp_path, body):
    name = _first_author(tmp_path, body)
    assert (name.family, name.given, name.literal) == ("Craig", "Hugh", "")


@pytest.mark.parametrize("body", ["Stylometry has a history (Burrows 2002).",  # not cited: no evidence
                                  "Stylometry has a history (Craig 2005; Burrows 2002).",  # another year
                                  "Hugh Craig (2004) and Burrows (2002) agree."])  # cited whole: either reading
def test_without_a_citation_of_the_last_word_alone_it_stays_as_written(tmp_path, body):
    assert _first_author(tmp_path, body).literal == "Hugh Craig"



def test_the_citation_must_name_the_last_word_alone_with_the_year():
    from citecheck.parse.cited_given_names import _cited_by

    assert _cited_by("(Craig 2004a)", "Hugh", "Craig", "2004a") and not _cited_by("(Craig 2004a)", "Hugh", "Craig", "2004")
    assert not _cited_by("(Craig et al. 2004)", "Hugh", "Craig", "2004")
    assert not _cited_by("Hugh Craig, 2004", "Hugh", "Craig", "2004")
