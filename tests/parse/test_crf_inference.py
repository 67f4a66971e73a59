"""The tagger's CRF inference in C (``parse/tagger/_crf.c``) and the weights file it reads (``crf_weights``).

A wheel tags with the C extension, an editable install (these tests') with python-crfsuite: both must
give the same labels and marginals. Here the extension is built on its own into a temporary directory
(a C compiler is needed, as for a wheel) and checked against a brute-force CRF on a tiny hand-built
model, then against python-crfsuite on the shipped model for a sample of the labelled references. The
weights file must be the shipped crfsuite model's, byte for byte as ``scripts/train_tagger.py`` writes it.
"""
from __future__ import annotations

import importlib.util
import itertools
import math
import random
import shutil
import struct
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pycrfsuite
import pytest

from citecheck.parse.tagger import TaggerModelError, load_tagger, read_sequences
from citecheck.parse.tagger import model as tagger_model
from citecheck.parse.tagger.crf_weights import CrfWeights, WeightsFileError, decode, encode, from_crfsuite
from citecheck.parse.tagger.model import MODEL_FILE, WEIGHTS_FILE, ReferenceTagger, model_meta, read_weights, write_weights

ROOT = Path(__file__).resolve().parents[2]
DATA = resources.files("citecheck.parse.tagger").joinpath("data")
SOURCE = ROOT / "src" / "citecheck" / "parse" / "tagger" / "_crf.c"
# the CRF labels the link url, but no link starts with italics: the tagger's override takes another label
LINK_IN_ITALICS = "Smith, J. (2019). A title. *https://example.org/page*.".split()


# -- the weights file ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def model_bytes() -> bytes:
    return (DATA / MODEL_FILE).read_bytes()



def test_shipped_weights_file_is_the_models_byte_for_byte(model_bytes):
    assert encode(from_crfsuite(model_bytes)) == (DATA / WEIGHTS_FILE).read_bytes()


