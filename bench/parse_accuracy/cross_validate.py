"""Out-of-fold field errors on the training split: for choosing features and options without the held-out sets.

    .venv/bin/python bench/parse_accuracy/cross_validate.py [--folds 0,1,2,3,4] [--json] [--models DIR]

The training split (``scripts/train_tagger.py``'s sets less the held-out 20%) is cut into five folds
by a stable hash of each reference's text (``fold_of``: independent of the held-out split's, which
reads other bytes of the hash). For each fold a fresh model is trained on the other four, with the
shipped options (``train_tagger.PARAMS``), and the fold's references are read by the tagger alone
and by rules + tagger (the shipped parser), as ``run.py`` reads the held-out sets. It prints the
field errors (false and missed fields, ``run.Tally``) per set and in all: the figure to lower. One
training at a time (about a minute each); the whole run takes five to six minutes.

``--models DIR`` keeps the fold models in DIR and trains a fold again only when what it was trained
on changed (the digest of the other folds' items and labels and the options, in ``foldN.key``): a
change to the rules alone, which leaves the features as they were, is read out of fold in well under
a minute.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(HERE))

import pycrfsuite  # noqa: E402

import run  # noqa: E402  (bench/parse_accuracy/run.py)
import train_tagger  # noqa: E402  (scripts/train_tagger.py)
from citecheck.parse import references  # noqa: E402
from citecheck.parse.tagger import FEATURE_VERSION, LABELS  # noqa: E402
from citecheck.parse.tagger.features import chunk_labels, clear_caches, sequence_items  # noqa: E402
from citecheck.parse.tagger.model import ReferenceTagger, read_weights, write_weights  # noqa: E402

FOLDS = 5
READERS = ("tagger", "rules+tagger")


def fold_of(text: str) -> int:
    """The fold of a reference: hex digits 4 to 8 of the SHA-1 of its text, modulo 5."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[4:8], 16) % FOLDS


def training_key(items: list, labels: list, folds: list[int], fold: int) -> str:
    """The digest of what ``fold``'s model is trained on: the other folds' items and labels, and the options."""
    digest = hashlib.sha1(json.dumps(train_tagger.PARAMS, sort_keys=True).encode())
    for item, label, k in zip(items, labels, folds):
        if k != fold:
            for attributes, y in zip(item, label):
                digest.update(b"\x00".join(attributes) + b"\x01" + y.encode() + b"\x02")
            digest.update(b"\x03")
    return digest.hexdigest()


def kept_fold(items: list, labels: list, folds: list[int], fold: int, models: Path) -> ReferenceTagger:
    """``fold``'s model from ``models`` if it was trained on what it would be trained on now, else trained anew there."""
    key = training_key(items, labels, folds, fold)
    path, weights, key_file = models / f"fold{fold}.crfsuite", models / f"fold{fold}.weights", models / f"fold{fold}.key"
    if key_file.is_file() and key_file.read_text() == key and path.is_file():
        found = read_weights(weights, path)
        if found is not None:
            return ReferenceTagger(path, {"feature_version": FEATURE_VERSION, "labels": list(LABELS)}, found)
    models.mkdir(parents=True, exist_ok=True)
    key_file.unlink(missing_ok=True)  # a fold cut off while training is trained again
    tagger = train_fold(items, labels, folds, fold, models)
    key_file.write_text(key)
    return tagger


