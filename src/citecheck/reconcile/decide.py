"""Turn evidence about candidate spellings into a decision with a confidence.

Each candidate's score is the sum of the weights (log-odds) of the evidence that
supports it; a softmax over the scores gives the probabilities. Evidence that supports
no candidate (or weighs 0) only informs. With no weighted evidence at all the
candidates tie at equal probability and the ``default`` is the leaning side, flagged
as a tie so the message can say that nothing decided it.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.model import Evidence

from .normalize import match_key


@dataclass(frozen=True)
class Decision:
    candidates: tuple[str, ...]
    scores: tuple[float, ...]  # summed log-odds per candidate
    probabilities: tuple[float, ...]
    winner: str
    confidence: float  # probability of the winner
    tied: bool  # no candidate scored higher than the others: the winner is the default

    def probability(self, candidate: str) -> float:
        return self.probabilities[self.candidates.index(candidate)]


def decide(candidates: Sequence[str], evidence: Sequence[Evidence], default: str) -> Decision:
    """Weigh ``evidence`` for ``candidates`` (``default`` must be one of them)."""
    names = tuple(candidates)
    if default not in names:
        raise ValueError(f"default {default!r} is not a candidate")
    scores = [0.0] * len(names)
    for item in evidence:
        index = _index_of(item.supports, names)
        if index is not None:
            scores[index] += item.weight
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    probabilities = tuple(e / total for e in exps)
    leaders = [i for i, s in enumerate(scores) if s == top]
    tied = len(leaders) > 1
    winner_index = names.index(default) if tied and names.index(default) in leaders else leaders[0]
    return Decision(
        candidates=names,
        scores=tuple(round(s, 6) for s in scores),
        probabilities=probabilities,
        winner=names[winner_index],
        confidence=probabilities[winner_index],
        tied=tied,
    )


def _index_of(supported: str | None, names: tuple[str, ...]) -> int | None:
    if supported is None:
        return None
    if supported in names:
        return names.index(supported)
    keys = [match_key(n) for n in names]
    key = match_key(supported)
    return keys.index(key) if key in keys else None
