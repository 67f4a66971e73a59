"""The out-of-fold bench (bench/parse_accuracy/cross_validate.py): its folds are stable and even, and
independent of the held-out split, so choosing features on them never reads the held-out sets."""
from __future__ import annotations

import hashlib
import importlib.util
from collections import Counter
from pathlib import Path

from citecheck.parse.tagger import LabelledReference, is_held_out

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    path = ROOT / "bench" / "parse_accuracy" / "cross_validate.py"
    spec = importlib.util.spec_from_file_location("cross_validate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _training(n: int) -> tuple[list, list, list]:
    """The first ``n`` labelled references of AnyStyle's core set, with their CRF items and chunk labels."""
    from citecheck.parse.tagger import read_sequences
    from citecheck.parse.tagger.features import chunk_labels, sequence_items

    refs = read_sequences((ROOT / "data" / "anystyle" / "core.xml").read_text(encoding="utf-8"), "anystyle-core")[:n]
    items, labels = [], []
    for ref in refs:
        spans, chunk_items = sequence_items(ref.tokens)
        items.append(chunk_items)
        labels.append(chunk_labels(ref.labels, spans))
    return refs, items, labels


def test_folds_are_stable_even_and_apart_from_the_held_out_split():
    bench = _bench()
    texts = [f"Author{i}, A. ({1900 + i % 120}). Title number {i}. Journal, {i}(2), 1-9." for i in range(2000)]
    assert bench.fold_of(texts[0]) == int(hashlib.sha1(texts[0].encode()).hexdigest()[4:8], 16) % 5
    counts = Counter(bench.fold_of(t) for t in texts)
    assert set(counts) == {0, 1, 2, 3, 4} and min(counts.values()) > 300
    held = [t for t in texts if is_held_out(LabelledReference(tuple(t.split()), ("note",) * len(t.split())))]
    assert len(set(bench.fold_of(t) for t in held)) == 5  # the held-out references fall in every fold alike


def test_a_fold_model_opens_with_its_weights_and_tags(tmp_path):
    """Each fold's model is opened as the shipped one is, with its weights file (the bench had passed
    the model's attribute list where ``ReferenceTagger`` takes a ``CrfWeights``, and stopped at fold 0)."""
    bench = _bench()
    refs, items, labels = _training(40)
    tagger = bench.train_fold(items, labels, [0] * 20 + [1] * 20, 1, tmp_path)
    tagged = tagger.tag_tokens(refs[-1].tokens)
    assert len(tagged) == len(refs[-1].tokens) and (tmp_path / "fold1.weights").exists()


def test_kept_fold_models_are_reused_only_for_the_same_training(tmp_path, monkeypatch):
    """``--models DIR``: a fold's model is trained once and reused while what it is trained on is the
    same; other items (a feature changed) train it again."""
    bench = _bench()
    refs, items, labels = _training(30)
    folds = [0] * 15 + [1] * 15
    trained = []
    real_train = bench.train_fold
    monkeypatch.setattr(bench, "train_fold", lambda *a: trained.append(a[3]) or real_train(*a))
    first = bench.kept_fold(items, labels, folds, 1, tmp_path)
    again = bench.kept_fold(items, labels, folds, 1, tmp_path)
    assert trained == [1] and again.tag_tokens(refs[-1].tokens) == first.tag_tokens(refs[-1].tokens)
    items[0] = [attributes + [b"w:changed"] for attributes in items[0]]  # fold 0 is fold 1's training data
    bench.kept_fold(items, labels, folds, 1, tmp_path)
    assert trained == [1, 1]
    bench.kept_fold(items, labels, folds, 0, tmp_path)  # another fold: its own model and key
    assert trained == [1, 1, 0] and (tmp_path / "fold0.key").is_file()


def test_the_text_report_names_the_sets_not_the_confused_chunks():
    """The text report listed every key of the results as a set, the confused chunks' "gold -> tagged"
    pairs too, and stopped with a KeyError after the last set."""
    bench = _bench()
    one = {"errors": 3, "micro_f1": 0.95, "fields": {"title": 2, "year": 1}, "references": 10}
    results = {"tagger": {"all": one, "web": one}, "rules+tagger": {"all": one, "web": one},
               "confused_chunks": {"title -> container": 2}}
    text = bench.report(results, "0")
    assert "web " in text and "per field (rules+tagger, all): title 2, year 1" in text
    assert "title -> container 2" in text and "\ntitle -> container" not in text
