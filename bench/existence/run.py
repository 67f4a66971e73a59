"""Bench: existence checks on a labelled set (figures, not a test).

The set (data/references.json) holds real references, cited the way people cite them (preprint
years, a misspelt name, later editions, dead links, a paywall), and fabricated ones of the kinds
found in model-written reference lists. The services are simulated (services.py) from
data/catalogue.json and data/web.json in their real answer shapes. Two runs: every service up,
then every service unreachable. Usage: python bench/existence/run.py [--verbose]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from services import DATA, SimulatedWeb, Unreachable  # noqa: E402

from citecheck.model import EntryType, Name, Reference, Span, Url, Verdict  # noqa: E402
from citecheck.resolve.existence import check_existence, existence_sources  # noqa: E402

DETECTED = (Verdict.MISMATCH, Verdict.NOT_FOUND)
CAPTION = ("Synthetic set: {n} references ({real} real, {fake} fabricated) built for this bench; every service "
           "answer is simulated from a small catalogue in the services' real answer shapes. The figures measure the "
           "decision rules, not the live indexes' coverage or ranking, and are not comparable with HALLMARK.")


def load() -> list[tuple[Reference, dict]]:
    rows = json.loads((DATA / "references.json").read_text(encoding="utf-8"))["references"]
    refs = []
    for i, row in enumerate(rows):
        names = tuple(_name(a) for a in row.get("authors", []))
        ref = Reference(
            raw=json.dumps(row), span=Span(file="references.json", line=i + 1, column=1, start=i, end=i + 1),
            type=EntryType(row["type"]), key=row["key"], authors=names, year=row.get("year"), title=row["title"],
            container=row.get("container", ""), publisher=row.get("publisher", ""), doi=row.get("doi", ""),
            isbn=row.get("isbn", ""), urls=(Url(row["url"]),) if row.get("url") else (),
        )
        refs.append((ref, row))
    return refs


def _name(text: str) -> Name:
    if "," not in text:
        return Name(literal=text, raw=text)
    family, given = (p.strip() for p in text.split(",", 1))
    particle = ""
    if family.startswith(("van der ", "von ", "de ")):
        particle, family = family.rsplit(" ", 1)
    return Name(family=family, given=given, particle=particle, raw=text)


def run(transport, refs):
    sources = existence_sources(transport, mailto="bench@example.org", clock=lambda: 0.0, sleep=lambda s: None)
    started = time.perf_counter()
    checks, findings = check_existence([r for r, _ in refs], sources, max_workers=4)
    return checks, findings, time.perf_counter() - started


def figures(refs, checks) -> dict:
    real = [(row, c) for (_, row), c in zip(refs, checks) if row["label"] == "real"]
    fake = [(row, c) for (_, row), c in zip(refs, checks) if row["label"] == "fabricated"]
    tp = sum(c.verdict in DETECTED for _, c in fake)
    fp = sum(c.verdict in DETECTED for _, c in real)
    fn = len(fake) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(fake) if fake else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"real": len(real), "fabricated": len(fake), "tp": tp, "fp": fp, "fn": fn, "precision": precision,
            "detection": recall, "fp_rate": fp / len(real) if real else 0.0, "f1": f1,
            "real_verdicts": Counter(c.verdict.value for _, c in real),
            "fake_verdicts": Counter(c.verdict.value for _, c in fake)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every reference's verdict")
    args = parser.parse_args()
    refs = load()
    web = SimulatedWeb()
    checks, findings, seconds = run(web, refs)
    f = figures(refs, checks)
    print(CAPTION.format(n=len(refs), real=f["real"], fake=f["fabricated"]))
    print()
    print("services up")
    print(f"  detection rate (fabricated -> mismatch or not-found): {f['detection']:.3f} ({f['tp']}/{f['fabricated']})")
    print(f"  false-positive rate (real -> mismatch or not-found):  {f['fp_rate']:.3f} ({f['fp']}/{f['real']})")
    print(f"  precision {f['precision']:.3f}   F1 {f['f1']:.3f}")
    print(f"  verdicts, real:       {dict(sorted(f['real_verdicts'].items()))}")
    print(f"  verdicts, fabricated: {dict(sorted(f['fake_verdicts'].items()))}")
    print(f"  retraction warnings: {sum(1 for x in findings if x.kind.value == 'retracted')}; "
          f"{web.requests} requests; {seconds:.2f}s")
    by_kind: dict[str, Counter] = {}
    for (_, row), check in zip(refs, checks):
        by_kind.setdefault(f"{row['label']}: {row['kind']}", Counter())[check.verdict.value] += 1
    print("  by kind:")
    for kind, counts in sorted(by_kind.items()):
        print(f"    {kind:42} {dict(sorted(counts.items()))}")
    if args.verbose:
        for (ref, row), check in zip(refs, checks):
            print(f"  {row['label'][:4]} {ref.key:22} {check.verdict.value:10} {check.detail[:150]}")
    down = Unreachable()
    checks, findings, seconds = run(down, refs)
    verdicts = Counter(c.verdict.value for c in checks)
    print()
    print("every service unreachable (timeouts, resets, DNS, 503, 429 in turn)")
    print(f"  verdicts: {dict(sorted(verdicts.items()))}; not-found: {verdicts.get('not-found', 0)}; "
          f"findings: {len(findings)}; {down.requests} requests (circuit breakers); {seconds:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
