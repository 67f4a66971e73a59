"""Bench: parse speed of citecheck, figures not a test (not collected by pytest).

    .venv/bin/python bench/parse_speed/run.py                     # the whole table
    .venv/bin/python bench/parse_speed/run.py --sizes 500,1000 --bib-sizes 10000 --repeat 1   # a quick run
    .venv/bin/python bench/parse_speed/run.py --json              # the figures as JSON

Every measurement runs in its own child process (``sys.executable`` on this file with
``--child``), so each has its own cold caches and its own peak RSS (the child's ``VmHWM``, where
``os.wait4`` would count the parent's pages too; the input file is written by the parent, and read
by the child with the parse). Rates are
given by wall time and by the child's CPU time (``time.process_time``; steadier on a busy machine):

free text   a Markdown document with a "References" heading and N references as paragraphs,
            built from the distinct labelled reference strings of data/anystyle/{core,good}.xml and
            data/labelled/web-references{,-handwritten}.xml (``citecheck.parse.tagger.read_sequences``), read and parsed as
            ``citecheck convert`` does (``inputs.read_source`` + ``parse.document.convert_references``:
            page-header removal, sections, splitting, rules + CRF tagger, types, keys). The
            clock starts after the imports and the tagger's loading (that is the cold start);
            the tagger's per-token feature cache starts empty. Prints refs/s and ms/ref at each
            size (linear time: refs/s stays level) and peak RSS.
cold start  a fresh ``python -c`` that imports ``citecheck.parse.document`` and converts a small
            bibliography (a Markdown list of 10 references; a .bib of 10 entries): seconds from
            spawning the process to having the references, the median of ``--repeat`` runs; also
            the import alone and a bare interpreter (``python -c pass``) for scale.
BibTeX      a synthetic .bib of N entries (varied types and fields, braces, accents, URLs,
            @string macros; family names drawn from a few thousand), converted as
            ``citecheck convert refs.bib -o out.bib`` does (``cli.commands.convert_file``: read,
            parse, convert and write a chunk at a time; ``--bib-to`` chooses the output format).
            The clock starts after the imports and stops when the output is written. Prints
            entries/s, peak RSS, MB of RSS per 10,000 entries and the peak RSS as a multiple of the
            first size's (flat memory: the peak stays level, so MB/10k falls as N grows); and, from
            a second child that only parses (``parse.bibtex.stream_bibtex_references``), CPU
            entries/s and peak RSS of the parse alone. Peak RSS is the child's own (``VmHWM``; see
            ``own_peak_rss_mb``). A copy of the code without ``convert_file`` is measured the old
            way (``convert_references`` on the whole file, then ``convert_text`` written at once).

``PARSE_SPEED_SRC=/other/checkout/src`` measures another copy of the code on the same inputs.
``--compiled`` measures the parser as a wheel (``pip install .``) has it, its modules compiled by
mypyc and the tagger's CRF inference in C (setup.py; ``scripts/compile_parser.py`` builds the copy);
without it, the Python source with python-crfsuite, as the editable install of the tests has it.
The table's first line says which.
``--instructions N`` also counts, under valgrind (cachegrind, no cache simulation), the instructions
of parsing N free-text references less those of parsing 10, per 1,000: a figure that does not move
from run to run on a busy machine, for comparing two copies of the code.

Goals (the project's issue): >= 1,000 free-text refs/s, cold start <= 1 s, time linear and
memory flat in the input size.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = Path(os.environ.get("PARSE_SPEED_SRC") or ROOT / "src")  # another checkout's src/, to compare
# the labelled sets bench/parse_accuracy reads (a fixed list, so the inputs stay the same from run to run)
DATA_SETS = (ROOT / "data" / "anystyle" / "core.xml", ROOT / "data" / "anystyle" / "good.xml",
             ROOT / "data" / "labelled" / "web-references.xml", ROOT / "data" / "labelled" / "web-references-handwritten.xml")
FREE_SIZES = (1000, 2000, 4000)
BIB_SIZES = (10_000, 30_000, 100_000)


# -- inputs --------------------------------------------------------------------------------------

def reference_texts() -> list[str]:
    """The distinct labelled reference strings, in a fixed shuffled order (styles mixed); the few
    that would make the document pandoc Markdown (an e-mail address in brackets reads as ``[@key]``)
    are left out."""
    sys.path.insert(0, str(SRC))
    from citecheck.inputs.sniff import is_pandoc
    from citecheck.parse.tagger import read_sequences

    seen: dict[str, None] = {}
    for path in DATA_SETS:
        for ref in read_sequences(path.read_text(encoding="utf-8"), path.stem):
            if not is_pandoc(ref.text):
                seen.setdefault(ref.text, None)
    texts = list(seen)
    random.Random(7).shuffle(texts)
    return texts


def markdown_document(texts: list[str]) -> str:
    return "# A paper\n\nSome prose.\n\n## References\n\n" + "\n\n".join(texts) + "\n"


_GIVEN = ["Anna", "J\\\"{u}rgen", "Fran{\\c{c}}ois", "Zo{\\\"e}", "Mar\\'{\\i}a", "Bj{\\o}rn", "Chen", "Olu",
          "Ren{\\'e}e", "S{\\o}ren", "{\\L}ukasz", "Jos\\'e", "Ingrid", "H.~P.", "Wei", "Aisha"]
_FAMILY = ["M{\\\"u}ller", "Garc{\\'i}a", "Smith", "van der Berg", "O'Neill", "Nakamura", "{\\v{S}}imek",
           "Dupont", "de la Cruz", "Kowalski", "Haerens", "Zaugg", "Br{\\aa}ten", "Okafor", "Li", "Johnson"]
_ORGS = ["{World Health Organization}", "{UNICEF}", "{European Commission}", "{Human Rights Watch}"]
_WORDS = ("analysis model data network learning history policy health urban climate trafficking "
          "evidence survey quantum protein market language theory review cities memory law").split()
_JOURNALS = ["Journal of Urban Studies", "Nature", "Phys. Rev. Lett.", "Revue d'{\\'E}conomie",
             "Zeitschrift f{\\\"u}r Soziologie", "PLOS ONE", "The Lancet"]
_PUBLISHERS = ["Oxford University Press", "Springer", "MIT Press", "Routledge", "Presses de Sciences Po",
               "Wiley \\& Sons"]
_PLACES = ["Oxford", "Berlin", "Cambridge, MA", "Paris", "New York"]


def _title(rng: random.Random) -> str:
    words = rng.sample(_WORDS, rng.randint(3, 9))
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(1, "{" + rng.choice(["DNA", "COVID-19", "Europe", "GDP", "Bayesian"]) + "}")
    if rng.random() < 0.15:
        words.append("\\emph{" + rng.choice(_WORDS) + "}")
    return " ".join(words)


_SYLLABLES = "ka ro mi la te su an be ver hal dor lin ek ta no ri gu mar sen wald".split()


def _family(rng: random.Random) -> str:
    """A family name: one of a few with accents and particles, or one of a few thousand made up."""
    if rng.random() < 0.3:
        return rng.choice(_FAMILY)
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _authors(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(_ORGS)
    names = []
    for _ in range(rng.randint(1, 5)):
        family, given = _family(rng), rng.choice(_GIVEN)
        names.append(f"{family}, {given}" if rng.random() < 0.7 else f"{given} {family}")
    if rng.random() < 0.05:
        names.append("others")
    return " and ".join(names)


def bib_entry(i: int, rng: random.Random) -> str:
    kind = rng.choice(["article"] * 5 + ["book", "incollection", "inproceedings", "online", "misc",
                                           "techreport", "phdthesis"])
    year = rng.randint(1950, 2024)
    fields = [("author", "{" + _authors(rng) + "}"), ("title", "{" + _title(rng) + "}")]
    if kind == "article":
        fields += [("journal", rng.choice(["{" + rng.choice(_JOURNALS) + "}", "jus"])),
                   ("volume", str(rng.randint(1, 120))), ("number", str(rng.randint(1, 12))),
                   ("pages", f"{(p := rng.randint(1, 900))}--{p + rng.randint(1, 40)}")]
    elif kind in ("book", "techreport", "phdthesis"):
        key = {"book": "publisher", "techreport": "institution", "phdthesis": "school"}[kind]
        fields += [(key, "{" + rng.choice(_PUBLISHERS) + "}"), ("address", "{" + rng.choice(_PLACES) + "}")]
        if kind == "book" and rng.random() < 0.3:
            fields.append(("edition", "{" + str(rng.randint(2, 5)) + "}"))
    elif kind in ("incollection", "inproceedings"):
        fields += [("editor", "{" + _authors(rng) + "}"), ("booktitle", "{" + _title(rng) + "}"),
                   ("publisher", "{" + rng.choice(_PUBLISHERS) + "}"), ("pages", f"{rng.randint(1, 99)}--{rng.randint(100, 300)}")]
    else:
        fields += [("howpublished", "{" + rng.choice(["Web page", "Blog", "Dataset"]) + "}"),
                   ("urldate", f"{{{rng.randint(2015, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}}}")]
    fields.append(("year", str(year)) if rng.random() < 0.9 else ("date", f"{{{year}-0{rng.randint(1, 9)}-2{rng.randint(0, 8)}}}"))
    if rng.random() < 0.1:
        fields.append(("month", rng.choice(["jan", "feb", "mar", "oct"])))
    if rng.random() < 0.5:
        fields.append(("doi", f"{{10.{rng.randint(1000, 9999)}/abc.{i}.{rng.randint(10, 99999)}}}"))
    if kind in ("online", "misc") or rng.random() < 0.3:
        fields.append(("url", f"{{https://example.org/{rng.choice(_WORDS)}/{i}?q=a\\_b\\&c=d\\%20e}}"))
    if rng.random() < 0.1:
        fields.append(("note", "{" + rng.choice(["In press", "Accessed via Scopus", "{\\'E}dition revue"]) + "}"))
    if rng.random() < 0.05:
        fields.append(("abstract", "{" + " ".join(rng.choice(_WORDS) for _ in range(60)) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{key{i},\n{body}\n}}\n"


def bib_document(n: int) -> str:
    rng = random.Random(n)
    head = '@string{jus = "Journal of Urban Studies"}\n@comment{synthetic entries for bench/parse_speed}\n\n'
    return head + "\n".join(bib_entry(i, rng) for i in range(n))


# -- children ------------------------------------------------------------------------------------

def child(kind: str, path: str) -> None:
    """Parse one input file as ``citecheck convert`` does; print the figures as JSON."""
    if kind.startswith("bib:"):
        return bib_child(kind[4:], path)
    sys.path.insert(0, str(SRC))
    from citecheck.inputs import read_source
    from citecheck.parse.document import convert_references
    from citecheck.parse.tagger import load_tagger

    if kind == "free":
        load_tagger()  # part of the cold start, not of the parse
    started, cpu = time.perf_counter(), time.process_time()
    refs = convert_references(read_source(path))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    json.dump({"refs": len(refs), "seconds": elapsed, "cpu_seconds": cpu, "own_peak_rss_mb": own_peak_rss_mb()}, sys.stdout)


def bib_child(to: str, path: str) -> None:
    """Convert one .bib file into ``to`` as ``citecheck convert -o`` does, writing beside it; with
    ``to`` = ``parse``, only parse it (the references the conversion reads, none written)."""
    sys.path.insert(0, str(SRC))
    out = Path(path).with_name("converted.out")
    try:
        from citecheck.cli.commands import convert_file
        from citecheck.inputs.stream import bibtex_text_source
        from citecheck.parse.bibtex import stream_bibtex_references

        def parse_file(source: str) -> int:
            return sum(1 for _ in stream_bibtex_references(bibtex_text_source(source), source))
    except ImportError:  # a copy of the code from before the streaming convert
        from citecheck.cli.commands import convert_text
        from citecheck.inputs import read_source
        from citecheck.parse.document import convert_references

        def convert_file(source: str, to: str, output: Path) -> int:
            refs = convert_references(read_source(source))
            output.write_text(convert_text(refs, to), encoding="utf-8")
            return len(refs)

        def parse_file(source: str) -> int:
            return len(convert_references(read_source(source)))
    started, cpu = time.perf_counter(), time.process_time()
    count = parse_file(path) if to == "parse" else convert_file(path, to, out)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    out.unlink(missing_ok=True)
    json.dump({"refs": count, "seconds": elapsed, "cpu_seconds": cpu, "own_peak_rss_mb": own_peak_rss_mb()}, sys.stdout)


def own_peak_rss_mb() -> float | None:
    """This process's own peak RSS (Linux ``VmHWM``). ``os.wait4``'s figure is not that: a child
    forked from the parent starts with the parent's resident pages, and keeps that peak through
    ``exec`` (the parent holds the generated input file, tens of MB at 100,000 entries)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def run_child(args: list[str]) -> tuple[dict, float]:
    """Run this file as a child; its JSON output and its peak RSS in MB."""
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), *args], stdout=subprocess.PIPE,
                            cwd=str(ROOT))
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode:
        raise SystemExit(f"child {args} failed with exit code {proc.returncode}")
    return json.loads(out), usage.ru_maxrss / 1024  # Linux: kilobytes


