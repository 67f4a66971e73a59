"""An offline prior from surname frequencies: the 1990 US Census surname list.

If a citation says "Zuagg" and the bibliography says "Zaugg", and Zaugg is a surname
about 0.28 in 100,000 Americans carry while Zuagg is not on the list at all, the typo
is more likely on the citation side. This is a prior about names in general, not about
this author: it is capped so that direct evidence (the cited page's byline, Crossref)
can outweigh it.
"""
from __future__ import annotations

import functools
import gzip
import logging
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations

from citecheck.model import Evidence, Reference

from .evidence import differing_words, is_personal_surname

log = logging.getLogger(__name__)

DATA_FILE = "surnames-us-census-1990.tsv.gz"
SOURCE_LABEL = "US Census 1990 surname list"


@dataclass(frozen=True)
class SurnameEntry:
    rank: int
    per_100k: float

    def describe(self) -> str:
        return f"rank {self.rank:,}, about {self.per_100k:.2g} per 100,000 people"


class SurnameFrequencies:
    """Upper-case surname -> (rank, frequency per 100,000), loaded once per process."""

    def __init__(self, entries: Mapping[str, SurnameEntry]) -> None:
        if not entries:
            raise ValueError("a surname table needs at least one name")
        self._entries = dict(entries)
        self.floor = min(e.per_100k for e in self._entries.values())

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> "SurnameFrequencies":
        """Parse ``NAME<TAB>per_100k`` lines in rank order; ``#`` lines are comments."""
        entries: dict[str, SurnameEntry] = {}
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            name, per_100k = line.rstrip("\n").split("\t")
            entries.setdefault(name, SurnameEntry(rank=len(entries) + 1, per_100k=float(per_100k)))
        return cls(entries)

    @classmethod
    @functools.cache
    def bundled(cls) -> "SurnameFrequencies":
        """The census list shipped in ``citecheck/resolve/data`` (read on first use, then cached)."""
        data = resources.files("citecheck.resolve").joinpath("data", DATA_FILE)
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="ascii") as text:
            table = cls.from_lines(text)
        log.debug("loaded %d surnames from %s", len(table), DATA_FILE)
        return table

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def lookup(self, word: str) -> SurnameEntry | None:
        return self._entries.get(word.upper())


@dataclass(frozen=True)
class SurnameFrequencyPrior:
    """Evidence source: which candidate spelling is the commoner US surname.

    A listed name against an unlisted one weighs ``listed_base`` plus half the log ratio
    of its frequency to the rarest listed name, up to ``cap``; two listed names weigh
    their log frequency ratio, up to ``cap``. Names absent from both sides say nothing.
    Hyphenated and multi-word names are compared word by word; organisations and
    titles used as authors are skipped.
    """

    frequencies: SurnameFrequencies | None = field(default=None, repr=False)  # None: the bundled list
    listed_base: float = 2.0
    cap: float = 3.0
    name: str = "surname frequency (US Census 1990)"

    def weigh(self, candidates: Sequence[str], reference: Reference) -> Sequence[Evidence]:
        if not is_personal_surname(candidates, reference):
            return ()
        table = self.frequencies if self.frequencies is not None else SurnameFrequencies.bundled()
        found = []
        for first, second in combinations(dict.fromkeys(candidates), 2):
            for word_a, word_b in differing_words(first, second) or ():
                evidence = self._compare(table, first, word_a, second, word_b)
                if evidence is not None:
                    found.append(evidence)
        return tuple(found)

    def _compare(
        self, table: SurnameFrequencies, first: str, word_a: str, second: str, word_b: str
    ) -> Evidence | None:
        entry_a, entry_b = table.lookup(word_a), table.lookup(word_b)
        if entry_a is None and entry_b is None:
            return None
        if entry_a is None or entry_b is None:
            winner, word_w, entry, word_l = (
                (first, word_a, entry_a, word_b) if entry_a else (second, word_b, entry_b, word_a)
            )
            weight = min(self.cap, self.listed_base + 0.5 * math.log(entry.per_100k / table.floor))
            detail = (
                f"{SOURCE_LABEL}: {word_w} is listed ({entry.describe()}), {word_l} is not "
                f"(the list covers about 90% of the 1990 US population, so {word_l} is rare or absent there)"
            )
            return Evidence(source=self.name, detail=detail, supports=winner, weight=round(weight, 3))
        if entry_a.per_100k == entry_b.per_100k:
            return None
        (winner, word_w, entry_w), (_, word_l, entry_l) = sorted(
            ((first, word_a, entry_a), (second, word_b, entry_b)), key=lambda t: -t[2].per_100k
        )
        ratio = entry_w.per_100k / entry_l.per_100k
        weight = min(self.cap, math.log(ratio))
        detail = (
            f"{SOURCE_LABEL}: {word_w} ({entry_w.describe()}) is {ratio:,.1f} times as common as "
            f"{word_l} ({entry_l.describe()}); log ratio {math.log(ratio):.2f}, capped at {self.cap:g}"
        )
        return Evidence(source=self.name, detail=detail, supports=winner, weight=round(weight, 3))
