"""The fix for authors cited in another order than their entry lists them: "Garcia and Olsen (2014)" for
"Olsen, H., & Garcia, M. (2014)" becomes "Olsen and Garcia (2014)", the citation's own "and" or "&" kept.

Which side is wrong cannot be known offline (the list may have the order wrong, as a citation copied
from memory usually has), so the fix is shown for review, not applied.
"""
from __future__ import annotations

from citecheck.model import Citation, Fix, Reference, Target

from .listed import fits, listed_names

CONFIDENCE = 0.5  # for review: the entry's order may be the wrong one


def order_fix(citation: Citation, reference: Reference) -> Fix | None:
    """The citation's names, as written with their separators, in the entry's order; None when they cannot
    be found in the citation's text one after another, or do not each fit a listed author."""
    listed = listed_names(reference)
    places: list[int] = []
    for name in citation.names:
        place = next((i for i, entry in enumerate(listed) if i not in places and fits(name.text, entry)), None)
        if place is None:
            return None
        places.append(place)
    text, at, starts = citation.text, 0, []
    for name in citation.names:
        found = text.find(name.text, at)
        if found < 0:
            return None
        starts.append(found)
        at = found + len(name.text)
    names = [n.text for n in citation.names]
    separators = [text[starts[i] + len(names[i]) : starts[i + 1]] for i in range(len(names) - 1)]
    ordered = [name for _, name in sorted(zip(places, names))]
    after = ordered[0] + "".join(sep + name for sep, name in zip(separators, ordered[1:]))
    before = text[starts[0] : at]
    if after == before:
        return None
    return Fix(target=Target.CITATION, field="authors", before=before, after=after, locations=(citation.span,),
               reference=reference.key, confidence=CONFIDENCE)