def use_compiled(dest: Path) -> None:
    """Measure a copy of the source whose listed modules are compiled (``scripts/compile_parser.py``):
    this process and its children read it as SRC."""
    global SRC
    built = subprocess.run([sys.executable, str(ROOT / "scripts" / "compile_parser.py"), str(dest)],
                           capture_output=True, text=True)
    if built.returncode:
        raise SystemExit(f"the parser did not compile:\n{built.stderr}")
    SRC = Path(built.stdout.strip())
    os.environ["PARSE_SPEED_SRC"] = str(SRC)


def compiled_modules() -> int:
    """How many of SRC's modules mypyc compiled (0: the Python source); not the CRF's own C extension."""
    return sum(1 for _ in (SRC / "citecheck").rglob("*.so") if "__mypyc" not in _.name and not _.name.startswith("_crf."))


def cold(code: str, repeat: int) -> float:
    """Median seconds from spawning ``python -c code`` to the time it prints (time.time())."""
    times = []
    for _ in range(repeat):
        started = time.time()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=str(ROOT),
                             env={**os.environ, "PYTHONPATH": str(SRC)})
        times.append(float(out.stdout.split()[-1]) - started)
    return statistics.median(times)


def count_instructions(texts: list[str], n: int, tmp: Path) -> dict:
    """Instructions (valgrind's cachegrind, no cache simulation) of parsing ``n`` free-text references,
    less those of parsing 10 (the interpreter, the imports and the tagger's loading), per 1,000."""
    if shutil.which("valgrind") is None:
        return {"n": n, "error": "valgrind not found"}
    counts = {}
    for size in (10, n):
        path = tmp / f"instructions-{size}.md"
        path.write_text(markdown_document(texts[:size]), encoding="utf-8")
        out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                              sys.executable, str(Path(__file__).resolve()), "--child", "free", str(path)],
                             capture_output=True, text=True, check=True, cwd=str(ROOT))
        found = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
        if found is None:
            return {"n": n, "error": "no instruction count in valgrind's output"}
        counts[size] = int(found.group(1).replace(",", ""))
    return {"n": n, "per_1000_refs": (counts[n] - counts[10]) * 1000 / (n - 10), "baseline_10": counts[10]}


