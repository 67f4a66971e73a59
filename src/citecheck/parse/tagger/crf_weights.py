"""The CRF's weights in a file of our own (``data/reference-tagger.weights``), converted from the
crfsuite model, for the tagger's C inference (``_crf.c``) and the list of attributes it knows.

Why not crfsuite's own dump (``Tagger.info()``): it prints each weight with six decimals, and the
C inference must add the very weights crfsuite adds to give its labels and marginals to the last bit.
So the weights are read from the model file itself (crfsuite's ``crf1d_model.c`` layout: a header, the
labels and the attributes in two CQDB string tables, and an array of features, each a type, a source,
a destination and a float64 weight; state features go from an attribute to a label, transitions from
a label to a label).

The file, little-endian throughout, made only of what the model holds (so the same model gives the
same bytes every time):

    magic     b"CCRFW001"
    sha256    32 bytes: the digest of the crfsuite model file it was converted from
    counts    uint32 labels L, attributes A, state features F
    trans     L*L float64: the weight of (from, to) at from * L + to; 0 where the model has none
    states    F records of (uint32 attribute id, uint32 label id, float64 weight), by attribute then label
    names     the L labels then the A attributes (sorted), UTF-8, each followed by a line feed

An attribute is there only when it has a state feature (the others can change no score); its id is
its place in the sorted list.
"""
from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

MAGIC = b"CCRFW001"
_COUNTS = struct.Struct("<III")
_HEAD = len(MAGIC) + 32 + _COUNTS.size
_STATE_RECORD = struct.Struct("<IId")

# crfsuite's model file (lib/crf/src/crf1d_model.c) and its string tables (lib/cqdb/src/cqdb.c)
_CRFSUITE_HEADER = struct.Struct("<4sI4s9I")
_CRFSUITE_FEATURE = struct.Struct("<IIId")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_CQDB_BYTEORDER = 0x62445371
_STATE, _TRANSITION = 0, 1


class WeightsFileError(ValueError):
    """A weights file (or a crfsuite model) that cannot be read: truncated, another format or version."""


@dataclass(frozen=True)
class CrfWeights:
    """A linear-chain CRF's weights: what the tagger needs of a crfsuite model to tag."""

    model_sha256: str  # the crfsuite model's digest (hex)
    labels: tuple[str, ...]  # by label id, crfsuite's order
    attributes: tuple[bytes, ...]  # sorted; an attribute's id is its place here
    transitions: bytes  # L*L little-endian float64, from-major
    state_features: bytes  # _STATE_RECORD records, by attribute then label


def from_crfsuite(model: bytes) -> CrfWeights:
    """The weights of a crfsuite model file's bytes (raises ``WeightsFileError`` if it is not one)."""
    try:
        magic, _, kind, version, _, num_labels, num_attrs, off_features, off_labels, off_attrs, _, _ = (
            _CRFSUITE_HEADER.unpack_from(model, 0))
        if magic != b"lCRF" or kind != b"FOMC" or version != 100:
            raise WeightsFileError("not a crfsuite CRF1d model")
        labels = [name.decode("utf-8") for name in _cqdb_strings(model, off_labels, num_labels)]
        attrs = _cqdb_strings(model, off_attrs, num_attrs)
        chunk, _, count = struct.unpack_from("<4sII", model, off_features)
        if chunk != b"FEAT":
            raise WeightsFileError("crfsuite model without its feature chunk")
        transitions = [0.0] * (num_labels * num_labels)
        states: dict[tuple[bytes, int], float] = {}
        for kind_, src, dst, weight in _CRFSUITE_FEATURE.iter_unpack(
                model[off_features + 12:off_features + 12 + count * _CRFSUITE_FEATURE.size]):
            if kind_ == _TRANSITION:
                transitions[src * num_labels + dst] = weight
            elif kind_ == _STATE:
                states[attrs[src], dst] = weight
            else:
                raise WeightsFileError(f"crfsuite feature of unknown type {kind_}")
    except (struct.error, IndexError, UnicodeDecodeError) as exc:
        raise WeightsFileError(f"cannot read the crfsuite model: {exc}") from exc
    attributes = tuple(sorted({attr for attr, _ in states}))
    ids = {attr: i for i, attr in enumerate(attributes)}
    records = b"".join(_STATE_RECORD.pack(ids[attr], label, weight)
                       for (attr, label), weight in sorted(states.items(), key=lambda f: (ids[f[0][0]], f[0][1])))
    return CrfWeights(hashlib.sha256(model).hexdigest(), tuple(labels), attributes,
                      struct.pack(f"<{len(transitions)}d", *transitions), records)


def _cqdb_strings(model: bytes, offset: int, count: int) -> list[bytes]:
    """The strings of ids 0 .. count-1 of the CQDB table at ``offset`` (by its id -> record array)."""
    chunk, _, _, byteorder, _, backward = _CQDB_HEADER.unpack_from(model, offset)
    if chunk != b"CQDB" or byteorder != _CQDB_BYTEORDER:
        raise WeightsFileError("crfsuite model with an unreadable string table")
    out = []
    for (record,) in struct.iter_unpack("<I", model[offset + backward:offset + backward + 4 * count]):
        size = struct.unpack_from("<I", model, offset + record + 4)[0]
        start = offset + record + 8
        out.append(model[start:start + size - 1])  # the key ends with a NUL
    if len(out) != count:
        raise WeightsFileError("crfsuite string table shorter than its count")
    return out


def encode(weights: CrfWeights) -> bytes:
    """The weights file's bytes (see the module's docstring)."""
    names = [label.encode("utf-8") for label in weights.labels] + list(weights.attributes)
    if any(b"\n" in name for name in names):
        raise WeightsFileError("a label or attribute with a line break cannot be written one a line")
    return b"".join([
        MAGIC,
        bytes.fromhex(weights.model_sha256),
        _COUNTS.pack(len(weights.labels), len(weights.attributes), len(weights.state_features) // _STATE_RECORD.size),
        weights.transitions,
        weights.state_features,
        b"".join(name + b"\n" for name in names),
    ])


def decode(data: bytes) -> CrfWeights:
    """The weights in a weights file's bytes (raises ``WeightsFileError`` if they are not one's)."""
    if data[:len(MAGIC)] != MAGIC or len(data) < _HEAD:
        raise WeightsFileError("not a citecheck CRF weights file (or another version of it)")
    num_labels, num_attrs, num_states = _COUNTS.unpack_from(data, len(MAGIC) + 32)
    at = _HEAD
    transitions = data[at:at + 8 * num_labels * num_labels]
    at += len(transitions)
    states = data[at:at + _STATE_RECORD.size * num_states]
    at += len(states)
    names = data[at:].split(b"\n")
    if (len(transitions) != 8 * num_labels * num_labels or len(states) != _STATE_RECORD.size * num_states
            or len(names) != num_labels + num_attrs + 1 or names[-1] != b""):
        raise WeightsFileError("truncated CRF weights file")
    try:
        labels = tuple(name.decode("utf-8") for name in names[:num_labels])
    except UnicodeDecodeError as exc:
        raise WeightsFileError(f"CRF weights file with a label that is not UTF-8: {exc}") from exc
    return CrfWeights(data[len(MAGIC):len(MAGIC) + 32].hex(), labels, tuple(names[num_labels:-1]),
                      transitions, states)
