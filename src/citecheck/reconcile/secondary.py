"""APA's secondary source: "(Freud, 1900, as cited in Jones, 2010)" cites the work read, Jones.

The original (Freud) is named for the reader, but only the secondary source is listed: APA 7
(section 8.6) has the reference list give the work the writer read. So an original that no entry
has is no missing reference; one that is listed still matches its entry, and is cited.
"""
from __future__ import annotations

import re

from citecheck.model import Citation

# "as cited in", ABNT's "apud", "zit. n.", "cité par", "citado por" ... (as ``parse.citation_parts.CITED_IN``)
_THROUGH = (r"\s*,?\s*(?:(?:as\s+)?(?:cited|quoted)\s+in|apud|zit\.\s?(?:n\.|nach)|zitiert\s+nach|cit[ée]\s+(?:par|dans)"
            r"|citado\s+(?:por|en|em)|citato\s+in)\s")


def cited_through(citation: Citation) -> bool:
    """The citation names an original read through another work: "as cited in" follows it in its
    parenthesis ("Freud, 1900, as cited in Jones, 2010"), or in a narrative one's year parenthesis
    ("Freud (1900, as cited in Jones, 2010)")."""
    if not citation.group or not citation.names:
        return False
    if citation.narrative:
        return re.match(rf"\([^()]*?{_THROUGH}", citation.group, re.IGNORECASE) is not None
    at = citation.group.find(citation.text)
    return at >= 0 and re.match(_THROUGH, citation.group[at + len(citation.text):], re.IGNORECASE) is not None
