"""Labelled reference strings in AnyStyle's XML form, read into token/label sequences.

AnyStyle (and this project's own web-reference set) write one ``<sequence>`` per reference,
each child element a labelled span with its punctuation kept inside::

    <sequence style="eir">
      <author>Barr, Heather.</author>
      <date>(2019).</date>
      <title>China's Bride Trafficking Problem</title>
      ...
    </sequence>

Spans are split at whitespace into tokens, each token taking its span's label. AnyStyle's
labels are folded into the smaller set the parser uses (``LABEL_MAP``); an unknown label
becomes ``note``. Reading is pure: the caller passes the XML text.
"""
from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

# The tagger's labels, in a fixed order (the model's metadata repeats it).
LABELS = (
    "author", "editor", "date", "title", "container", "collection", "publisher", "location", "volume",
    "pages", "edition", "url", "doi", "isbn", "genre", "note", "number",
)
LABEL_MAP = {
    "author": "author",
    "editor": "editor",
    "translator": "editor",
    "director": "editor",
    "producer": "editor",
    "date": "date",
    "title": "title",
    "journal": "container",
    "container-title": "container",
    "source": "container",
    "collection-title": "collection",
    "publisher": "publisher",
    "location": "location",
    "volume": "volume",
    "pages": "pages",
    "edition": "edition",
    "url": "url",
    "doi": "doi",
    "isbn": "isbn",
    "genre": "genre",
    "medium": "genre",
    "note": "note",
    "citation-number": "number",
}
LABEL_MAP.update({label: label for label in LABELS})  # the project's own sets use the folded labels


@dataclass(frozen=True)
class LabelledReference:
    """One labelled reference: its tokens, one label per token, and where it came from."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]
    source: str = ""  # the data set ("anystyle-core", "web") it was read from
    style: str = ""  # the style attribute of the sequence, when the set gives one

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def spans(self) -> list[tuple[str, str]]:
        """``(label, text)`` for each run of tokens with one label, in order."""
        return label_runs(self.tokens, self.labels)


_SUBSPLIT = re.compile(r"(?<=[;:])(?=[\w(])")


def split_word(word: str) -> list[str]:
    """A whitespace word cut after ``;`` or ``:`` inside it ("2000;355(9222):2220-1." -> three
    tokens, as Vancouver writes them), except in URLs, DOIs and other identifiers."""
    if ";" not in word and ":" not in word:  # nothing to cut (the common case)
        return [word] if word else []
    if "/" in word or word.lower().startswith(("doi", "isbn", "urn", "http", "www", "<")):
        return [word]
    return [piece for piece in _SUBSPLIT.split(word) if piece]


def label_runs(tokens, labels) -> list[tuple[str, str]]:
    runs: list[tuple[str, list[str]]] = []
    for token, label in zip(tokens, labels):
        if runs and runs[-1][0] == label:
            runs[-1][1].append(token)
        else:
            runs.append((label, [token]))
    return [(label, " ".join(words)) for label, words in runs]


def read_sequences(xml_text: str, source: str = "") -> list[LabelledReference]:
    """Every ``<sequence>`` of an AnyStyle-style XML document, in document order."""
    root = ET.fromstring(xml_text)
    out: list[LabelledReference] = []
    for seq in root.iter("sequence"):
        tokens: list[str] = []
        labels: list[str] = []
        for child in seq:
            label = LABEL_MAP.get(child.tag, "note")
            words = [piece for word in "".join(child.itertext()).split() for piece in split_word(word)]
            tokens.extend(words)
            labels.extend([label] * len(words))
        if tokens:
            out.append(LabelledReference(tuple(tokens), tuple(labels), source, seq.get("style", "")))
    return out


def is_held_out(ref: LabelledReference, percent: int = 20) -> bool:
    """The fixed evaluation split: a stable hash of the reference text, independent of order."""
    digest = hashlib.sha1(ref.text.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < percent