def test_weights_are_crfsuites(model_bytes, crfsuite_tagger):
    # crfsuite's dump prints six decimals: the weights read from the model file round to it
    weights = from_crfsuite(model_bytes)
    info = crfsuite_tagger.info()
    assert weights.labels == tuple(crfsuite_tagger.labels())
    size = len(weights.labels)
    transitions = struct.unpack(f"<{size * size}d", weights.transitions)
    ids = {label: i for i, label in enumerate(weights.labels)}
    expected = {(ids[a], ids[b]): w for (a, b), w in info.transitions.items()}
    assert {(i // size, i % size): w for i, w in enumerate(transitions) if w} == pytest.approx(expected, abs=1e-6)
    states = {(weights.attributes[a].decode(), weights.labels[y]): w
              for a, y, w in struct.iter_unpack("<IId", weights.state_features)}
    assert states == pytest.approx(info.state_features, abs=1e-6)
    assert list(weights.attributes) == sorted(weights.attributes)


def test_weights_file_round_trip_and_errors(model_bytes, tmp_path):
    weights = from_crfsuite(model_bytes)
    data = encode(weights)
    assert decode(data) == weights
    for bad in (data[:-1], data[:100], b"CCRFW002" + data[8:], b""):
        with pytest.raises(WeightsFileError):
            decode(bad)
    with pytest.raises(WeightsFileError):
        from_crfsuite(data)  # not a crfsuite model
    with pytest.raises(WeightsFileError):
        encode(CrfWeights(weights.model_sha256, weights.labels, (b"a\nb",), weights.transitions, b""))


def test_weights_file_for_another_model_is_refused(tmp_path):
    with resources.as_file(DATA / MODEL_FILE) as model:
        write_weights(model, tmp_path / WEIGHTS_FILE)
        assert (tmp_path / WEIGHTS_FILE).read_bytes() == (DATA / WEIGHTS_FILE).read_bytes()
        other = tmp_path / MODEL_FILE
        shutil.copyfile(model, other)
        assert read_weights(tmp_path / WEIGHTS_FILE, other) is not None
        other.write_bytes(other.read_bytes() + b"\0")
        assert read_weights(tmp_path / WEIGHTS_FILE, other) is None
        assert read_weights(tmp_path / "missing.weights", model) is None
        (tmp_path / "bad.weights").write_bytes(b"CCRFW001")
        assert read_weights(tmp_path / "bad.weights", model) is None


def test_the_tagger_uses_crfsuite_without_the_extension(monkeypatch):
    # an editable install has no extension: the shipped tagger falls back to python-crfsuite
    monkeypatch.setattr(tagger_model, "_c_model_class", lambda: None)
    with resources.as_file(DATA / MODEL_FILE) as model:
        weights = read_weights(DATA / WEIGHTS_FILE, model)
        assert ReferenceTagger(model, model_meta(), weights).inference == "crfsuite"
        with pytest.raises(TaggerModelError, match="_crf"):
            ReferenceTagger(model, model_meta(), weights, inference="c")
        with pytest.raises(ValueError, match="inference"):
            ReferenceTagger(model, model_meta(), weights, inference="numpy")
    assert load_tagger().inference == ("c" if tagger_model._c_model_class() is not None else "crfsuite")


# -- the C extension ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def crf(tmp_path_factory):
    """The extension, built from its source alone (as setup.py builds it for a wheel)."""
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler")
    out = tmp_path_factory.mktemp("crf")
    code = ("import sys; from setuptools import Extension, setup; "
            "setup(name='crf', ext_modules=[Extension('_crf', [sys.argv[1]])], script_name='setup.py', "
            "script_args=['build_ext', '--build-lib', sys.argv[2], '--build-temp', sys.argv[2]])")
    build = subprocess.run([sys.executable, "-c", code, str(SOURCE), str(out)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-3000:]
    (path,) = out.glob("_crf*.so")
    spec = importlib.util.spec_from_file_location("_crf", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pack(transitions: list[list[float]], states: dict[tuple[int, int], float]) -> tuple[bytes, bytes]:
    flat = [w for row in transitions for w in row]
    return (struct.pack(f"<{len(flat)}d", *flat),
            b"".join(struct.pack("<IId", a, y, w) for (a, y), w in sorted(states.items())))


def _brute_force(labels, transitions, states, items, index):
    """Viterbi and marginals by enumerating every path. Of equal best paths, crfsuite's Viterbi keeps the
    one with the lowest last label, then the lowest label before it, and so on (a strict "<" at each
    step): the least path read backwards. The tiny model's weights are sums of powers of two, so equal
    paths are exactly equal whatever the order of the additions."""
    size = len(labels)
    scores = [[sum(states.get((index[a], y), 0.0) for a in item if a in index) for y in range(size)] for item in items]
    paths = {}
    for path in itertools.product(range(size), repeat=len(items)):
        paths[path] = sum(scores[t][y] for t, y in enumerate(path)) + sum(
            transitions[a][b] for a, b in zip(path, path[1:]))
    best = max(paths.values())
    viterbi = min((p for p, s in paths.items() if s == best), key=lambda p: p[::-1])
    norm = sum(math.exp(s) for s in paths.values())
    marginals = [[sum(math.exp(s) for p, s in paths.items() if p[t] == y) / norm for y in range(size)]
                 for t in range(len(items))]
    return [labels[y] for y in viterbi], marginals


def test_tiny_model_is_the_brute_force_crf(crf):
    # ties happen here (an empty item then z, y, z: "a c" and "c b" both score 3.5): crfsuite's rule decides
    labels = ("a", "b", "c")
    index = {b"x": 0, b"y": 1, b"z": 2}
    transitions = [[0.5, -1.0, 0.0], [0.25, 0.75, -2.0], [0.0, 1.5, -0.5]]
    states = {(0, 0): 1.0, (0, 2): -0.5, (1, 1): 2.0, (1, 0): 0.125, (2, 2): 1.75}
    model = crf.Model(labels, index, *_pack(transitions, states))
    assert model.labels == labels and model.num_attributes == 3
    rng = random.Random(3)
    for _ in range(200):
        items = [[rng.choice([b"x", b"y", b"z", b"unknown"]) for _ in range(rng.randint(0, 4))]
                 for _ in range(rng.randint(1, 5))]
        got_labels, got_probs, every = model.tag(items)
        want_labels, want_marginals = _brute_force(labels, transitions, states, items, index)
        assert got_labels == want_labels, items
        flat = struct.unpack(f"{len(items) * 3}d", every)
        assert flat == pytest.approx([m for row in want_marginals for m in row], abs=1e-12)
        assert got_probs == [flat[t * 3 + labels.index(y)] for t, y in enumerate(got_labels)]


def test_tiny_model_counts_an_attribute_twice_and_skips_the_unknown(crf):
    model = crf.Model(("a", "b"), {b"x": 0}, *_pack([[0.0, 0.0], [0.0, 0.0]], {(0, 1): 0.6}))
    _, once, _ = model.tag([[b"x"]])
    _, twice, _ = model.tag([[b"x", b"x", b"nope", "a str", 5]])
    assert once[0] == pytest.approx(math.exp(0.6) / (1 + math.exp(0.6)))
    assert twice[0] == pytest.approx(math.exp(1.2) / (1 + math.exp(1.2)))
    assert model.tag([]) == ([], [], b"")
    assert model.tag([[], ()])[0] == ["a", "a"]  # all equal: the first label, as crfsuite keeps the first best


def test_tiny_model_refuses_bad_weights_and_items(crf):
    trans, feats = _pack([[0.0, 0.0], [0.0, 0.0]], {(0, 1): 0.6})
    with pytest.raises(ValueError):
        crf.Model(("a", "b"), {b"x": 0}, trans[:-8], feats)
    with pytest.raises(ValueError):
        crf.Model(("a", "b"), {b"x": 0}, trans, feats[:-1])
    with pytest.raises(ValueError):
        crf.Model(("a", "b"), {b"x": 1}, trans, feats)  # an id beyond the attributes
    with pytest.raises(ValueError):
        crf.Model(("a", "b"), {b"x": 0}, trans, struct.pack("<IId", 0, 2, 1.0))  # a label beyond the labels
    with pytest.raises(ValueError):  # the records out of order (the weights file writes them by attribute, label)
        crf.Model(("a", "b"), {b"x": 0}, trans, struct.pack("<IId", 0, 1, 1.0) + struct.pack("<IId", 0, 0, 1.0))
    with pytest.raises(ValueError):
        crf.Model((), {}, b"", b"")
    with pytest.raises(TypeError):
        crf.Model(("a", 2), {b"x": 0}, trans, feats)
    model = crf.Model(("a", "b"), {b"x": 0}, trans, feats)
    with pytest.raises(TypeError):
        model.tag([b"x"])  # an item must be a list of attributes
    with pytest.raises(TypeError):
        model.tag(([b"x"],))
    with pytest.raises(TypeError):
        model.tag([[[b"x"]]])  # an unhashable attribute
    assert model.tag([[b"x"]] * 40)[0] == ["b"] * 40 and model.tag([[b"x"]])[0] == ["b"]  # its scratch grows, then is reused


def test_tiny_model_caches_names_by_object_and_lets_them_go(crf):
    # the names are remembered by address, each with a reference held: equal names made afresh each time
    # and the same object again give the same scores, and the model's end releases the names it held
    model = crf.Model(("a", "b"), {b"name-x": 0, b"name-y": 1},
                      *_pack([[0.0, 0.25], [0.5, 0.0]], {(0, 1): 0.6, (1, 0): 1.5}))
    shared = bytes(bytearray(b"name-x"))  # equal to the index's key, not the same object
    fresh = [[bytes(bytearray(name)) for name in (b"name-x", b"name-y", b"name-x", b"name-z")] for _ in range(50)]
    first = model.tag(fresh[:1] + [[shared]])
    before = sys.getrefcount(shared)
    for item in fresh:
        assert model.tag([item, [shared]]) == first
    assert sys.getrefcount(shared) == before  # held once, not once a call
    del model
    assert sys.getrefcount(shared) == before - 1


def test_tiny_model_is_not_reentered(crf):
    # an attribute's own __eq__ runs while tag() reads the items: calling tag() there is refused, not corrupting
    model = crf.Model(("a", "b"), {b"x": 0}, *_pack([[0.0, 0.0], [0.0, 0.0]], {(0, 1): 0.6}))

    class Sneaky:
        def __hash__(self):
            return hash(b"x")

        def __eq__(self, other):
            model.tag([[b"x"]])
            return False

    with pytest.raises(RuntimeError, match="again"):
        model.tag([[Sneaky()]])
    assert model.tag([[b"x"]])[0] == ["b"]


@pytest.fixture(scope="module")
def sample() -> list[list[str]]:
    refs = []
    for path in sorted((ROOT / "data").glob("*/*.xml")):
        refs += read_sequences(path.read_text(encoding="utf-8"), path.stem)
    return [r.tokens for r in random.Random(41).sample(refs, 800)] + [LINK_IN_ITALICS, ["x"]]


def test_shipped_model_tags_as_crfsuite(crf, crfsuite_tagger, sample, model_bytes):
    weights = from_crfsuite(model_bytes)
    model = crf.Model(weights.labels, {a: i for i, a in enumerate(weights.attributes)},
                      weights.transitions, weights.state_features)
    items_of = load_tagger()._items
    size, worst = len(weights.labels), 0.0
    for tokens in sample:
        _, items = items_of(tokens)
        crfsuite_tagger.set(items)
        labels = crfsuite_tagger.tag()
        got_labels, got_probs, every = model.tag(items)
        assert got_labels == labels, tokens
        flat = struct.unpack(f"{len(items) * size}d", every)
        for c in range(len(items)):
            for y, label in enumerate(weights.labels):
                worst = max(worst, abs(flat[c * size + y] - crfsuite_tagger.marginal(label, c)))
        assert got_probs == [flat[c * size + weights.labels.index(y)] for c, y in enumerate(labels)]
    assert worst <= 1e-9  # on this machine they are the same to the last bit (crfsuite's arithmetic, step by step)


def test_tagger_with_the_extension_tags_as_with_crfsuite(crf, sample, monkeypatch):
    monkeypatch.setattr(tagger_model, "_c_model_class", lambda: crf.Model)
    with resources.as_file(DATA / MODEL_FILE) as model:
        weights = read_weights(DATA / WEIGHTS_FILE, model)
        in_c = ReferenceTagger(model, model_meta(), weights)
        by_crfsuite = ReferenceTagger(model, model_meta(), weights, inference="crfsuite")
    assert (in_c.inference, by_crfsuite.inference) == ("c", "crfsuite")
    assert in_c.labels == by_crfsuite.labels
    for tokens in sample:
        got, want = in_c.tag_tokens(tokens), by_crfsuite.tag_tokens(tokens)
        assert [label for label, _ in got] == [label for label, _ in want], tokens
        assert [p for _, p in got] == pytest.approx([p for _, p in want], abs=1e-9)
    assert in_c.tag_tokens(LINK_IN_ITALICS)[-1][0] not in ("url", "doi")  # the override, in both


def test_ties_are_broken_as_crfsuite_breaks_them(crf, tmp_path):
    # a model trained on data symmetric in its two labels: its scores tie, and both keep the first
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs in (["x", "y"], ["y", "x"]):
        for ys in (["a", "b"], ["b", "a"]):
            trainer.append([[x] for x in xs], ys)
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 50, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "tie.crfsuite"))
    weights = from_crfsuite((tmp_path / "tie.crfsuite").read_bytes())
    model = crf.Model(weights.labels, {a: i for i, a in enumerate(weights.attributes)},
                      weights.transitions, weights.state_features)
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(tmp_path / "tie.crfsuite"))
    for items in ([[b"x"]], [[]], [[], []], [[b"x"], [b"y"]], [[b"y"], [b"x"], [b"x"]]):
        crfsuite.set(items)
        labels = crfsuite.tag()
        assert model.tag(items)[:2] == (labels, [crfsuite.marginal(y, c) for c, y in enumerate(labels)])
    crfsuite.set([[b"x"]])
    assert crfsuite.marginal("a", 0) == crfsuite.marginal("b", 0) and model.tag([[b"x"]])[0] == ["a"]  # a tie
