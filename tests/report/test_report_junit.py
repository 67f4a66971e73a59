"""JUnit XML: parsed back with ElementTree and checked against the shape of Jenkins' junit-10.xsd."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from citecheck.report import render_junit

THRESHOLD = 0.8

# The parts of junit-10.xsd (Jenkins; GitLab, CircleCI... read the same) that we produce.
SUITES_ATTRS = {"name", "tests", "failures", "errors", "time", "disabled"}
SUITE_ATTRS = {"name", "tests", "failures", "errors", "skipped", "time", "disabled", "hostname", "id",
               "package", "timestamp", "log", "url", "file"}
SUITE_REQUIRED = {"name", "tests"}
CASE_ATTRS = {"name", "classname", "time", "assertions", "status"}
CASE_CHILDREN = {"skipped", "error", "failure", "system-out", "system-err"}
FAILURE_ATTRS = {"message", "type"}


def check_schema(root: ET.Element) -> None:
    assert root.tag == "testsuites"
    assert set(root.attrib) <= SUITES_ATTRS
    for suite in root:
        assert suite.tag == "testsuite"
        assert SUITE_REQUIRED <= set(suite.attrib) <= SUITE_ATTRS, suite.attrib
        cases = list(suite)
        assert all(c.tag == "testcase" for c in cases)
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        for case in cases:
            assert "name" in case.attrib and set(case.attrib) <= CASE_ATTRS, case.attrib
            children = [child.tag for child in case]
            assert set(children) <= CASE_CHILDREN
            assert children.count("failure") <= 1 and children.count("system-out") <= 1
            assert children == sorted(children, key=["skipped", "error", "failure", "system-out", "system-err"].index)
            for failure in case.iter("failure"):
                assert set(failure.attrib) == FAILURE_ATTRS
                assert failure.get("message") and failure.get("type")
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in root)
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in root)


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {c.get("name"): c for c in root.iter("testcase")}


def test_sample_matches_golden(sample, golden):
    golden("junit_sample.xml", render_junit(sample, THRESHOLD))


def test_example_matches_golden(example, golden):
    golden("junit_example.xml", render_junit(example, THRESHOLD))


def test_valid_shape_for_sample_and_example(sample, example):
    for result in (sample, example):
        for strict in (False, True):
            check_schema(parse(render_junit(result, THRESHOLD, warnings_as_failures=strict)))


def test_one_suite_per_document_and_one_case_per_reference(sample):
    root = parse(render_junit(sample, THRESHOLD))
    assert [s.get("name") for s in root] == ["paper.md"]
    by_name = cases(root)
    for ref in sample.references:
        assert by_name[ref.key].get("classname") == "references"
    citation_cases = [c for c in root.iter("testcase") if c.get("classname") == "citations"]
    assert [c.get("name") for c in citation_cases] == ["missing-reference Nobody, 2001 (paper.md:11:5)"]


def test_errors_fail_and_warnings_go_to_system_out(sample):
    by_name = cases(parse(render_junit(sample, THRESHOLD)))
    failure = by_name["zauggNorth2019"].find("failure")
    assert failure.get("type") == "name-mismatch"
    assert failure.get("message").startswith('cited as "Zuagg"')
    assert "fix the citation author: 'Zuagg' -> 'Zaugg' (confidence 0.96, will apply with --fix)" in failure.text
    assert "url-repaired" in by_name["zauggNorth2019"].find("system-out").text
    hostile = by_name["malloryHacking2020"]
    assert hostile.find("failure") is None
    assert '<script>alert("x")</script>' in hostile.find("system-out").text  # escaped in XML, intact when parsed
    assert by_name["haeransHuman2012"].find("failure") is not None


def test_warnings_can_be_failures(sample):
    root = parse(render_junit(sample, THRESHOLD, warnings_as_failures=True))
    failure = cases(root)["malloryHacking2020"].find("failure")
    assert failure is not None and failure.get("type") == "uncited-reference"
    assert root.get("failures") == "4"


def test_several_failures_in_one_case_are_listed(sample):
    from dataclasses import replace

    extra = replace(sample.findings[0], message="second problem")
    two = replace(sample, findings=sample.findings + (replace(extra, kind=extra.kind.YEAR_MISMATCH),))
    failure = cases(parse(render_junit(two, THRESHOLD)))["zauggNorth2019"].find("failure")
    assert failure.get("type") == "multiple"
    assert failure.get("message") == "2 problems: name-mismatch, year-mismatch"
    assert "second problem" in failure.text


def test_control_characters_do_not_break_the_xml(sample):
    from dataclasses import replace

    bad = replace(sample.findings[3], message="bell \x07 and form feed \x0c")
    parse(render_junit(replace(sample, findings=(bad,)), THRESHOLD))


def test_a_finding_about_a_shared_key_fails_one_testcase(sample):
    """Two entries with one key (a duplicate-key warning): the finding belongs to the entry it points
    at, so it is one failure, not a failure of each entry with that key."""
    from dataclasses import replace

    from citecheck.model import Finding, Kind, Severity
    first = sample.references[0]
    second = replace(first, raw="Zaugg, J. (2020). Another.", span=replace(first.span, line=40, start=900, end=926))
    dup = Finding(Kind.DUPLICATE_KEY, Severity.WARNING, "key used twice", reference=first.key, span=second.span)
    result = replace(sample, references=(first, second), findings=(dup,))
    root = ET.fromstring(render_junit(result, THRESHOLD, warnings_as_failures=True))
    check_schema(root)
    cases = [c for c in root.iter("testcase") if c.get("name") == first.key]
    assert [c.find("failure") is not None for c in cases] == [False, True]
    assert root.get("failures") == "1"


def test_noncharacters_in_user_text_keep_the_xml_well_formed(sample):
    """U+FFFE/U+FFFF (and C0 controls) are no XML 1.0 characters: a parser rejects the whole report."""
    from dataclasses import replace
    f = sample.findings[0]
    hostile = replace(f, message="bad \ufffe and \uffff and \x0b and \x01 here")
    out = render_junit(replace(sample, findings=(hostile,)), THRESHOLD)
    root = ET.fromstring(out)
    check_schema(root)
    assert "bad  and  and  and  here" in root.find(".//failure").get("message")
