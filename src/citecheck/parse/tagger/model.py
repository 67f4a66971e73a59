"""The shipped reference tagger: load the CRF model from package data and tag token sequences.

``load_tagger()`` reads ``data/reference-tagger.crfsuite``, its ``data/model.json`` (labels,
feature version, training figures) and its weights in our own file (``data/reference-tagger.weights``,
``crf_weights``: the attributes the model knows, which are all the tagger builds, and their weights)
once per process. ``tag`` returns, for each whitespace token of a reference, the most likely label of
its chunk (``features.chunk_spans``) and that label's marginal probability, which the parser turns
into per-field confidences.

Two inferences give the same labels and marginals, bit for bit: the C extension ``_crf`` (a wheel's,
built by setup.py; crfsuite's arithmetic on the weights file, without crfsuite's conversion of each
attribute string, a sixth of a compiled parse) and python-crfsuite, where the extension is not built
(an editable install, a machine without a compiler) or the weights file is not the model's.
"""
from __future__ import annotations

import hashlib
import json
import logging
import struct
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, NamedTuple

from .crf_weights import CrfWeights, WeightsFileError, decode, encode, from_crfsuite
from .dataset import LABELS, split_word
from .errors import TaggerModelError
from .features import FEATURE_VERSION, KnownAttributes, surname_ranks

logger = logging.getLogger(__name__)

MODEL_FILE = "reference-tagger.crfsuite"
META_FILE = "model.json"
WEIGHTS_FILE = "reference-tagger.weights"
INFERENCES = ("auto", "c", "crfsuite")
# (Final: read for every chunk; compiled, a Final constant is read directly, not looked up in the module's dict)
LINK_LABELS: Final = frozenset({"url", "doi"})
MARKUP_OPENERS: Final = frozenset("*_\"“")  # no link starts so


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


# what an inference gives for a sequence's items: each item's label, that label's marginal, and the
# marginal of any label at any item (for the link override of ``_label``)
Inferred = tuple[list[str], list[float], Callable[[str, int], float]]


class ReferenceTagger:
    """A trained CRF over the chunk items of ``features.sequence_items``, fed only the attributes the
    model knows (``weights.attributes``; read from the model when no weights are given).

    ``inference``: "c" (the C extension on ``weights``), "crfsuite" (python-crfsuite on the model
    file), or "auto": "c" where the extension is built and the weights are given, "crfsuite" elsewhere."""

    def __init__(self, model_path: str | Path, meta: dict, weights: CrfWeights | None = None, inference: str = "auto"):
        if meta.get("feature_version") != FEATURE_VERSION:
            raise TaggerModelError(
                f"model was trained on features v{meta.get('feature_version')}, code has v{FEATURE_VERSION}: retrain "
                "with scripts/train_tagger.py"
            )
        if tuple(meta.get("labels", ())) != LABELS:
            raise TaggerModelError("model labels differ from citecheck.parse.tagger.LABELS: retrain")
        if inference not in INFERENCES:
            raise ValueError(f"inference: one of {INFERENCES}, not {inference!r}")
        self.meta = meta
        model_class = _c_model_class()
        if inference == "c" and (model_class is None or weights is None):
            raise TaggerModelError("the C inference needs the _crf extension (a wheel's) and the model's weights file")
        self._tagger: Any = None  # python-crfsuite's Tagger, for that inference
        self._model: Any = None  # the C extension's Model, for that one
        if model_class is not None and weights is not None and inference != "crfsuite":
            self.inference = "c"
            self._model = model_class(weights.labels, {a: i for i, a in enumerate(weights.attributes)},
                                      weights.transitions, weights.state_features)
            self._labels: tuple[str, ...] = weights.labels
            self._label_ids = {label: i for i, label in enumerate(weights.labels)}
            self._infer: Callable[[list[list[bytes]]], Inferred] = self._infer_c
        else:
            self.inference = "crfsuite"
            self._tagger = _crfsuite_tagger(model_path)
            self._labels = tuple(self._tagger.labels())
            self._label_ids = {label: i for i, label in enumerate(self._labels)}
            self._infer = self._infer_crfsuite
        names: tuple[bytes, ...] | list[str] = weights.attributes if weights is not None else model_attributes(self._tagger)
        self._items = KnownAttributes(names).sequence_items

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    def _chunk_labels(self, tokens: list[str] | tuple[str, ...]) -> tuple[list[tuple[int, int]], list[str], list[float]]:
        """The chunks of ``tokens`` (``(start, end)`` token indices), the label the CRF gives each, and
        the marginal probability of that label at the chunk."""
        spans, items = self._items(tokens)
        labels, probabilities, marginal = self._infer(items)  # (new lists, each call)
        for c, (i, _) in enumerate(spans):
            if labels[c] in LINK_LABELS and tokens[i][:1] in MARKUP_OPENERS:
                # no link starts with italics or a quote ("... -150-jahre. *Nordsee-Kurier*."): the
                # likeliest other label
                label = max((y for y in self._labels if y not in LINK_LABELS), key=lambda y: marginal(y, c))
                labels[c], probabilities[c] = label, marginal(label, c)
        return spans, labels, probabilities

    def _label(self, tokens: list[str] | tuple[str, ...]) -> list[tuple[str, float]]:
        """``(label, marginal)`` of each token: its chunk's (``_chunk_labels``)."""
        spans, labels, probabilities = self._chunk_labels(tokens)
        out: list[tuple[str, float]] = []
        for (i, j), label, probability in zip(spans, labels, probabilities):
            out += [(label, probability)] * (j - i)
        return out

    def _infer_c(self, items: list[list[bytes]]) -> Inferred:
        labels, probabilities, every = self._model.tag(items)  # every: items x labels native float64
        size, ids = len(self._labels), self._label_ids
        return labels, probabilities, lambda label, c: struct.unpack_from("d", every, 8 * (c * size + ids[label]))[0]

    def _infer_crfsuite(self, items: list[list[bytes]]) -> Inferred:
        tagger = self._tagger  # one crfsuite Tagger, reused for every sequence
        tagger.set(items)
        labels = tagger.tag()
        marginal = tagger.marginal
        return labels, [marginal(label, c) for c, label in enumerate(labels)], marginal

    def tag_tokens(self, tokens: list[str] | tuple[str, ...]) -> list[tuple[str, float]]:
        """``(label, marginal)`` for each token."""
        if not tokens:
            return []
        return self._label(tokens)

    def tag(self, text: str) -> list[TaggedToken]:
        spans = tokenize(text)
        if not spans:
            return []
        chunks, labels, probabilities = self._chunk_labels([t for t, _, _ in spans])
        new, tagged_token = tuple.__new__, TaggedToken  # what TaggedToken(...) calls, without its Python-level
        out: list[TaggedToken] = []  # __new__ per token (and the class read once, not a global read a token)
        for (i, j), label, p in zip(chunks, labels, probabilities):  # each token takes its chunk's label
            for token, start, end in spans[i:j]:
                out.append(new(tagged_token, (token, start, end, label, p)))
        return out


