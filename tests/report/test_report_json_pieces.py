"""The JSON report is written an item at a time: the same text as one ``json.dumps`` of the whole
report, without holding every item's dictionary, nor the whole text, at once (a report on a list of
50,000 references took 1 GB that way)."""
from __future__ import annotations

import json
import tracemalloc

from citecheck.model import Reference, RunResult, Span
from citecheck.report import render_json, render_pieces, to_dict
from citecheck.report.json_report import json_pieces


def test_the_pieces_are_the_text_json_dumps_gives(sample, example):
    for result in (sample, example, RunResult(documents=("empty.md",), references=(), citations=(), findings=())):
        whole = json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"
        assert "".join(json_pieces(result)) == whole
        assert render_json(result) == whole
        assert "".join(render_pieces("json", result)) == whole


def test_a_json_report_is_written_an_item_at_a_time(sample):
    pieces = list(render_pieces("json", sample))
    assert len(pieces) > len(sample.references) + len(sample.findings)
    assert max(map(len, pieces)) < len(render_json(sample)) / 2


def test_writing_a_large_json_report_holds_one_item_at_a_time():
    raw = "Okafor, A. (2019). A long title about trafficking and the cities of the coast. Journal, 4(2), 1-9."
    refs = tuple(Reference(raw=f"{raw} {i}", span=Span("big.md", i + 1, 1, i * 120, i * 120 + 100), key=f"okafor{i}",
                           title=f"A long title {i}", year=2019) for i in range(3000))
    result = RunResult(documents=("big.md",), references=refs, citations=(), findings=())
    whole = len(render_json(result))
    tracemalloc.start()
    try:
        written = 0
        for piece in render_pieces("json", result):
            written += len(piece)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert written == whole
    assert peak < whole / 4  # the whole text alone is more than that (before: 4 times the text)
