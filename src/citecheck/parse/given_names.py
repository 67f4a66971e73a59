"""Given names: the US Census Bureau's 1990 first names (public domain), bundled as
``data/given-names-us-census-1990.tsv.gz`` (built by ``scripts/build_given_names.py``), and the first
names of Faker's other locales (MIT), ``data/given-names-world.txt.gz`` (``scripts/build_world_given_names.py``).

A sole author written without a comma is a person when it reads "Given Family" ("Barry
Wilkinson"), and an organisation or a handle otherwise ("Amnesty International", "HP Boe"):
the first word's being a common given name is the evidence the name parser asks for.
"""
from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from importlib import resources

DATA_FILE = "given-names-us-census-1990.tsv.gz"
WORLD_FILE = "given-names-world.txt.gz"


@lru_cache(maxsize=1)
def given_name_ranks() -> dict[str, int]:
    """Upper-case given name -> its rank (1 is the most common) among 1990 US first names."""
    data = resources.files("citecheck.parse").joinpath("data", DATA_FILE).read_bytes()
    lines = gzip.decompress(data).decode("ascii").splitlines()  # at once: 5,000 lines read one by one cost 3x
    rows = (line.split("\t") for line in lines if line and not line.startswith("#"))
    return {name: int(rank) for name, rank in rows}


def is_given_name(word: str) -> bool:
    """Whether ``word`` (any case, no punctuation) is a 1990 US first name, its accents aside: the
    list is ASCII, so "Léa", "José" and "Zoë" are looked up as "LEA", "JOSE" and "ZOE"."""
    return word.isalpha() and _folded(word) in given_name_ranks()


def is_given_name_anywhere(word: str) -> bool:
    """Whether ``word`` is a first name in the US list or another country's ("Pascal", "Aykut",
    "Irmtraud"): the evidence that a name's first words are given names. Not for the other way
    round, that its last word is none: many family names are a given name somewhere ("Miller")."""
    if not word.isalpha():
        return False
    upper = _folded(word)
    return upper in given_name_ranks() or upper in world_given_names()


def _folded(word: str) -> str:
    upper = word.upper()
    if not upper.isascii():
        upper = "".join(ch for ch in unicodedata.normalize("NFKD", upper) if not unicodedata.combining(ch))
    return upper


@lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """Upper-case, accent-folded first names of other countries (Faker's lists, less the US list's)."""
    data = resources.files("citecheck.parse").joinpath("data", WORLD_FILE).read_bytes()
    lines = gzip.decompress(data).decode("ascii").splitlines()  # at once: 12,000 lines read one by one cost 3x
    return frozenset(line for line in lines if line and not line.startswith("#"))
