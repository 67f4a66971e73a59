"""Field-level accuracy of the free-text reference parser on held-out labelled references.

    .venv/bin/python bench/parse_accuracy/run.py [--limit N] [--json]

Data: the held-out split (``citecheck.parse.tagger.is_held_out``, about 20%, never trained on)
of AnyStyle's labelled references (data/anystyle/, BSD-2-Clause) and of citecheck's own web
sets (data/labelled/web-references.xml, composed; web-references-written-a/b.xml, written entry
by entry), plus the hand-written web set (data/labelled/web-references-handwritten.xml), which
is never trained on at all. "web, pooled" pools the web sets' references, "overall" every set's.

Three readers: the rules alone (``parse_reference_list(..., use_tagger=False)``), the tagger
alone (its labels turned into fields, URLs/DOIs read from its url/doi spans), and rules +
tagger (the shipped parser). Fields: authors (ordered family-name lists, organisations by
their literal), year (or n.d.), title, container, publisher (normalised: lower case, no
punctuation or markup), volume, issue, pages, DOI (case-insensitive) and URL (exact, after
repair). A hyphenated word counts as one word, so a
line break's hyphen the labels keep ("Pres- ence", "non- prompted") is the word the parser joins. A field counts a true positive when gold and prediction agree, a false positive when
a predicted value is wrong or not in the gold, a false negative when a gold value is missed
or wrong; micro-F1 pools every field. Also: whole-reference exact match, URL exact, year
or n.d. (the gold year is the date span's; where AnyStyle's labels leave the year inside the
volume, "103(2001):", "6 2009;16(5):", or leading the pages, it is read from there), organisation
vs person author (web set: the authors whose kind the set knows), the
accuracy of fields flagged as low-confidence versus the others, and time per 1,000 references
(each reader starts with the tagger's per-token feature cache empty).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "data" / "labelled"))

from citecheck.model import CleanText  # noqa: E402
from citecheck.parse.references import LOW_CONFIDENCE, parse_reference_list  # noqa: E402
from citecheck.parse.tagger import LabelledReference, is_held_out, load_tagger, read_sequences  # noqa: E402
from citecheck.parse.tagger.features import clear_caches  # noqa: E402
from citecheck.parse.tagger.fields import names_of, pages_of, read_fields, volume_issue  # noqa: E402
from citecheck.parse.reference_segments import strip_markup  # noqa: E402
from citecheck.parse.urls import extract_urls, locate_doi  # noqa: E402

FIELDS = ("authors", "year", "title", "container", "publisher", "volume", "issue", "pages", "doi", "url")
SETS = (
    ("anystyle-core", (ROOT / "data" / "anystyle" / "core.xml",), True),
    ("anystyle-good", (ROOT / "data" / "anystyle" / "good.xml",), True),
    ("web", (ROOT / "data" / "labelled" / "web-references.xml",), True),
    ("web-written", (ROOT / "data" / "labelled" / "web-references-written-a.xml",
                     ROOT / "data" / "labelled" / "web-references-written-b.xml"), True),
    ("web-hand", (ROOT / "data" / "labelled" / "web-references-handwritten.xml",), False),
)


def norm_text(text: str) -> str:
    """Lower case, no markup or punctuation, and a hyphenated word written whole on both sides:
    AnyStyle's labels keep a line break's hyphen ("Pres- ence", "non- prompted"), the parser joins it
    ("Presence", "non-prompted")."""
    text = strip_markup(re.sub(r"</?(?:italic|i|em)>", "", text)).lower()
    text = re.sub(r"^in:?\s+", "", text)
    text = re.sub(r"(?<=[^\W\d_])-\s*(?=[^\W\d_])", "", text)
    return re.sub(r"[\W_]+", " ", text).strip()


def norm_pages(text: str) -> str:
    """Every hyphen and dash (a soft hyphen too) as "-"; a number of pages as its number ("240 p." and the
    parser's ``pagetotal`` "240", which AnyStyle's labels count as pages)."""
    text = re.sub(r"\s*[-‐‑‒–—\u00ad]+\s*", "-", text.strip(" .,;:()")).lower()
    count = re.fullmatch(r"(\d+)\s*(?:pp?|s|pages|str)\.?", text)
    return count.group(1) if count else text


def family_list(names) -> tuple[str, ...]:
    return tuple(norm_text(n.family or n.literal) for n in names if (n.family or n.literal) and n.literal != "others")


def url_of(text: str) -> str:
    if re.search(r"doi\.org/", text, re.IGNORECASE):
        return ""
    for found in extract_urls(text):
        if not re.search(r"doi\.org/", found.repaired, re.IGNORECASE):
            return found.url.url
    bare = re.match(r"^\S+\.[a-z]{2,}/\S*", text.strip())  # MLA drops the scheme (as the parser: https)
    if bare:
        found = extract_urls("https://" + text.strip())
        return found[0].url.url if found else ""
    return ""


def doi_of(text: str) -> str:
    found = locate_doi(text)
    return found.doi.lower() if found else ""


YEAR_IN_VOLUME = re.compile(r"(?:\(|^|\s)((?:1[5-9]|20)\d{2})(?:\)|\s*;)")
YEAR_LEADING_PAGES = re.compile(r"^\s*((?:1[5-9]|20)\d{2}),\s*pp?\.")
VANCOUVER_YEAR = re.compile(r"^\s*((?:1[5-9]|20)\d{2})[a-z]?\s*(?:[A-Z][a-z]{2}(?:\s+\d{1,2})?\s*)?;")


def year_of(text: str) -> str:
    m = re.search(r"(?<!\d)((?:1[5-9]|20)\d{2})(?!\d)", text)
    if m:
        return m.group(1)
    return "n.d." if re.search(r"\bn\.\s?d\b", text, re.IGNORECASE) else ""


def gold_fields(ref: LabelledReference) -> dict[str, object]:
    spans = ref.spans()
    first: dict[str, str] = {}
    for label, text in spans:
        first.setdefault(label, text)
    gold: dict[str, object] = {f: "" for f in FIELDS}
    if "author" in first:
        gold["authors"] = family_list(names_of(first["author"]))
    dates = [year_of(t) for label, t in spans if label == "date"]
    # AnyStyle labels a Vancouver "2002;57(7):" as one volume span: its year is the date
    dates += [m.group(1) for label, t in spans if label == "volume" for m in [VANCOUVER_YEAR.match(t)] if m]
    # ... and, with no date span at all, a year it left inside the volume ("103(2001):", Vancouver's
    # "6 2009;16(5):" after "Cancer cell. Nov") or leading the pages ("2010, p. 789-803")
    if not any(label == "date" for label, _ in spans):
        dates += [m.group(1) for label, t in spans if label in ("volume", "pages")
                  for m in [YEAR_IN_VOLUME.search(t) if label == "volume" else YEAR_LEADING_PAGES.match(t)] if m]
    gold["year"] = next((d for d in dates if d), "")
    for name in ("title", "container", "publisher"):
        gold[name] = norm_text(first.get(name, ""))
    if "volume" in first:
        volume, issue = volume_issue(first["volume"])
        gold["volume"], gold["issue"] = volume.lower(), issue.lower()
    gold["pages"] = norm_pages(pages_of(first.get("pages", "")))
    link_text = " ".join(t for label, t in spans if label in ("url", "doi"))
    gold["doi"] = doi_of(link_text)
    gold["url"] = next((u for label, t in spans if label == "url" for u in [url_of(t)] if u), "")
    return gold


def reference_fields(ref) -> tuple[dict[str, object], dict[str, float]]:
    got: dict[str, object] = {
        "authors": family_list(ref.authors),
        "year": "n.d." if ref.no_date else (str(ref.year) if ref.year else ""),
        "title": norm_text(ref.title),
        "container": norm_text(ref.container),
        "publisher": norm_text(ref.publisher),
        "volume": ref.volume.lower(),
        "issue": ref.issue.lower(),
        "pages": norm_pages(ref.pages or dict(ref.extra).get("pagetotal", "")),
        "doi": ref.doi.lower(),
        "url": next((u.url for u in ref.urls if "doi.org/" not in u.url.lower()), ""),  # as url_of reads the gold
    }
    conf = dict(ref.field_confidence)
    return got, {f: conf.get("urls" if f == "url" else f, 1.0) for f in FIELDS}


def parse_with(text: str, use_tagger: bool):
    refs = parse_reference_list(CleanText.identity("bench", text), use_tagger=use_tagger)
    return refs[0] if refs else None


def read_rules(text: str):
    ref = parse_with(text, use_tagger=False)
    return reference_fields(ref) if ref else ({f: "" for f in FIELDS}, {})


def read_both(text: str):
    ref = parse_with(text, use_tagger=True)
    return reference_fields(ref) if ref else ({f: "" for f in FIELDS}, {})


def read_tagger(text: str):
    tagged = load_tagger().tag(text)
    found = read_fields(tagged)
    v = found.values
    link_text = " ".join(v.get("url_text", []) + v.get("doi_text", []))
    got = {
        "authors": family_list(v.get("authors", ())),
        "year": "n.d." if v.get("no_date") else (str(v["year"]) if v.get("year") else ""),
        "title": norm_text(str(v.get("title", ""))),
        "container": norm_text(str(v.get("container", ""))),
        "publisher": norm_text(str(v.get("publisher", ""))),
        "volume": str(v.get("volume", "")).lower(),
        "issue": str(v.get("issue", "")).lower(),
        "pages": norm_pages(str(v.get("pages", ""))),
        "doi": doi_of(link_text),
        "url": next((u for t in v.get("url_text", []) for u in [url_of(t)] if u), ""),
    }
    return got, {f: found.confidence.get(f, 1.0) for f in FIELDS}


READERS = {"rules": read_rules, "tagger": read_tagger, "rules+tagger": read_both}


def style_of(ref: LabelledReference) -> str:
    if ref.style:
        return ref.style
    labels = [label for label, _ in ref.spans()]
    if "number" in labels[:1]:
        return "numbered"
    if labels[:2] in (["author", "date"], ["editor", "date"]):
        return "author-date"
    return "other (year later)"


class Tally:
    def __init__(self):
        self.counts = defaultdict(lambda: [0, 0, 0])  # field -> tp, fp, fn
        self.exact = [0, 0]
        self.calibration = {"low": [0, 0], "high": [0, 0]}  # [right, total]

    def add(self, gold: dict, got: dict, conf: dict) -> None:
        all_right = True
        for f in FIELDS:
            g, p = gold[f], got[f]
            if g and p and g == p:
                self.counts[f][0] += 1
            else:
                if p:
                    self.counts[f][1] += 1
                if g:
                    self.counts[f][2] += 1
                if g or p:
                    all_right = False
            if p:
                bucket = "low" if conf.get(f, 1.0) < LOW_CONFIDENCE else "high"
                self.calibration[bucket][0] += int(g == p)
                self.calibration[bucket][1] += 1
        self.exact[0] += int(all_right)
        self.exact[1] += 1

    @staticmethod
    def f1(tp: int, fp: int, fn: int) -> float | None:
        if tp + fp + fn == 0:
            return None
        return 2 * tp / (2 * tp + fp + fn)

    def field_f1(self, f: str) -> float | None:
        return self.f1(*self.counts[f])

    def errors(self) -> int:
        """Field errors as micro-F1 counts them: false positives plus false negatives."""
        return sum(c[1] + c[2] for c in self.counts.values())

    def errors_allowed(self, goal: float) -> int:
        """The most errors micro-F1 ``goal`` allows with this many fields read right."""
        tp = sum(c[0] for c in self.counts.values())
        return int(2 * tp * (1 - goal) / goal)

    def micro(self) -> float:
        tp = sum(c[0] for c in self.counts.values())
        fp = sum(c[1] for c in self.counts.values())
        fn = sum(c[2] for c in self.counts.values())
        return self.f1(tp, fp, fn) or 0.0


def org_kinds() -> dict[str, bool]:
    """Author texts of the composed web set whose kind is known: organisation (True) or person (False)."""
    try:
        import compose_web_set as web
    except ImportError:
        return {}
    kinds = {norm_text(o): True for o in web.ORGS}
    for fam, giv in web.PEOPLE + web.PARTICLE_PEOPLE:
        kinds[norm_text(f"{fam} {giv}")] = False
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="at most N references per set (quick runs)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    load_tagger()  # load once, outside the timings
    kinds = org_kinds()
    results: dict = {}
    out = sys.stdout
    overall: dict[str, Tally] = defaultdict(Tally)  # every held-out reference of every set, pooled
    web: dict[str, Tally] = defaultdict(Tally)  # ... of the web-reference sets
    for set_name, paths, split in SETS:
        refs = [r for path in paths if path.exists()
                for r in read_sequences(path.read_text(encoding="utf-8"), set_name) if not split or is_held_out(r)]
        if not refs:
            continue
        if args.limit:
            refs = refs[: args.limit]
        golds = [gold_fields(r) for r in refs]
        results[set_name] = {"references": len(refs), "readers": {}}
        for reader_name, reader in READERS.items():
            tally, per_style = Tally(), defaultdict(Tally)
            org = [0, 0]
            clear_caches()  # each reader starts cold: no token features cached by the reader before it
            started = time.perf_counter()
            readings = [reader(r.text) for r in refs]
            elapsed = time.perf_counter() - started
            for ref, gold, (got, conf) in zip(refs, golds, readings):
                tally.add(gold, got, conf)
                per_style[style_of(ref)].add(gold, got, conf)
                overall[reader_name].add(gold, got, conf)
                if set_name.startswith("web"):
                    web[reader_name].add(gold, got, conf)
            if reader_name != "tagger":
                for ref in refs:
                    first = next((t for label, t in ref.spans() if label == "author"), "")
                    kind = kinds.get(norm_text(first.split(" & ")[0].split(" and ")[0]))
                    if kind is None:
                        continue
                    parsed = parse_with(ref.text, reader_name == "rules+tagger")
                    names = parsed.authors if parsed else ()
                    got_org = bool(names) and bool(names[0].literal) and not names[0].family
                    org[0] += int(got_org == kind)
                    org[1] += 1
            results[set_name]["readers"][reader_name] = {
                "micro_f1": round(tally.micro(), 4),
                "fields": {f: (round(v, 4) if (v := tally.field_f1(f)) is not None else None) for f in FIELDS},
                "exact_match": round(tally.exact[0] / max(tally.exact[1], 1), 4),
                "per_style": {s: {"n": t.exact[1], "micro_f1": round(t.micro(), 4)} for s, t in sorted(per_style.items())},
                "org_vs_person": round(org[0] / org[1], 4) if org[1] else None,
                "low_confidence_accuracy": _ratio(tally.calibration["low"]),
                "other_field_accuracy": _ratio(tally.calibration["high"]),
                "low_confidence_fields": tally.calibration["low"][1],
                "ms_per_1000": round(1000 * 1000 * elapsed / max(len(refs), 1)),
            }
    for pooled, tallies, names in (("web, pooled", web, [n for n in results if n.startswith("web")]),
                                   ("overall", overall, list(results))):
        results[pooled] = {"references": sum(results[n]["references"] for n in names),
                           "readers": {name: {"micro_f1": round(t.micro(), 4),
                                              "exact_match": round(t.exact[0] / max(t.exact[1], 1), 4),
                                              "errors": t.errors(),
                                              "errors_allowed_at_0.97": t.errors_allowed(0.97)}
                                       for name, t in tallies.items()}}
    if args.json:
        out.write(json.dumps(results, indent=1) + "\n")
    else:
        _print_tables(results, out)
    return 0


def _ratio(pair: list[int]) -> float | None:
    return round(pair[0] / pair[1], 4) if pair[1] else None


def _print_tables(results: dict, out) -> None:
    for set_name, result in results.items():
        if set_name in ("overall", "web, pooled"):
            out.write(f"\n== {set_name}: {result['references']} held-out references ==\n")
            out.write(f"{'':<22}" + "".join(f"{r:>14}" for r in result["readers"]) + "\n")
            for key, label in (("micro_f1", "micro-F1"), ("exact_match", "exact match")):
                out.write(f"{label:<22}" + "".join(f"{r[key]:>14.3f}" for r in result["readers"].values()) + "\n")
            for key, label in (("errors", "errors (fp + fn)"), ("errors_allowed_at_0.97", "  allowed at 0.97")):
                out.write(f"{label:<22}" + "".join(f"{r[key]:>14}" for r in result["readers"].values()) + "\n")
            continue
        out.write(f"\n== {set_name}: {result['references']} held-out references ==\n")
        readers = result["readers"]
        out.write(f"{'field':<22}" + "".join(f"{r:>14}" for r in readers) + "\n")
        for f in FIELDS:
            row = [readers[r]["fields"][f] for r in readers]
            out.write(f"{f:<22}" + "".join(f"{v:>14.3f}" if v is not None else f"{'-':>14}" for v in row) + "\n")
        for key, label in (("micro_f1", "micro-F1"), ("exact_match", "exact match"), ("org_vs_person", "org vs person"),
                           ("low_confidence_fields", "low-conf fields"), ("low_confidence_accuracy", "  their accuracy"),
                           ("other_field_accuracy", "  others' accuracy"), ("ms_per_1000", "ms / 1,000 refs")):
            row = [readers[r][key] for r in readers]
            out.write(f"{label:<22}" + "".join(
                f"{v:>14.3f}" if isinstance(v, float) else f"{v:>14}" if v is not None else f"{'-':>14}" for v in row) + "\n")
        styles = sorted({s for r in readers.values() for s in r["per_style"]})
        out.write("micro-F1 per style:\n")
        for s in styles:
            n = readers["rules"]["per_style"].get(s, {}).get("n", 0)
            row = [readers[r]["per_style"].get(s, {}).get("micro_f1") for r in readers]
            out.write(f"  {s[:18] + f' ({n})':<20}" + "".join(f"{v:>14.3f}" if v is not None else f"{'-':>14}" for v in row) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
