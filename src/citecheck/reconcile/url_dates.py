"""The year a news or blog link dates its page by: "/2018/nov/12/", "/2019/09/13/", "/2020/01/historic-...".

Newspapers and most blogs put the day a piece was published into its address. When a citation and its entry
disagree on the year, a link dated with one of the two years is evidence for that side (``year_from_links``):
the entry's own words can be wrong, its link was copied from the page. A year followed by anything but a
month ("/BRIE/2018/621893/") is no date, nor is a file's upload folder ("/wp-content/uploads/2014/08/": the
day a file was put up, not the day the work was published).
"""
from __future__ import annotations

import re

from citecheck.model import Reference

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# a year, then a month as a number or a name ("11", "nov", "november"), then a day, a slug or the end
_DATED_PATH = re.compile(rf"/((?:19|20)\d{{2}})/(?:0?[1-9]|1[0-2]|(?:{_MONTHS})[a-z]*)(?=/|$)", re.IGNORECASE)
_UPLOADS = ("/wp-content/", "/uploads/", "/files/", "/sites/default/")


def link_year(url: str) -> int | None:
    """The year ``url``'s path dates it by, or None (no dated path, or an upload's folder)."""
    lowered = url.lower()
    if any(folder in lowered for folder in _UPLOADS):
        return None
    path = lowered.split("//", 1)[-1].partition("/")[2]
    found = _DATED_PATH.search("/" + path.split("?", 1)[0])
    return int(found.group(1)) if found else None


def year_from_links(reference: Reference) -> tuple[int, str] | None:
    """The year the entry's links date it by, with the link, when they agree on one; else None."""
    dated = [(year, url.url) for url in reference.urls if (year := link_year(url.url)) is not None]
    if not dated or len({year for year, _ in dated}) > 1:
        return None
    return dated[0]
