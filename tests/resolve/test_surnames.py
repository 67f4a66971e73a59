"""The US Census 1990 surname prior: the bundled table and the evidence it gives."""
from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from citecheck.model import Name, Reference, Span
from citecheck.resolve.evidence import NameEvidenceSource, surname_words
from citecheck.resolve.surnames import SurnameFrequencies, SurnameFrequencyPrior

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_surname_prior.py"


def reference(*families: str, literal: str = "") -> Reference:
    authors = tuple(Name(family=f) for f in families) + ((Name(literal=literal),) if literal else ())
    return Reference(raw="", span=Span("refs.md", 1, 1, 0, 1), authors=authors)


@pytest.fixture(scope="module")
def table():
    return SurnameFrequencies.bundled()


def test_bundled_table_holds_the_census_list(table):
    assert len(table) == 88_799
    assert table.lookup("SMITH").rank == 1 and table.lookup("smith").per_100k == 1006
    assert table.lookup("ZAUGG").rank == 30_853 and table.lookup("KIM").rank == 233
    assert table.lookup("ZUAGG") is None and table.lookup("HAERENS") is None


def test_frequencies_never_rise_with_rank(table):
    frequencies = [table.lookup(name).per_100k for name in table]
    assert all(a >= b for a, b in zip(frequencies, frequencies[1:]))
    assert table.floor == frequencies[-1] > 0


def test_bundled_is_loaded_once(table):
    assert SurnameFrequencies.bundled() is table


def test_listed_against_unlisted(table):
    (evidence,) = SurnameFrequencyPrior(table).weigh(["Zaugg", "Zuagg"], reference("Zaugg"))
    assert evidence.supports == "Zaugg" and 2.0 <= evidence.weight <= 3.0
    assert "ZAUGG is listed (rank 30,853" in evidence.detail and "ZUAGG is not" in evidence.detail


def test_weight_grows_with_frequency_and_is_capped():
    table = SurnameFrequencies.from_lines(["# header", "COMMON\t500", "MIDDLE\t0.5", "RARE\t0.1"])
    prior = SurnameFrequencyPrior(table)
    weights = [prior.weigh([name, "QQQQ"], reference(name))[0].weight for name in ("RARE", "MIDDLE", "COMMON")]
    assert weights[0] == 2.0 and weights[0] < weights[1] < weights[2] == 3.0


def test_two_listed_names_compare_by_log_ratio():
    table = SurnameFrequencies.from_lines(["ABC\t4", "ABD\t2", "ABE\t0.001"])
    prior = SurnameFrequencyPrior(table)
    (evidence,) = prior.weigh(["Abd", "Abc"], reference("Abd"))
    assert (evidence.supports, evidence.weight) == ("Abc", pytest.approx(math.log(2), abs=1e-3))
    (capped,) = prior.weigh(["Abe", "Abc"], reference("Abe"))
    assert (capped.supports, capped.weight) == ("Abc", 3.0)


def test_kim_against_kin(table):
    (evidence,) = SurnameFrequencyPrior(table).weigh(["Kim", "Kin"], reference("Enos", "Kim"))
    assert (evidence.supports, evidence.weight) == ("Kim", 3.0)


def test_names_absent_on_both_sides_say_nothing(table):
    assert SurnameFrequencyPrior(table).weigh(["Haerans", "Haerens"], reference("Haerans")) == ()


def test_organisations_and_titles_are_skipped(table):
    prior = SurnameFrequencyPrior(table)
    assert prior.weigh(["Smith", "Smiht"], reference(literal="Smith")) == ()
    assert prior.weigh(["Smith", "Smiht"], reference()) == ()


def test_hyphenated_names_are_compared_word_by_word(table):
    prior = SurnameFrequencyPrior(table)
    (evidence,) = prior.weigh(["Newman-Zaugg", "Newman-Zuagg"], reference("Newman-Zaugg"))
    assert evidence.supports == "Newman-Zaugg" and "ZAUGG is listed" in evidence.detail
    assert prior.weigh(["Newman Zaugg", "Zuagg"], reference("Newman Zaugg")) == ()


def test_surname_words_fold_and_split():
    assert surname_words("Müller-O'Brien  van") == ("MULLER", "OBRIEN", "VAN")


def test_prior_speaks_the_source_protocol(table):
    assert isinstance(SurnameFrequencyPrior(table), NameEvidenceSource)


def test_build_script_estimates_and_formats():
    spec = importlib.util.spec_from_file_location("build_surname_prior", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rows = [("A", 0.5, 0.5, 1)] + [(f"N{i}", 0.0, 0.5 + 0.001 * i, i + 1) for i in range(1, 200)]
    percents = script.estimate_percents(rows)
    assert percents[0] == 0.5 and percents[1:] == pytest.approx([0.001] * 199)
    assert all(a >= b for a, b in zip(percents, percents[1:]))
    assert (script.format_per_100k(1006.0), script.format_per_100k(0.27812)) == ("1006", "0.278")
