"""Build the bundled given-name list from the 1990 US Census first-name lists.

The lists (public domain, US Census Bureau 1990) ship inside the PyPI package ``names`` 0.3.0
(Trey Hunner, MIT) as ``names/dist.male.first`` and ``names/dist.female.first`` (columns NAME,
frequency percent, cumulative percent, rank). Get them with::

    cd /tmp && pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python scripts/build_given_names.py /tmp/names-0.3.0/names

The output, src/citecheck/parse/data/given-names-us-census-1990.tsv.gz, has one line per
distinct name, ``NAME<TAB>rank``: the better of its male and female ranks, lines sorted by that
rank and then by name. ``citecheck.parse.given_names`` reads it to tell "Barry Wilkinson" (a
person written given name first) from "Amnesty International" and "HP Boe".
"""
from __future__ import annotations

import argparse
import gzip
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "citecheck" / "parse" / "data" / "given-names-us-census-1990.tsv.gz"


def read_ranks(folder: Path) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for name in ("dist.male.first", "dist.female.first"):
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) == 4:
                ranks[fields[0]] = min(ranks.get(fields[0], 10**9), int(fields[3]))
    return ranks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the names/ folder of the names 0.3.0 package")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    ranks = read_ranks(args.folder)
    lines = ["# name\trank (US Census 1990 first names, male and female; the better rank of the two)"]
    lines += [f"{name}\t{rank}" for name, rank in sorted(ranks.items(), key=lambda kv: (kv[1], kv[0]))]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode("ascii"))  # mtime=0, no file name: reproducible
    print(f"{len(ranks)} given names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
