"""Build the bundled surname data (frequency prior, 4-gram counts) from the 1990 US Census surname list.

The list (public domain, US Census Bureau 1990) ships inside the PyPI package ``names`` 0.3.0
(Trey Hunner, MIT) as ``names/dist.all.last`` with columns NAME, frequency percent,
cumulative percent, rank. Get it with::

    cd /tmp && pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python scripts/build_surname_prior.py /tmp/names-0.3.0/names/dist.all.last

The percent column is rounded to three decimals, so 87,500 of the 88,799 names read 0.000.
For those we estimate the frequency from the slope of the cumulative column over a window
of neighbouring ranks, then force the series to be non-increasing with rank. The output
has one line per name in rank order (rank = line number after the header):
``NAME<TAB>frequency per 100,000 people`` (three significant digits).

It also writes surname-4grams-us-census-1990.tsv.gz: the character 4-gram counts of the
names (each name once), which citecheck.resolve.spelling loads instead of training at
run time. Run it with the project's venv (it imports citecheck).
"""
from __future__ import annotations

import argparse
import gzip
import logging
from pathlib import Path

from citecheck.resolve.spelling import GRAMS_FILE, ORDER, count_top_grams
from citecheck.resolve.surnames import DATA_FILE

log = logging.getLogger("build_surname_prior")

DATA_DIR = Path(__file__).resolve().parents[1] / "src/citecheck/resolve/data"
PRECISE_PERCENT = 0.010  # at or above this the rounded percent keeps two significant digits


def read_census(path: Path) -> list[tuple[str, float, float, int]]:
    rows = []
    for line in path.read_text(encoding="ascii").splitlines():
        if not line.strip():
            continue
        name, percent, cumulative, rank = line.split()
        rows.append((name, float(percent), float(cumulative), int(rank)))
    ranks = [r[3] for r in rows]
    if ranks != list(range(1, len(rows) + 1)):
        raise SystemExit(f"{path}: ranks are not 1..{len(rows)} in order")
    return rows


def estimate_percents(rows: list[tuple[str, float, float, int]]) -> list[float]:
    """Per-name percent: the given one when precise enough, else the local cumulative slope."""
    cumulative = [0.0] + [r[2] for r in rows]  # cumulative[i] = share of ranks 1..i
    count = len(rows)
    precise = next((i for i, row in enumerate(rows) if row[1] < PRECISE_PERCENT), count)
    estimates = []
    for index, (_, percent, _, _) in enumerate(rows):
        if index < precise:
            estimates.append(percent)
            continue
        half = max(50, (index + 1) // 20)
        low = max(precise, index - half)  # the slope of the rounded-to-zero names only
        high = min(count, index + 1 + half)
        estimates.append((cumulative[high] - cumulative[low]) / (high - low))
    for i in range(1, count):  # frequencies never rise with rank
        estimates[i] = min(estimates[i], estimates[i - 1])
    return estimates


def format_per_100k(value: float) -> str:
    """Three significant digits, never in exponent form (1006 stays 1006)."""
    if value >= 100:
        return f"{value:.0f}"
    return f"{float(f'{value:.3g}'):g}"


def write_prior(rows: list[tuple[str, float, float, int]], percents: list[float], out: Path) -> None:
    lines = ["# name\tper_100000 (US Census 1990; rank = line number after this header)"]
    lines += [f"{name}\t{format_per_100k(percent * 1000)}" for (name, *_), percent in zip(rows, percents)]
    write_gzip_lines(lines, out)


def write_grams(rows: list[tuple[str, float, float, int]], out: Path) -> None:
    """The full-order character gram counts the spelling-shape model is built from."""
    counts = count_top_grams((name for name, *_ in rows), ORDER)
    lines = [f"# gram\tcount (order {ORDER}, names padded as ^^^NAME$, each census name once)"]
    lines += [f"{gram}\t{count}" for gram, count in sorted(counts.items())]
    write_gzip_lines(lines, out)


def write_gzip_lines(lines: list[str], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = ("\n".join(lines) + "\n").encode("ascii")
    with out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(payload)  # mtime=0 and no file name: the build is reproducible byte for byte


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="path to names-0.3.0/names/dist.all.last")
    parser.add_argument("--out-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = read_census(args.source)
    prior, grams = args.out_dir / DATA_FILE, args.out_dir / GRAMS_FILE
    write_prior(rows, estimate_percents(rows), prior)
    write_grams(rows, grams)
    for path in (prior, grams):
        log.info("wrote %s (%d bytes)", path, path.stat().st_size)


if __name__ == "__main__":
    main()
