"""A free-text entry's report, patent or standard number (kept in ``extra`` by the reading) is the number CSL-JSON
and RIS have for its type, as a .bib's ``@techreport`` number is: CSL's ``number``, RIS's SN; not ``custom`` or an
M2 ``tex.number`` line."""
from __future__ import annotations

import json

from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from one_reference import read_one

_PATENT = "[12] W. Rhee, “Method for encoding data,” U.S. Patent 8 234 567, Jul. 31, 2012."
_STANDARD = "ISO 9001:2015. Quality management systems — Requirements. Geneva: ISO."


def test_a_free_text_patents_number_is_csls_number():
    (item,) = json.loads(to_csl_json([read_one(_PATENT)]))
    assert item["type"] == "patent" and item["number"] == "8234567"
    assert "number" not in item.get("custom", {})


def test_a_free_text_standards_number_is_csls_and_riss_number():
    ref = read_one(_STANDARD)
    (item,) = json.loads(to_csl_json([ref]))
    assert (item["type"], item["number"]) == ("report", "ISO 9001:2015") and "custom" not in item
    lines = to_ris([ref]).splitlines()
    assert "SN  - ISO 9001:2015" in lines and not any("tex.number" in line for line in lines)


def test_a_journal_articles_number_stays_where_it_was():
    ref = read_one("Smith, J. (2019). Title. Journal of Things, 12(3), 45–67.")
    (item,) = json.loads(to_csl_json([ref]))
    assert item["issue"] == "3" and "number" not in item


def test_a_free_text_books_number_in_its_series_is_csls_collection_number():
    ref = read_one("Beck, Ulrich (1986): Risikogesellschaft. Frankfurt am Main: Suhrkamp (= edition suhrkamp, Bd. 1365).")
    (item,) = json.loads(to_csl_json([ref]))
    assert (item["collection-title"], item["collection-number"]) == ("edition suhrkamp", "1365") and "custom" not in item
    assert "M1  - 1365" in to_ris([ref]).splitlines()
