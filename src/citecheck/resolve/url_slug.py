"""Evidence from the reference's own URLs: a byline often sits in the address.

"usnews.com/news/blogs/rick-newman/2013/..." spells the author "Newman". A candidate
counts as present when its words appear as whole, consecutive words of the URL (split
on anything that is not a letter or digit), so "Kin" is not found inside "thinking".
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from citecheck.model import Evidence, Reference

from .evidence import surname_words

_URL_WORDS = re.compile(r"[^0-9A-Za-z\u00c0-\uffff]+")


def url_words(url: str) -> tuple[str, ...]:
    """The words of a URL as upper-case ASCII, in order ("rick-newman" -> "RICK", "NEWMAN")."""
    words: list[str] = []
    for part in _URL_WORDS.split(unquote(url)):
        words.extend(surname_words(part))
    return tuple(words)


def _contains(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class UrlNameEvidence:
    """Evidence source: a candidate spelling that appears in the reference's URL(s)."""

    weight: float = 3.0
    name: str = "reference URL"

    def weigh(self, candidates: Sequence[str], reference: Reference) -> Sequence[Evidence]:
        urls = tuple(dict.fromkeys(self._urls(reference)))
        present: dict[str, str] = {}
        for candidate in dict.fromkeys(candidates):
            wanted = surname_words(candidate)
            hit = next((u for u in urls if wanted and _contains(url_words(u), wanted)), None)
            if hit is not None:
                present[candidate] = hit
        if not present or len(present) == len(set(candidates)):
            return ()  # nothing found, or every spelling is there: the URL cannot choose
        return tuple(
            Evidence(
                source=self.name,
                detail=f'the reference\'s URL spells it "{candidate}": {url}',
                supports=candidate,
                weight=self.weight,
            )
            for candidate, url in present.items()
        )

    @staticmethod
    def _urls(reference: Reference) -> Iterator[str]:
        for url in reference.urls:
            yield url.url
            if url.snapshot is not None:
                yield url.snapshot.original
