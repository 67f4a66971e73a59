"""The history's text and JSON renderings, and the HTML timeline."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from citecheck.history import Health, Observation, RotRule, assess_run, verdicts
from citecheck.history.report import assessment_dict, assessment_text, timelines_dict, timelines_text
from citecheck.model import LinkStatus as S
from citecheck.model import RunResult
from citecheck.report.html import health_timeline, render_history_html, render_html

T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
A, B = "https://example.org/a", "https://example.org/<b>"


def day(n):
    return T0 + timedelta(days=n)


def sample():
    earlier = {A: (Observation(A, day(0), S.ALIVE),), B: (Observation(B, day(0), S.DEAD, http_status=404, detail="HTTP 404"),)}
    current = [Observation(A, day(1), S.DEAD, http_status=404, detail="HTTP 404"),
               Observation(B, day(1), S.ALIVE, http_status=200, detail="HTTP 200")]
    return earlier, current, assess_run([A, B], earlier, current, RotRule(), day(1))


def test_assessment_text_lists_changes_and_counts():
    _, _, assessment = sample()
    text = assessment_text(assessment, RotRule(), recorded=True)
    assert "changes since the last run: 1 newly-suspect, 0 newly-dead, 1 recovered, 0 newly-archived" in text
    assert f"newly-suspect   {A} (ok -> suspect)" in text
    assert f"recovered       {B} (suspect -> ok)" in text
    assert "now: 1 ok, 1 suspect, 0 dead, 0 unknown" in text and "not recorded" not in text


def test_assessment_json():
    _, _, assessment = sample()
    data = assessment_dict(assessment, RotRule(), run_id=7, now=day(1))
    assert data["run"] == 7 and data["rule"] == {"failures": 3, "days": 3.0}
    assert {(c["url"], c["change"], c["before"], c["after"]) for c in data["changes"]} == {
        (A, "newly-suspect", "ok", "suspect"), (B, "recovered", "suspect", "ok")}
    assert data["verdicts"][0]["first_failure"] == "2024-01-02T00:00:00+00:00"


def test_timelines_text_and_json():
    earlier, current, _ = sample()
    timelines = {A: earlier[A] + (current[0],)}
    judged = verdicts(timelines, RotRule(), day(2))
    text = timelines_text(timelines, judged, RotRule())
    assert text.splitlines()[2:] == [A, "  suspect: 1 failed check(s) over 0.0 day(s); dead after 3 failed checks "
                                     "spanning at least 3 days", "  2024-01-01 00:00  alive", "  2024-01-02 00:00  dead         HTTP 404"]
    data = timelines_dict(timelines, judged, RotRule(), day(2))
    assert [c["status"] for c in data["urls"][0]["timeline"]] == ["alive", "dead"]
    assert timelines_text({}, {}, RotRule(), since=day(3)) == "no checks recorded since 2024-01-04\n"


def test_the_svg_timeline_puts_each_check_on_a_shared_axis_and_escapes_urls():
    svg = health_timeline({A: [(day(0), S.ALIVE), (day(4), S.DEAD)], B: [(day(2), S.BLOCKED)]},
                          {A: Health.SUSPECT.value})
    circles = re.findall(r'<circle cx="(\d+)" cy="\d+" r="5" fill="[^"]+" data-state="([\w-]+)"', svg)
    assert circles == [("330", "alive"), ("870", "dead"), ("600", "blocked")]  # start, end, middle
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert 'data-health="suspect"' in svg and "2024-01-01" in svg and "2024-01-05" in svg
    assert "no checks recorded" in health_timeline({})


def test_render_html_adds_the_timeline_only_with_history():
    result = RunResult(documents=("refs.bib",), references=(), citations=(), findings=())
    assert 'id="history-chart"' not in render_html(result, 0.8)
    page = render_html(result, 0.8, history={A: [(day(0), S.ALIVE)]}, health={A: "ok"})
    assert 'id="history-chart"' in page and page.index('id="links"') < page.index('id="history"')
    standalone = render_history_html({A: [(day(0), S.ALIVE)]}, subtitle="1 URL(s)")
    assert standalone.startswith("<!DOCTYPE html>") and "<script" not in standalone
