"""A weak evidence source: which spelling looks more like a surname.

A character 4-gram model with Witten-Bell interpolation, trained on the 88,799 names of
the 1990 US Census list (each name once; the counts are precomputed into ``data/`` by
scripts/build_surname_prior.py so loading stays fast), scores each spelling as a whole word. It knows
that "-ens" endings and "ZA" starts are ordinary, and that "ZUAGG" has an odd cluster;
it knows nothing about the person cited, so its weight is scaled down and capped.
"""
from __future__ import annotations

import functools
import gzip
import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations

from citecheck.model import Evidence, Reference

from .evidence import differing_words, is_personal_surname

log = logging.getLogger(__name__)

START, END = "^", "$"
ORDER = 4
GRAMS_FILE = "surname-4grams-us-census-1990.tsv.gz"  # built by scripts/build_surname_prior.py


def count_top_grams(words: Iterable[str], order: int = ORDER) -> Counter[str]:
    """Counts of the full-order grams of each word padded as ``^^^WORD$`` (each word once)."""
    pad = START * (order - 1)
    grams: Counter[str] = Counter()
    for word in words:
        padded = pad + word + END
        grams.update(padded[i : i + order] for i in range(len(padded) - order + 1))
    return grams


class CharNgramModel:
    """An interpolated (Witten-Bell) character n-gram model over upper-case words."""

    def __init__(self, grams: Counter[str], order: int) -> None:
        self.order = order
        self._grams = grams
        contexts: Counter[str] = Counter()
        followers: Counter[str] = Counter()
        for gram, count in grams.items():
            contexts[gram[:-1]] += count
            followers[gram[:-1]] += 1
        self._contexts = contexts
        self._followers = followers
        self._alphabet = len({g for g in grams if len(g) == 1}) + 1  # + one unseen letter

    @classmethod
    def from_counts(cls, top_grams: Mapping[str, int], order: int = 4) -> "CharNgramModel":
        """A model from full-order gram counts ("^^^S": 2, "SMIT": 1 ...).

        Words are padded with ``order - 1`` start marks, so every predicted character
        ends exactly one full-order gram, and the lower-order counts are its suffixes.
        """
        grams: Counter[str] = Counter()
        for gram, count in top_grams.items():
            if len(gram) != order:
                raise ValueError(f"gram {gram!r} is not of order {order}")
            for k in range(1, order + 1):
                grams[gram[-k:]] += count
        return cls(grams, order)

    @classmethod
    def train(cls, words: Iterable[str], order: int = 4) -> "CharNgramModel":
        return cls.from_counts(count_top_grams(words, order), order)

    @classmethod
    @functools.cache
    def bundled(cls) -> "CharNgramModel":
        """The model of the census surnames, from the precomputed counts (read once, cached)."""
        data = resources.files("citecheck.resolve").joinpath("data", GRAMS_FILE)
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="ascii") as text:
            counts = dict(
                (gram, int(count))
                for gram, count in (line.rstrip("\n").split("\t") for line in text if not line.startswith("#"))
            )
        model = cls.from_counts(counts, ORDER)
        log.debug("loaded a %d-gram surname model: %d grams", ORDER, len(counts))
        return model

    def _prob(self, history: str, char: str) -> float:
        probability = (self._grams[char] + 1) / (self._contexts[""] + self._alphabet)
        for k in range(1, len(history) + 1):
            context = history[-k:]
            seen = self._contexts[context]
            if not seen:
                break
            kinds = self._followers[context]
            probability = (self._grams[context + char] + kinds * probability) / (seen + kinds)
        return probability

    def log_likelihood(self, word: str) -> float:
        """Natural log probability of ``word`` (upper-case letters) as a whole surname."""
        padded = START * (self.order - 1) + word + END
        return sum(
            math.log(self._prob(padded[i - self.order + 1 : i], padded[i]))
            for i in range(self.order - 1, len(padded))
        )


@dataclass(frozen=True)
class SpellingShape:
    """Evidence source: the spelling a surname-shape model finds likelier (weak, capped)."""

    model: CharNgramModel | None = field(default=None, repr=False)  # None: the bundled census model
    scale: float = 0.3
    cap: float = 1.0
    name: str = "spelling shape (character 4-grams of US surnames)"

    def weigh(self, candidates: Sequence[str], reference: Reference) -> Sequence[Evidence]:
        if not is_personal_surname(candidates, reference):
            return ()
        model = self.model if self.model is not None else CharNgramModel.bundled()
        found = []
        for first, second in combinations(dict.fromkeys(candidates), 2):
            for word_a, word_b in differing_words(first, second) or ():
                found.append(self._compare(model, first, word_a, second, word_b))
        return tuple(e for e in found if e is not None)

    def _compare(self, model: CharNgramModel, first: str, word_a: str, second: str, word_b: str) -> Evidence | None:
        score_a, score_b = model.log_likelihood(word_a), model.log_likelihood(word_b)
        if score_a == score_b:
            return None
        (winner, word_w, score_w), (_, word_l, score_l) = sorted(
            ((first, word_a, score_a), (second, word_b, score_b)), key=lambda t: -t[2]
        )
        weight = min(self.cap, self.scale * (score_w - score_l))
        detail = (
            f"{word_w} looks more like a surname than {word_l} to a character 4-gram model of the "
            f"US Census 1990 names (log-likelihood {score_w:.2f} vs {score_l:.2f}); weak evidence: "
            f"it says how names are usually spelled, nothing about this author "
            f"(weight {self.scale:g} x difference, capped at {self.cap:g})"
        )
        return Evidence(source=self.name, detail=detail, supports=winner, weight=round(weight, 3))