def model_meta() -> dict:
    data = resources.files("citecheck.parse.tagger").joinpath("data", META_FILE)
    try:
        return json.loads(data.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TaggerModelError(f"tagger model metadata missing: {exc}") from exc


def model_attributes(tagger: Any) -> list[str]:
    """The attributes an opened model has weights for, sorted (crfsuite's dump of the model: about
    0.1 s for the shipped one, hence the weights file shipped beside it, which lists them)."""
    return sorted({attribute for attribute, _ in tagger.info().state_features})


def write_weights(model_path: str | Path, out: str | Path) -> CrfWeights:
    """Write the model's weights file (``crf_weights``; the same bytes for the same model) to ``out``."""
    weights = from_crfsuite(Path(model_path).read_bytes())
    Path(out).write_bytes(encode(weights))
    return weights


def read_weights(path: str | Path, model_path: str | Path) -> CrfWeights | None:
    """The weights ``write_weights`` wrote for the model at ``model_path``; None when the file is
    missing, unreadable or was written for another model."""
    try:
        weights = decode(Path(path).read_bytes())
    except (FileNotFoundError, WeightsFileError):
        return None
    return weights if weights.model_sha256 == _digest(model_path) else None


def _crfsuite_tagger(model_path: str | Path) -> Any:
    """python-crfsuite's Tagger on the model (imported here: the C inference needs none of it, and its
    import is a tenth of a second of the cold start)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    return tagger


def _c_model_class() -> Any:
    """The C extension's ``Model`` class; None where the extension is not built (an editable install)."""
    try:
        from . import _crf
    except ImportError:
        return None
    return _crf.Model


def _digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def load_tagger() -> ReferenceTagger:
    """The shipped tagger (loaded once per process)."""
    meta = model_meta()
    data = resources.files("citecheck.parse.tagger").joinpath("data")
    with resources.as_file(data / MODEL_FILE) as path, resources.as_file(data / WEIGHTS_FILE) as listed:
        if not Path(path).exists():
            raise TaggerModelError(f"tagger model missing: {path}")
        weights = read_weights(listed, path)
        if weights is None:  # still right, by crfsuite and the attributes read from the model (slower)
            logger.warning("%s is missing or not for %s: rewrite it with scripts/train_tagger.py --weights-only",
                           WEIGHTS_FILE, MODEL_FILE)
        tagger = ReferenceTagger(path, meta, weights)
    surname_ranks()  # the features' surname table, read once here rather than at the first tag
    logger.debug("loaded reference tagger (%s; %s inference)", meta.get("trained_on"), tagger.inference)
    return tagger
