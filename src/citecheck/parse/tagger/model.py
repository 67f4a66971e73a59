"""The shipped reference tagger: load the CRF model from package data and tag token sequences.

``load_tagger()`` reads ``data/reference-tagger.crfsuite`` and its ``data/model.json``
(labels, feature version, training figures) once per process. ``tag`` returns, for each
whitespace token of a reference, the most likely label and that label's marginal
probability, which the parser turns into per-field confidences.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

from .dataset import LABELS, split_word
from .features import FEATURE_VERSION, sequence_items, surname_ranks

logger = logging.getLogger(__name__)

MODEL_FILE = "reference-tagger.crfsuite"
META_FILE = "model.json"


class TaggerModelError(RuntimeError):
    """The shipped model is missing or was trained for other features or labels."""


class TaggedToken(NamedTuple):
    """One tagged token (a named tuple: built for every token of every reference, so it is cheap to make)."""

    token: str
    start: int  # offset of the token in the tagged text
    end: int
    label: str
    confidence: float  # marginal probability of ``label`` at this token


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` with their offsets: whitespace words, cut as ``dataset.split_word`` cuts them."""
    out: list[tuple[str, int, int]] = []
    at = 0
    for word in text.split():  # the runs of r"\S+"
        at = text.find(word, at)  # only whitespace comes before it
        if ";" not in word and ":" not in word:  # split_word keeps it whole (the common case)
            out.append((word, at, at + len(word)))
            at += len(word)
            continue
        for piece in split_word(word):
            out.append((piece, at, at + len(piece)))
            at += len(piece)
    return out


class ReferenceTagger:
    """A trained CRF over the features of ``features.sequence_features``."""

    def __init__(self, model_path: str | Path, meta: dict):
        if meta.get("feature_version") != FEATURE_VERSION:
            raise TaggerModelError(
                f"model was trained on features v{meta.get('feature_version')}, code has v{FEATURE_VERSION}: retrain "
                "with scripts/train_tagger.py"
            )
        if tuple(meta.get("labels", ())) != LABELS:
            raise TaggerModelError("model labels differ from citecheck.parse.tagger.LABELS: retrain")
        self.meta = meta
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._tagger.labels())

    def _label(self, tokens: list[str] | tuple[str, ...]) -> list[str]:
        """The most likely label of each token; ``self._tagger.marginal`` then reads this sequence."""
        tagger = self._tagger  # one crfsuite Tagger, reused for every sequence
        tagger.set(sequence_items(tokens))  # the attributes of sequence_features, pre-encoded
        return tagger.tag()

    def tag_tokens(self, tokens: list[str] | tuple[str, ...]) -> list[tuple[str, float]]:
        """``(label, marginal)`` for each token."""
        if not tokens:
            return []
        marginal = self._tagger.marginal
        return [(label, marginal(label, i)) for i, label in enumerate(self._label(tokens))]

    def tag(self, text: str) -> list[TaggedToken]:
        spans = tokenize(text)
        if not spans:
            return []
        labels = self._label([t for t, _, _ in spans])
        marginal = self._tagger.marginal
        return [
            TaggedToken(token, start, end, label, marginal(label, i))
            for i, ((token, start, end), label) in enumerate(zip(spans, labels))
        ]


def model_meta() -> dict:
    data = resources.files("citecheck.parse.tagger").joinpath("data", META_FILE)
    try:
        return json.loads(data.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TaggerModelError(f"tagger model metadata missing: {exc}") from exc


@lru_cache(maxsize=1)
def load_tagger() -> ReferenceTagger:
    """The shipped tagger (loaded once per process)."""
    meta = model_meta()
    data = resources.files("citecheck.parse.tagger").joinpath("data", MODEL_FILE)
    with resources.as_file(data) as path:
        if not Path(path).exists():
            raise TaggerModelError(f"tagger model missing: {path}")
        tagger = ReferenceTagger(path, meta)
    surname_ranks()  # the features' surname table, read once here rather than at the first tag
    logger.debug("loaded reference tagger (%s)", meta.get("trained_on"))
    return tagger