def train_fold(items: list, labels: list, folds: list[int], fold: int, out: Path) -> ReferenceTagger:
    """A model trained on every reference but ``fold``'s, opened as the parser opens the shipped one."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for item, label, k in zip(items, labels, folds):
        if k != fold:
            trainer.append(item, label)
    trainer.set_params(train_tagger.PARAMS)
    path = out / f"fold{fold}.crfsuite"
    trainer.train(str(path))
    weights = write_weights(path, out / f"fold{fold}.weights")  # opened with its weights, as the shipped one is
    return ReferenceTagger(path, {"feature_version": FEATURE_VERSION, "labels": list(LABELS)}, weights)


def use_tagger(tagger: ReferenceTagger) -> None:
    """Make the parser and the bench read with ``tagger`` (both look it up by name at each call)."""
    references.load_tagger = lambda: tagger  # type: ignore[assignment]
    run.load_tagger = lambda: tagger  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", default=",".join(str(k) for k in range(FOLDS)), help="the folds to run (default: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--models", type=Path, help="keep the fold models here, and reuse those trained on the same data and options")
    args = parser.parse_args(argv)
    chosen = [int(k) for k in args.folds.split(",")]
    started = time.perf_counter()
    refs = train_tagger.load(include_held_out=False)
    folds = [fold_of(r.text) for r in refs]
    items, labels, chunks = [], [], []
    for ref in refs:
        spans, chunk_items = sequence_items(ref.tokens)
        chunks.append(spans)
        items.append(chunk_items)
        labels.append(chunk_labels(ref.labels, spans))
    tallies: dict[str, dict[str, run.Tally]] = {reader: defaultdict(run.Tally) for reader in READERS}
    confused: dict[tuple[str, str], int] = defaultdict(int)  # (gold, tagged) -> chunks, where they differ
    with tempfile.TemporaryDirectory(prefix="citecheck-cv-") as tmp:
        for fold in chosen:
            if args.models is not None:
                tagger = kept_fold(items, labels, folds, fold, args.models)
            else:
                tagger = train_fold(items, labels, folds, fold, Path(tmp))
            use_tagger(tagger)
            for ref, k, gold_labels, spans in zip(refs, folds, labels, chunks):
                if k != fold:
                    continue
                tagged = tagger.tag_tokens(ref.tokens)
                for (i, _), label in zip(spans, gold_labels):
                    if tagged[i][0] != label:
                        confused[label, tagged[i][0]] += 1
                gold = run.gold_fields(ref)
                for reader in READERS:
                    got, conf = run.READERS[reader](ref.text)
                    tallies[reader][ref.source].add(gold, got, conf)
                    tallies[reader]["all"].add(gold, got, conf)
            clear_caches()
            sys.stderr.write(f"fold {fold} done at {time.perf_counter() - started:.0f} s\n")
    results: dict = {reader: {name: errors(t) for name, t in sorted(by_set.items())} for reader, by_set in tallies.items()}
    results["confused_chunks"] = {f"{g} -> {t}": n for (g, t), n in sorted(confused.items(), key=lambda kv: -kv[1])}
    sys.stdout.write(json.dumps(results, indent=1) + "\n" if args.json else report(results, args.folds))
    return 0


def report(results: dict, folds: str) -> str:
    """The figures as text: errors per set and reader, per field, and the chunks most often mislabelled."""
    sets = sorted({name for r in READERS for name in results[r]})  # not the confused chunks' pairs
    lines = [f"out-of-fold field errors (false + missed fields), folds {folds}",
             f"{'set':<16}" + "".join(f"{r:>16}" for r in READERS)]
    for name in sets:
        lines.append(f"{name:<16}" + "".join(
            f"{results[r][name]['errors']:>9} ({results[r][name]['micro_f1']:.4f})" for r in READERS))
    lines.append("per field (rules+tagger, all): " + ", ".join(
        f"{f} {n}" for f, n in results["rules+tagger"]["all"]["fields"].items()))
    confused = results["confused_chunks"]
    lines.append(f"chunks the tagger labels wrongly: {sum(confused.values())}; most often (gold -> tagged): " + ", ".join(
        f"{pair} {n}" for pair, n in list(confused.items())[:12]))
    return "\n".join(lines) + "\n"


def errors(tally: run.Tally) -> dict:
    """Field errors (false + missed) in all and per field, and the micro-F1."""
    per_field = {f: tally.counts[f][1] + tally.counts[f][2] for f in run.FIELDS}
    return {"errors": sum(per_field.values()), "micro_f1": round(tally.micro(), 4), "fields": per_field,
            "references": tally.exact[1]}


if __name__ == "__main__":
    raise SystemExit(main())
