"""SARIF 2.1.0, validated against the OASIS JSON schema (a vendored copy: tests/report/data/)."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from citecheck.model import Kind
from citecheck.report import render_sarif, to_sarif

THRESHOLD = 0.8
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[2]


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def test_schema_is_the_sarif_2_1_0_schema():
    assert SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    assert SCHEMA["required"] == ["version", "runs"]


def test_validation_catches_a_broken_log(sample):
    log = to_sarif(sample, THRESHOLD)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_sample_and_example_are_valid(sample, example):
    source = (ROOT / "examples/eir/essay.md").read_text(encoding="utf-8")
    for log in (to_sarif(sample, THRESHOLD), to_sarif(example, THRESHOLD),
                to_sarif(example, THRESHOLD, {"examples/eir/essay.md": source})):
        validate(log)


def test_sample_matches_golden(sample, golden):
    text = render_sarif(sample, THRESHOLD)
    golden("sarif_sample.json", text.replace(json.dumps(to_sarif(sample, THRESHOLD)["runs"][0]["tool"]["driver"]["version"]), '"VERSION"'))


def test_driver_and_rules(sample):
    driver = to_sarif(sample, THRESHOLD)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "citecheck" and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [k.value for k in Kind]
    assert all(r["shortDescription"]["text"] and r["defaultConfiguration"]["level"] in ("error", "warning", "note")
               for r in driver["rules"])


def test_results(sample):
    log = to_sarif(sample, THRESHOLD)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "error", "error", "warning", "note"]
    first = results[0]
    assert first["ruleId"] == "name-mismatch"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "name-mismatch"
    loc = first["locations"][0]["physicalLocation"]
    assert loc == {"artifactLocation": {"uri": "paper.md"},
                   "region": {"startLine": 3, "startColumn": 10, "charOffset": 50, "charLength": 11}}


def test_fixes_replace_exactly_the_old_text(sample):
    results = to_sarif(sample, THRESHOLD)["runs"][0]["results"]
    zaugg = results[0]["fixes"][0]
    reps = zaugg["artifactChanges"][0]["replacements"]
    assert [r["deletedRegion"]["charOffset"] for r in reps] == [50, 150]
    assert all(r["deletedRegion"]["charLength"] == 5 and r["insertedContent"]["text"] == "Zaugg" for r in reps)
    assert "will apply with --fix" in zaugg["description"]["text"]
    assert "for review, not applied" in results[1]["fixes"][0]["description"]["text"]
    assert "fixes" not in results[2]  # a missing reference proposes no fix
    url = results[4]["fixes"][0]["artifactChanges"][0]["replacements"][0]  # found inside the reference's raw text
    ref = sample.references[0]
    start = url["deletedRegion"]["charOffset"] - ref.span.start
    assert ref.raw[start:start + url["deletedRegion"]["charLength"]] == "https://example.org/zaugg#"
    assert url["deletedRegion"]["startColumn"] == start + 1


def test_fixes_on_the_example_point_at_the_old_text(example):
    source = (ROOT / "examples/eir/essay.md").read_text(encoding="utf-8")
    lines = source.split("\n")
    results = to_sarif(example, THRESHOLD, {"examples/eir/essay.md": source})["runs"][0]["results"]
    fixed = [(r, f) for r in results for f in r.get("fixes", ())]
    assert len(fixed) >= 8
    for result, fix in fixed:
        for change in fix["artifactChanges"]:
            for rep in change["replacements"]:
                region = rep["deletedRegion"]
                old = source[region["charOffset"]:region["charOffset"] + region["charLength"]]
                line = lines[region["startLine"] - 1]
                assert line[region["startColumn"] - 1:].startswith(old.split("\n")[0])
                assert old == "" or " ".join(old.split()) in result["message"]["text"] + fix["description"]["text"]


def test_unlocatable_fix_is_left_out(sample):
    f = sample.findings[1]
    moved = replace(f, fix=replace(f.fix, locations=(replace(f.fix.locations[0], end=f.fix.locations[0].end + 3),)))
    result = to_sarif(replace(sample, findings=(moved,)), THRESHOLD)["runs"][0]["results"][0]
    assert "fixes" not in result
    validate(to_sarif(replace(sample, findings=(moved,)), THRESHOLD))


def test_an_absolute_path_is_named_relative_to_the_working_folder(sample):
    """Code scanning places a result by a URI relative to the repository: ``/ci/repo/paper.md`` given
    on the command line is ``paper.md`` there, and a file outside the folder is a file:// URI,
    never a bare absolute path (no URI code scanning can resolve)."""
    moved = replace(sample, findings=tuple(replace(f, span=replace(f.span, file="/ci/repo/" + f.span.file))
                                           if f.span else f for f in sample.findings))
    log = to_sarif(moved, THRESHOLD, root="/ci/repo")
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
            for loc in r.get("locations", ())}
    assert uris == {"paper.md"}
    outside = to_sarif(moved, THRESHOLD, root="/elsewhere")["runs"][0]["results"][0]
    assert outside["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///ci/repo/paper.md"
    validate(log)


def test_sarif_uri_forms():
    from citecheck.report.sarif_uri import sarif_uri
    assert sarif_uri("./docs/my paper.md") == "docs/my%20paper.md"
    assert sarif_uri("docs\\a,b.md") == "docs/a%2Cb.md"
    assert sarif_uri("C:\\work\\repo\\paper.md", "c:\\work\\repo") == "paper.md"
    assert sarif_uri("C:\\other\\paper.md", "C:\\work\\repo") == "file:///C:/other/paper.md"
    assert sarif_uri("/ci/repo2/paper.md", "/ci/repo") == "file:///ci/repo2/paper.md"


def test_regions_end_where_char_length_ends(example):
    """A region without endColumn runs to the end of its line in SARIF; with charLength too, both
    must name the same characters, so a region whose text is known says where it ends."""
    source = (ROOT / "examples/eir/essay.md").read_text(encoding="utf-8")
    lines = source.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    results = to_sarif(example, THRESHOLD, {"examples/eir/essay.md": source})["runs"][0]["results"]
    regions = [loc["physicalLocation"]["region"] for r in results for loc in r.get("locations", ())
               if loc["physicalLocation"]["artifactLocation"]["uri"] == "examples/eir/essay.md"]
    regions += [rep["deletedRegion"] for r in results for fix in r.get("fixes", ())
                for change in fix["artifactChanges"] for rep in change["replacements"]]
    assert len(regions) > 20
    for region in regions:
        by_lines = source[starts[region["startLine"] - 1] + region["startColumn"] - 1:
                          starts[region["endLine"] - 1] + region["endColumn"] - 1]
        assert by_lines == source[region["charOffset"]:region["charOffset"] + region["charLength"]]


def test_no_replacements_in_a_file_read_through_text_extraction(sample):
    """A PDF's or Word file's spans count characters of the extracted text: a replacement at those
    offsets applied to the file itself would corrupt it, so such files get no fixes."""
    results = to_sarif(sample, THRESHOLD, read_only={"paper.md"})["runs"][0]["results"]
    assert all("fixes" not in r for r in results)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "paper.md"
