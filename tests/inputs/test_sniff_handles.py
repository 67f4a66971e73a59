"""A ``[@handle]`` in a written-out reference list is no pandoc citation (APA 7's social-media entries)."""
from __future__ import annotations

import pytest

from citecheck.inputs import sniff_format
from citecheck.inputs.sniff import is_pandoc

TWEET = "Obama, B. [@BarackObama]. (2020, March 3). *Wash your hands* [Tweet]. Twitter. https://twitter.com/x/status/1"


def test_an_apa_handle_under_a_references_heading_is_not_pandoc():
    text = f"# Essay\n\nAdvice went viral (Obama, 2020).\n\n## References\n\n{TWEET}\n\nSmith, J. (2019). *Survey*. Pew.\n"
    assert sniff_format("essay.md", text) == "markdown"
    assert sniff_format("-", text) == "text"


@pytest.mark.parametrize("entry", [
    TWEET,  # the handle then the date
    "- Gates, B. [@BillGates]. (n.d.). *Tweets* [Twitter profile]. Twitter.",
    "1. NASA [@NASA]. (2021, February 18). *Touchdown* [Tweet].",
    "Obama, B. [@BarackObama]. *Wash your hands* [Tweet]. 2020.",  # after an inverted name, no date next
])
def test_a_handle_after_an_author_is_not_a_citation_even_without_a_heading(entry):
    assert not is_pandoc(f"Advice went viral.\n\n{entry}\n")


@pytest.mark.parametrize("text", [
    "As [@lee01] says.\n\n# References\n",  # pandoc's empty references section at the end
    "As shown [@lee01].\n\n## References\n\n::: {#refs}\n:::\n",
    "Lee argues so [@lee01]. More text.\n",
    "See [@a; @b, p. 3].\n\n## References\n\nObama, B. [@BarackObama]. (2020). *Tweet*.\n",
    "## References\n\nLee, A. (2001). *Book*.\n\n# Discussion\n\nAs [@lee01] says.\n",  # cited after the list
])
def test_genuine_pandoc_citations_still_make_pandoc(text):
    assert is_pandoc(text)
