"""An in-text citation such as "(Zuagg, 2019)" or "Yoon (2019) argues"."""
from __future__ import annotations

from dataclasses import dataclass

from .span import Span


@dataclass(frozen=True)
class CitedName:
    """One author name as written in a citation, with the exact place of its letters."""

    text: str
    span: Span


# the key of a citation LaTeX printed as "?" ("(?)", "[1, ?]"): its key was undefined when the document was made
UNRESOLVED_KEY = "?"


@dataclass(frozen=True)
class Citation:
    """A single citation: author-date (one of possibly several in a parenthesis), or by key.

    ``text`` is the citation as written ("Haerens, 2012, p 16"), whitespace and
    removed page headers folded. ``names`` are the cited author names in order (a
    title used as author is one name with ``title_as_author``). ``group`` is the
    whole parenthetical the citation sits in, for context.
    """

    text: str
    span: Span
    names: tuple[CitedName, ...]
    year: int | None = None
    year_suffix: str = ""
    no_date: bool = False
    etal: bool = False
    locator: str = ""
    narrative: bool = False
    title_as_author: bool = False
    group: str = ""
    key: str = ""  # a key-based citation ([@key], \cite{key}): matched by key, ``names`` empty
    # a reference manager's placeholder, EndNote's unformatted "{Smith, 2019 #12}": it names the first author only,
    # whatever the style will print, so how many authors it names is no finding
    placeholder: bool = False

    @property
    def name_texts(self) -> tuple[str, ...]:
        return tuple(n.text for n in self.names)

    @property
    def year_label(self) -> str:
        if self.no_date:
            return "n.d." + self.year_suffix
        if self.year is None:
            return ""
        return f"{self.year}{self.year_suffix}"
