"""Train the reference tagger shipped in src/citecheck/parse/tagger/data/.

Reproducible: the training sets are read in a fixed order (data/anystyle/core.xml,
data/anystyle/good.xml, data/labelled/web-references.xml), the held-out split is a stable
hash of each reference's text (``citecheck.parse.tagger.is_held_out``: about 20% kept out
for bench/parse_accuracy), and L-BFGS training has no random state. Running it twice gives
the same model file byte for byte.

    .venv/bin/python scripts/train_tagger.py            # train on the training split, write the model
    .venv/bin/python scripts/train_tagger.py --all      # train on everything (not for the bench)
    .venv/bin/python scripts/train_tagger.py --out /tmp/m  # write elsewhere
    .venv/bin/python scripts/train_tagger.py --weights-only  # only rewrite the weights file of the model in --out

Beside the model it writes the model's weights in the tagger's own file (``reference-tagger.weights``:
the labels, the attributes the model knows, which are all the tagger builds, and their weights, read
from the crfsuite model file; ``citecheck.parse.tagger.model.write_weights``), which the C inference
of a wheel reads; the same model gives the same bytes.

Takes under a minute on a 2-core machine.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from citecheck.parse.tagger import FEATURE_VERSION, LABELS, is_held_out, read_sequences  # noqa: E402
from citecheck.parse.tagger.features import chunk_labels, sequence_items  # noqa: E402
from citecheck.parse.tagger.model import META_FILE, MODEL_FILE, WEIGHTS_FILE, write_weights  # noqa: E402

TRAINING_SETS = (
    ("anystyle-core", ROOT / "data" / "anystyle" / "core.xml"),
    ("anystyle-good", ROOT / "data" / "anystyle" / "good.xml"),
    ("web", ROOT / "data" / "labelled" / "web-references.xml"),
    ("web-written", ROOT / "data" / "labelled" / "web-references-written-a.xml"),
    ("web-written", ROOT / "data" / "labelled" / "web-references-written-b.xml"),
)
PARAMS = {  # chosen on a validation split carved out of the training data, never the held-out one
    "c1": 0.2,  # L1: keeps the model small
    "c2": 0.2,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
DEFAULT_OUT = ROOT / "src" / "citecheck" / "parse" / "tagger" / "data"


def load(include_held_out: bool):
    refs = []
    for name, path in TRAINING_SETS:
        for ref in read_sequences(path.read_text(encoding="utf-8"), name):
            if include_held_out or not is_held_out(ref):
                refs.append(ref)
    return refs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="train on the held-out split too")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--weights-only", action="store_true",
                        help="write the weights file of the model already in --out, without training")
    args = parser.parse_args(argv)
    if args.weights_only:
        return weights(args.out / MODEL_FILE)
    started = time.perf_counter()
    refs = load(args.all)
    trainer = pycrfsuite.Trainer(verbose=False)
    for ref in refs:  # the tagger labels chunks: each takes the label most of its tokens carry
        spans, items = sequence_items(ref.tokens)
        trainer.append(items, chunk_labels(ref.labels, spans))
    trainer.set_params(PARAMS)
    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / MODEL_FILE
    trainer.train(str(model_path))
    weights(model_path)
    elapsed = time.perf_counter() - started
    digest = hashlib.sha256()
    for _, path in TRAINING_SETS:
        digest.update(path.read_bytes())
    counts: dict[str, int] = {}
    for ref in refs:
        counts[ref.source] = counts.get(ref.source, 0) + 1
    meta = {
        "feature_version": FEATURE_VERSION,
        "labels": list(LABELS),
        "trained_on": "all" if args.all else "training split (held-out 20% excluded)",
        "sequences": counts,
        "data_sha256": digest.hexdigest(),
        "params": PARAMS,
        "library": f"python-crfsuite {pycrfsuite.__version__ if hasattr(pycrfsuite, '__version__') else ''}".strip(),
        "licence": "model derived from AnyStyle's labelled references (BSD-2-Clause, Sylvester Keil) and "
        "citecheck's own web-reference set; see NOTICE",
    }
    (args.out / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    size = model_path.stat().st_size
    sys.stdout.write(f"trained on {len(refs)} references in {elapsed:.1f} s; model {size / 1e6:.2f} MB -> {model_path}\n")
    return 0


def weights(model_path: Path) -> int:
    written = write_weights(model_path, model_path.parent / WEIGHTS_FILE)
    sys.stdout.write(f"{len(written.labels)} labels, {len(written.attributes)} attributes known to the model "
                     f"-> {model_path.parent / WEIGHTS_FILE}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
