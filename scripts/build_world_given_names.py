"""Build the bundled list of given names from other countries than the US (the Faker package's lists).

The US Census's 1990 first names (``given-names-us-census-1990.tsv.gz``, ``build_given_names.py``) leave
out most of the world's given names: "Pascal", "Aykut", "Irmtraud", "Yann", "Emeka". Faker (MIT, Daniele
Faraglia and contributors) ships first-name lists for about 90 locales in ``faker/providers/person/``.
Get them with::

    cd /tmp && pip download --no-deps faker==40.54.0 && mkdir faker && cd faker && unzip -q ../faker-40.54.0-py3-none-any.whl
    python scripts/build_world_given_names.py /tmp/faker

The output, src/citecheck/parse/data/given-names-world.txt.gz, has one upper-case name a line, in Latin
letters with their accents folded (as ``given_names.is_given_name`` looks names up), sorted: each word
of a first name of any locale's lists, less those the US list has, and less those only the English-
speaking locales list (en, en_US, en_GB, en_IE, en_NZ, en_AU, en_CA), whose lists hold words such as
"River", "Star" and "Justice" and add nothing to the census's names. Byte-for-byte reproducible.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "citecheck" / "parse" / "data"
OUT = DATA / "given-names-world.txt.gz"
US = DATA / "given-names-us-census-1990.tsv.gz"
ENGLISH_SPEAKING = frozenset({"en", "en_US", "en_GB", "en_IE", "en_NZ", "en_AU", "en_CA"})
LIST_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def folded(word: str) -> str:
    upper = word.upper()
    return "".join(ch for ch in unicodedata.normalize("NFKD", upper) if not unicodedata.combining(ch))


def locale_names(root: Path) -> dict[str, set[str]]:
    """Each Latin-letter word of a first name -> the locales that list it."""
    sys.path.insert(0, str(root))
    import faker.providers.person as person

    found: dict[str, set[str]] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = getattr(importlib.import_module(f"faker.providers.person.{module}"), "Provider", None)
        if provider is None:
            continue
        for attribute in LIST_ATTRIBUTES:
            names = next((base.__dict__[attribute] for base in provider.__mro__ if attribute in base.__dict__), None)
            if not names or isinstance(names, property):
                continue
            for name in (names.keys() if hasattr(names, "keys") else names):
                for word in re.split(r"[\s-]+", name):
                    if len(word) >= 2 and word.isalpha() and word[0].isupper() and all(
                            unicodedata.name(c, "").startswith("LATIN") for c in word):
                        found.setdefault(folded(word), set()).add(module)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="a folder holding Faker's faker/ package (the unpacked wheel)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with gzip.open(US, "rt", encoding="ascii") as text:
        us = {line.split("\t")[0] for line in text if not line.startswith("#")}
    names = sorted(name for name, locales in locale_names(args.root).items()
                   if name.isascii() and name not in us and not locales <= ENGLISH_SPEAKING)
    body = "# given names of Faker's person providers (MIT), less the US Census 1990 list's and English-only ones\n"
    body += "\n".join(names) + "\n"
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as out:
        out.write(body.encode("ascii"))
    sys.stdout.write(f"{len(names)} names -> {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
