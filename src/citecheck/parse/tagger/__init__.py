"""A CRF reference-string tagger (python-crfsuite), trained on AnyStyle's labelled references
(BSD-2-Clause, see data/NOTICE) and the project's own web-reference set.

``load_tagger().tag(text)`` labels each whitespace token of a reference string (author,
date, title, container, publisher, ...), chunk by chunk, with a marginal probability; ``fields`` turns the
labels into typed field values. Retrain with ``scripts/train_tagger.py``.
"""
from .dataset import LABELS, LabelledReference, is_held_out, read_sequences
from .features import FEATURE_VERSION, chunk_spans, sequence_items
from .errors import TaggerModelError
from .model import ReferenceTagger, TaggedToken, load_tagger, tokenize

__all__ = [
    "FEATURE_VERSION",
    "LABELS",
    "LabelledReference",
    "ReferenceTagger",
    "TaggedToken",
    "TaggerModelError",
    "is_held_out",
    "load_tagger",
    "read_sequences",
    "chunk_spans",
    "sequence_items",
    "tokenize",
]
