"""Deterministic citation keys."""
from __future__ import annotations

from dataclasses import replace

import pytest

from citecheck.emit.keys import assign_keys, make_key, organisation_part
from citecheck.model import Name, Reference, Span

SPAN = Span("refs.md", 1, 1, 0, 0)


def ref(**fields) -> Reference:
    return Reference(raw="", span=SPAN, **fields)


def person(family: str, given: str = "A", **kw) -> Name:
    return Name(family=family, given=given, **kw)


@pytest.mark.parametrize("record, key", [
    (ref(authors=(person("Zaugg"),), title="North Korean defectors", year=2019), "zauggNorth2019"),
    (ref(authors=(person("Haerans"),), title="The Human Trafficking Debate", year=2012), "haeransHuman2012"),
    (ref(authors=(person("Yoon"),), title="Sex and the city", year=2019), "yoonSex2019"),
    (ref(authors=(person("Müller-Łukasiewicz"),), title="Über alles", year=2001), "mullerlukasiewiczUber2001"),
    (ref(authors=(person("O'Brien"),), title="What is it? How trafficking works", year=2000), "obrienTrafficking2000"),
    (ref(authors=(person("Beethoven", particle="van"),), title="On the 9th symphony", year=1824), "beethoven9th1824"),
    (ref(authors=(person("Kim"),), title="2019 in review", no_date=True), "kimReviewnd"),
    (ref(authors=(person("Kim"),), title="2019", year=2020), "kim20192020"),
    (ref(authors=(person("Kim"),), title="COVID-19 in the DPRK"), "kimCovid19nd"),
    (ref(authors=(Name(literal="United Nations Office on Drugs and Crime"),), title="Global report", year=2018),
     "unodcGlobal2018"),
    (ref(authors=(Name(literal="Human Rights Watch"),), title="World report", year=2020), "hrwWorld2020"),
    (ref(authors=(Name(literal="UNICEF"),), title="Children", year=2016), "unicefChildren2016"),
    (ref(authors=(Name(literal="HP Boe"),), title="Cybersex trafficking", year=2017), "hpboeCybersex2017"),
    (ref(publisher="International Labour Organization", title="Forced labour", year=2014), "iloForced2014"),
    (ref(container="The Guardian", title="Slavery today", year=2015), "guardianSlavery2015"),
    (ref(title="Cybersex Trafficking", year=2017), "cybersex2017"),
    (ref(title="", no_date=True), "anonnd"),
])
def test_make_key(record, key):
    assert make_key(record) == key


def test_organisations_with_three_significant_words_give_initials():
    assert organisation_part("Médecins Sans Frontières") == "msf"
    assert organisation_part("Anti-Slavery International") == "antislaveryinternational"
    assert organisation_part("The World Bank") == "worldbank"


def test_clashes_get_letters_in_input_order():
    a = ref(authors=(person("Yoon"),), title="Sex work", year=2019)
    b = ref(authors=(person("Yoon"),), title="Sex and power", year=2019)
    c = ref(authors=(person("Lee"),), title="Other", year=2019)
    keys = [r.key for r in assign_keys([a, c, b])]
    assert keys == ["yoonSex2019a", "leeOther2019", "yoonSex2019b"]


def test_many_clashes_go_past_z():
    same = ref(authors=(person("Yoon"),), title="Sex", year=2019)
    keys = [r.key for r in assign_keys([same] * 28)]
    assert keys[0] == "yoonSex2019a" and keys[25] == "yoonSex2019z" and keys[26:] == ["yoonSex2019aa", "yoonSex2019ab"]
    assert len(set(keys)) == 28


def test_existing_keys_are_kept_and_new_ones_avoid_them():
    kept = ref(key="yoonSex2019", authors=(person("Yoon"),), title="Sex", year=2019)
    kept_a = ref(key="yoonSex2019a", authors=(person("Yoon"),), title="Sex", year=2019)
    new = ref(authors=(person("Yoon"),), title="Sex", year=2019)
    result = assign_keys([kept, kept_a, new])
    assert [r.key for r in result] == ["yoonSex2019", "yoonSex2019a", "yoonSex2019b"]
    assert result[0] is kept


def test_without_keep_existing_all_keys_are_regenerated():
    old = ref(key="Custom:Key", authors=(person("Zaugg"),), title="North", year=2019)
    assert [r.key for r in assign_keys([old], keep_existing=False)] == ["zauggNorth2019"]
    assert [r.key for r in assign_keys([old])] == ["Custom:Key"]


def test_assignment_is_deterministic_and_pure():
    refs = (ref(authors=(person("Zaugg"),), title="North", year=2019), ref(title="North", year=2019))
    assert assign_keys(refs) == assign_keys(refs)
    assert all(r.key == "" for r in refs)
    assert replace(refs[0], key="zauggNorth2019") == assign_keys(refs)[0]
