"""A value an exporter wrapped over lines: RIS continuation lines, a CSL-JSON URL with a line break."""
from __future__ import annotations

import json

from citecheck.model import Kind, Severity
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris
from citecheck.parse.urls import repair_url

WRAPPED = """TY  - ELEC
AU  - National Snow and Ice Data Center
TI  - Arctic sea ice reaches its annual
  minimum
PY  - 2022
UR  - https://example.org/arctic-sea-ice-
minimum-2022/
L1  - https://example.org/files/
report.pdf
DO  - 10.5555/
cel.2019.201
ER  - 
"""


def test_a_ris_url_continued_on_the_next_line_is_joined_without_a_space():
    (ref,), findings = parse_ris(WRAPPED, "x.ris")
    assert [u.url for u in ref.urls] == ["https://example.org/arctic-sea-ice-minimum-2022/"]
    assert ref.doi == "10.5555/cel.2019.201"
    assert ("ris:L1", "https://example.org/files/report.pdf") in ref.extra
    assert ref.title == "Arctic sea ice reaches its annual minimum"  # text joins with a space
    assert not findings


def test_a_rejoined_ris_url_is_a_url_repaired_finding_with_a_fix():
    (ref,), _ = parse_ris(WRAPPED, "x.ris")
    repaired = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert len(repaired) == 3 and all(f.severity is Severity.INFO for f in repaired)
    url = repaired[0]
    assert "joined a URL broken across lines" in url.message
    assert url.fix.field == "url" and url.fix.after == "https://example.org/arctic-sea-ice-minimum-2022/"
    assert url.fix.before == "https://example.org/arctic-sea-ice-\nminimum-2022/"
    assert url.fix.before in WRAPPED  # as written, so a text fix finds it
    doi = next(f for f in repaired if f.fix.field == "doi")
    assert doi.fix.after == "10.5555/cel.2019.201"


def test_a_new_url_on_a_continuation_line_is_a_second_url():
    text = "TY  - ELEC\nTI  - Two\nPY  - 2020\nUR  - https://a.org/x\nhttps://b.org/y\nER  - \n"
    (ref,), _ = parse_ris(text, "x.ris")
    assert [u.url for u in ref.urls] == ["https://a.org/x", "https://b.org/y"]
    assert not ref.findings


def test_a_ris_record_without_a_year_is_reported_and_not_n_d():
    text = "TY  - JOUR\nAU  - Doe, Jane\nTI  - Undated\nT2  - Journal\nER  - \n"
    (ref,), findings = parse_ris(text, "x.ris")
    assert ref.year is None and not ref.no_date and not findings
    # the record's own finding, as the free-text path gives (the pipeline labels it with the key)
    assert [f.kind for f in ref.findings] == [Kind.MALFORMED_REFERENCE]
    assert "no year" in ref.findings[0].message and ref.findings[0].severity is Severity.WARNING


def test_a_ris_record_dated_n_d_is_no_date_without_a_finding():
    text = "TY  - ELEC\nAU  - UNODC\nTI  - Undated page\nPY  - n.d.\nER  - \n"
    (ref,), findings = parse_ris(text, "x.ris")
    assert ref.year is None and ref.no_date and not findings and not ref.findings


def test_a_csl_json_url_with_a_line_break_is_repaired_as_in_free_text():
    item = {"id": "map", "type": "webpage", "title": "Network map", "issued": {"date-parts": [[2024]]},
            "URL": "https://x.org/en/\nnetwork-map"}
    text = json.dumps([item], indent=1)
    (ref,), findings = parse_csl_json(text, "x.json")
    assert [u.url for u in ref.urls] == ["https://x.org/en/network-map"]
    (repaired,) = ref.findings
    assert repaired.kind is Kind.URL_REPAIRED and repaired.severity is Severity.INFO
    _, changes = repair_url("https://x.org/en/\nnetwork-map")  # the free-text path's words
    assert "; ".join(changes) in repaired.message
    assert repaired.fix.before == "https://x.org/en/\\nnetwork-map" and repaired.fix.before in text
    assert repaired.fix.after == "https://x.org/en/network-map"
    assert not findings


def test_csl_json_urls_in_a_list_or_joined_by_a_comma_stay_apart():
    items = [{"id": "a", "title": "A", "URL": ["https://a.org/x", "https://b.org/y"]},
             {"id": "b", "title": "B", "URL": "https://a.org/x, https://b.org/y"}]
    refs, _ = parse_csl_json(json.dumps(items), "x.json")
    assert [[u.url for u in r.urls] for r in refs] == [["https://a.org/x", "https://b.org/y"]] * 2
    assert not any(r.findings for r in refs)
