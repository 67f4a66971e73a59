"""The shipped reference tagger: load the CRF model from package data and tag token sequences.

``load_tagger()`` reads ``data/reference-tagger.crfsuite``, its ``data/model.json`` (labels,
feature version, training figures) and the list of the attributes it knows
(``data/reference-tagger.attributes.gz``: the tagger feeds crfsuite those only) once per process. ``tag`` returns, for each
whitespace token of a reference, the most likely label of its chunk (``features.chunk_spans``)
and that label's marginal probability, which the parser turns into per-field confidences.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

from .dataset import LABELS, split_word
from .errors import TaggerModelError
from .features import FEATURE_VERSION, KnownAttributes, surname_ranks

logger = logging.getLogger(__name__)

MODEL_FILE = "reference-tagger.crfsuite"
META_FILE = "model.json"
ATTRIBUTES_FILE = "reference-tagger.attributes.gz"
LINK_LABELS = frozenset({"url", "doi"})
MARKUP_OPENERS = frozenset("*_\"“")  # no link starts so


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
    """A trained CRF over the chunk items of ``features.sequence_items``, fed only the attributes the
    model knows (``attributes``: the model's, as ``model_attributes`` reads them; read from the model
    when not given)."""

    def __init__(self, model_path: str | Path, meta: dict, attributes: Iterable[str] | None = None):
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
        self._labels = tuple(self._tagger.labels())
        self._items = KnownAttributes(model_attributes(self._tagger) if attributes is None else attributes).sequence_items

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    def _label(self, tokens: list[str] | tuple[str, ...]) -> list[tuple[str, float]]:
        """``(label, marginal)`` of each token: the label crfsuite gives its chunk, and the marginal
        probability of that label at the chunk."""
        tagger = self._tagger  # one crfsuite Tagger, reused for every sequence
        spans, items = self._items(tokens)
        tagger.set(items)
        marginal = tagger.marginal
        out: list[tuple[str, float]] = []
        for c, ((i, j), label) in enumerate(zip(spans, tagger.tag())):
            if label in LINK_LABELS and tokens[i][:1] in MARKUP_OPENERS:
                # no link starts with italics or a quote ("... -150-jahre. *Nordsee-Kurier*."): the
                # likeliest other label
                label = max((y for y in self._labels if y not in LINK_LABELS), key=lambda y: marginal(y, c))
            out += [(label, marginal(label, c))] * (j - i)
        return out

    def tag_tokens(self, tokens: list[str] | tuple[str, ...]) -> list[tuple[str, float]]:
        """``(label, marginal)`` for each token."""
        if not tokens:
            return []
        return self._label(tokens)

    def tag(self, text: str) -> list[TaggedToken]:
        spans = tokenize(text)
        if not spans:
            return []
        labelled = self._label([t for t, _, _ in spans])
        new = tuple.__new__  # what TaggedToken(...) calls, without its Python-level __new__ per token
        return [new(TaggedToken, (token, start, end, label, p)) for (token, start, end), (label, p) in zip(spans, labelled)]


def model_meta() -> dict:
    data = resources.files("citecheck.parse.tagger").joinpath("data", META_FILE)
    try:
        return json.loads(data.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TaggerModelError(f"tagger model metadata missing: {exc}") from exc


def model_attributes(tagger: pycrfsuite.Tagger) -> list[str]:
    """The attributes an opened model has weights for, sorted (crfsuite's dump of the model: about
    0.1 s for the shipped one, hence the list shipped beside it)."""
    return sorted({attribute for attribute, _ in tagger.info().state_features})


def write_attributes(model_path: str | Path, out: str | Path) -> int:
    """Write the model's attributes (``model_attributes``) to ``out``, gzipped, one a line after a
    line with the model file's SHA-256 (``read_attributes`` refuses the list for another model); how many."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    attributes = model_attributes(tagger)
    tagger.close()
    if any("\n" in a for a in attributes):
        raise ValueError("an attribute with a line break cannot be written one a line")
    text = f"# sha256 {_digest(model_path)}\n" + "".join(f"{a}\n" for a in attributes)
    Path(out).write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))  # mtime 0: the same bytes every time
    return len(attributes)


def read_attributes(path: str | Path, model_path: str | Path) -> list[str] | None:
    """The attributes ``write_attributes`` wrote for the model at ``model_path``; None when the file is
    missing or was written for another model."""
    try:
        lines = gzip.decompress(Path(path).read_bytes()).decode("utf-8").splitlines()
    except FileNotFoundError:
        return None
    if not lines or lines[0] != f"# sha256 {_digest(model_path)}":
        return None
    return lines[1:]


def _digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def load_tagger() -> ReferenceTagger:
    """The shipped tagger (loaded once per process)."""
    meta = model_meta()
    data = resources.files("citecheck.parse.tagger").joinpath("data")
    with resources.as_file(data / MODEL_FILE) as path, resources.as_file(data / ATTRIBUTES_FILE) as listed:
        if not Path(path).exists():
            raise TaggerModelError(f"tagger model missing: {path}")
        attributes = read_attributes(listed, path)
        if attributes is None:  # still right, read from the model (slower)
            logger.warning("%s is missing or not for %s: rewrite it with scripts/train_tagger.py --attributes-only",
                           ATTRIBUTES_FILE, MODEL_FILE)
        tagger = ReferenceTagger(path, meta, attributes)
    surname_ranks()  # the features' surname table, read once here rather than at the first tag
    logger.debug("loaded reference tagger (%s)", meta.get("trained_on"))
    return tagger
