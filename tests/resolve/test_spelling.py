"""The spelling-shape model: a weak, capped opinion on which spelling looks like a surname."""
from __future__ import annotations

import pytest

from citecheck.model import Name, Reference, Span
from citecheck.resolve.spelling import CharNgramModel, SpellingShape, count_top_grams


def reference(family: str = "", literal: str = "") -> Reference:
    name = Name(literal=literal) if literal else Name(family=family)
    return Reference(raw="", span=Span("refs.md", 1, 1, 0, 1), authors=(name,))


@pytest.fixture(scope="module")
def shape():
    return SpellingShape()


def test_bundled_model_loads_afresh_and_prefers_real_spellings():
    # its load time is part of the cold start measured by bench/parse_speed, not a timed test here
    load = CharNgramModel.bundled.__func__.__wrapped__  # the uncached loader
    model = load(CharNgramModel)
    assert model.log_likelihood("SMITH") > model.log_likelihood("SMIHT")


@pytest.mark.parametrize("history", ["^^^", "^^S", "SMI", "QXZ", ""])
def test_next_character_probabilities_sum_to_one(history):
    model = CharNgramModel.bundled()
    alphabet = {g for g in model._grams if len(g) == 1}
    assert sum(model._prob(history, c) for c in alphabet) == pytest.approx(1.0, abs=1e-4)


def test_a_small_trained_model_prefers_what_it_saw():
    model = CharNgramModel.train(["SMITH", "SMYTH", "JONES"])
    assert model.log_likelihood("SMITH") > model.log_likelihood("SMIHT")
    assert count_top_grams(["AB"]) == {"^^^A": 1, "^^AB": 1, "^AB$": 1}


def test_haerens_looks_more_like_a_surname_but_only_weakly(shape):
    (evidence,) = shape.weigh(["Haerans", "Haerens"], reference("Haerans"))
    assert evidence.supports == "Haerens"
    assert 0 < evidence.weight <= 1.0
    assert "weak evidence" in evidence.detail


def test_weight_is_scaled_difference_capped_at_one(shape):
    model = CharNgramModel.bundled()
    (evidence,) = shape.weigh(["Zaugg", "Zuagg"], reference("Zaugg"))
    expected = 0.3 * (model.log_likelihood("ZAUGG") - model.log_likelihood("ZUAGG"))
    assert expected < 1.0 and evidence.weight == pytest.approx(expected, abs=1e-3)
    (capped,) = shape.weigh(["Newman", "Nemwan"], reference("Newman"))
    assert (capped.supports, capped.weight) == ("Newman", 1.0)


def test_an_injected_model_is_used(shape):
    model = CharNgramModel.train(["HAERANS"])
    (evidence,) = SpellingShape(model).weigh(["Haerans", "Haerens"], reference("Haerans"))
    assert evidence.supports == "Haerans"


def test_literals_and_same_spellings_say_nothing(shape):
    assert shape.weigh(["Cybersex Trafficking", "Cybersex Traffiking"], reference(literal="Cybersex Trafficking")) == ()
    assert shape.weigh(["Kim", "KIM"], reference("Kim")) == ()
