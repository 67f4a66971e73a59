"""The JSON report locates every item as the text report, github and SARIF do: file, line,
column and the span's offsets, for references, citations, findings and fix locations."""
from __future__ import annotations

import json

from citecheck.report import render_json, to_sarif

LOCATION = {"file", "line", "column", "start", "end"}


def test_every_source_and_fix_location_has_column_and_span(sample):
    report = json.loads(render_json(sample))
    sources = [r["source"] for r in report["references"]] + [c["source"] for c in report["citations"]]
    sources += [f["source"] for f in report["findings"] if f["source"] is not None]
    sources += [loc for f in report["findings"] if f["fix"] for loc in f["fix"]["locations"]]
    assert sources and all(set(s) == LOCATION for s in sources)


def test_the_json_place_is_the_span(sample):
    report = json.loads(render_json(sample))
    first = sample.findings[0]
    assert report["findings"][0]["source"] == {"file": first.span.file, "line": first.span.line,
                                                "column": first.span.column, "start": first.span.start,
                                                "end": first.span.end}
    name_fix = report["findings"][0]["fix"]["locations"][0]
    loc = sample.findings[0].fix.locations[0]
    assert (name_fix["column"], name_fix["start"], name_fix["end"]) == (loc.column, loc.start, loc.end)


def test_json_and_sarif_agree_on_each_finding(sample):
    report = json.loads(render_json(sample))
    results = to_sarif(sample, 0.8)["runs"][0]["results"]
    located = [f["source"] for f in report["findings"] if f["source"] is not None]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results if r.get("locations")]
    assert [(s["line"], s["column"], s["start"], s["end"] - s["start"]) for s in located] == [
        (r["startLine"], r["startColumn"], r["charOffset"], r["charLength"]) for r in regions]