# -- the table -----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, FREE_SIZES)), help="free-text reference counts")
    parser.add_argument("--bib-sizes", default=",".join(map(str, BIB_SIZES)), help="BibTeX entry counts")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each cold start (the median is shown)")
    parser.add_argument("--bib-to", default="bibtex", choices=("bibtex", "biblatex", "csl-json", "ris"),
                        help="the output format of the BibTeX conversion")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--instructions", type=int, default=0, metavar="N",
                        help="also count, under valgrind, the instructions of parsing N free-text references "
                             "(steady where timings on a shared machine are not)")
    parser.add_argument("--compiled", action="store_true",
                        help="measure the parser compiled by mypyc, as a wheel (pip install .) has it: "
                             "scripts/compile_parser.py builds a copy first (about a minute)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    results: dict = {"free_text": [], "cold_start": {}, "bibtex": [], "bibtex_to": args.bib_to}
    with tempfile.TemporaryDirectory(prefix="parse-speed-") as tmp:
        if args.compiled:
            use_compiled(Path(tmp, "compiled"))
        results["compiled"] = compiled_modules()
        texts = reference_texts()
        for n in (int(s) for s in args.sizes.split(",") if s):
            if n > len(texts):
                raise SystemExit(f"only {len(texts)} distinct labelled references: {n} asked")
            path = Path(tmp, f"refs-{n}.md")
            path.write_text(markdown_document(texts[:n]), encoding="utf-8")
            got, rss = run_child(["--child", "free", str(path)])
            results["free_text"].append({"n": n, "parsed": got["refs"], "seconds": got["seconds"],
                                         "cpu_seconds": got["cpu_seconds"], "peak_rss_mb": got.get("own_peak_rss_mb") or rss})

        small_md = Path(tmp, "small.md")
        small_md.write_text(markdown_document(texts[-10:]), encoding="utf-8")
        small_bib = Path(tmp, "small.bib")
        small_bib.write_text(bib_document(10), encoding="utf-8")
        stamp = "import time; print(time.time())"
        entry = "from citecheck.inputs import read_source; from citecheck.parse.document import convert_references"
        results["cold_start"] = {
            "python -c pass": cold(stamp, args.repeat),
            "import": cold(f"{entry}; {stamp}", args.repeat),
            "import + 10 free-text refs": cold(f"{entry}; convert_references(read_source({str(small_md)!r})); {stamp}", args.repeat),
            "import + 10 BibTeX entries": cold(f"{entry}; convert_references(read_source({str(small_bib)!r})); {stamp}", args.repeat),
        }

        for n in (int(s) for s in args.bib_sizes.split(",") if s):
            path = Path(tmp, f"refs-{n}.bib")
            path.write_text(bib_document(n), encoding="utf-8")
            size_mb = path.stat().st_size / 1e6
            got, rss = run_child(["--child", f"bib:{args.bib_to}", str(path)])
            parsed, parse_rss = run_child(["--child", "bib:parse", str(path)])
            results["bibtex"].append({"n": n, "parsed": parsed["refs"], "converted": got["refs"], "seconds": got["seconds"],
                                      "cpu_seconds": got["cpu_seconds"], "peak_rss_mb": got.get("own_peak_rss_mb") or rss,
                                      "parse_seconds": parsed["seconds"], "parse_cpu_seconds": parsed["cpu_seconds"],
                                      "parse_peak_rss_mb": parsed.get("own_peak_rss_mb") or parse_rss, "file_mb": size_mb})
            path.unlink()
        if args.instructions:
            results["instructions"] = count_instructions(texts, args.instructions, Path(tmp))
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print_tables(results)
    return 0


def print_tables(results: dict) -> None:
    built = f"{results['compiled']} modules compiled by mypyc, as a wheel has them" if results.get("compiled") else "the Python source, as an editable install has it"
    print(f"free text (Markdown bibliography, read_source + convert_references, rules + CRF tagger; {built})")
    print(f"{'references':>10} {'parsed':>7} {'seconds':>8} {'refs/s':>7} {'ms/ref':>7} {'CPU refs/s':>11} {'peak RSS MB':>12}")
    for r in results["free_text"]:
        print(f"{r['n']:>10,} {r['parsed']:>7,} {r['seconds']:>8.2f} {r['n'] / r['seconds']:>7.0f} "
              f"{1000 * r['seconds'] / r['n']:>7.3f} {r['n'] / r['cpu_seconds']:>11.0f} {r['peak_rss_mb']:>12.0f}")
    print("\ncold start (seconds from spawning python to the result, median)")
    for name, seconds in results["cold_start"].items():
        print(f"  {name:<30} {seconds:>6.3f}")
    print(f"\nBibTeX (synthetic .bib: converted to {results.get('bibtex_to', 'bibtex')} as citecheck convert -o does; "
          "parse: the same reading, nothing written)")
    print(f"{'entries':>10} {'parsed':>8} {'file MB':>8} {'seconds':>8} {'entries/s':>10} {'us/entry':>9} "
          f"{'CPU entries/s':>14} {'parse CPU e/s':>14} {'peak RSS MB':>12} {'MB/10k':>7} {'x first':>8} {'parse RSS MB':>13}")
    first = results["bibtex"][0]["peak_rss_mb"] if results["bibtex"] else 0
    for r in results["bibtex"]:
        print(f"{r['n']:>10,} {r['parsed']:>8,} {r['file_mb']:>8.1f} {r['seconds']:>8.2f} {r['n'] / r['seconds']:>10.0f} "
              f"{1e6 * r['seconds'] / r['n']:>9.1f} {r['n'] / r['cpu_seconds']:>14.0f} {r['n'] / r['parse_cpu_seconds']:>14.0f} "
              f"{r['peak_rss_mb']:>12.0f} {10_000 * r['peak_rss_mb'] / r['n']:>7.1f} {r['peak_rss_mb'] / first:>8.2f} "
              f"{r['parse_peak_rss_mb']:>13.0f}")
    counted = results.get("instructions")
    if counted:
        print(f"\ninstructions (valgrind cachegrind), free text, {counted['n']:,} references less 10")
        if "error" in counted:
            print(f"  not counted: {counted['error']}")
        else:
            print(f"  {counted['per_1000_refs'] / 1e6:,.0f}M per 1,000 references")


if __name__ == "__main__":
    raise SystemExit(main())
