"""The JSON report: a stable contract (version 1) that later stages extend, never break.

``json_pieces`` writes it an item at a time (the text ``json.dumps`` gives the whole ``to_dict``), so a
report on a list of 50,000 references never holds every item's dictionary, nor the whole text, at once.

Every ``source`` (of a reference, a citation, a finding) and every fix location is
``{"file", "line", "column", "start", "end"}``: the place the text report prints as
file:line:col, and the span's character offsets, which SARIF gives as charOffset/charLength.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Callable, Iterable, Iterator

from ..emit.csl import to_csl_item
from ..model import ExistenceCheck, Finding, LinkCheck, RunResult, Span

VERSION = 1


def to_dict(result: RunResult) -> dict[str, Any]:
    return {name: value if name == "version" else list(value) for name, value in _sections(result)}


def _sections(result: RunResult) -> tuple[tuple[str, Any], ...]:
    """The report's keys in order, each list as an iterator of its items (made as they are written)."""
    targets = result.citation_targets or (None,) * len(result.citations)
    verdicts = {check.reference: check for check in result.existence}
    return (
        ("version", VERSION),
        ("references", (
            {"id": r.key, "source": _source(r.span), "raw": r.raw, "csl": to_csl_item(r),
             "verdict": _verdict(verdicts.get(r.key))}
            for r in result.references
        )),
        ("citations", (
            {"text": c.text, "source": _source(c.span), "reference": target}
            for c, target in zip(result.citations, targets)
        )),
        ("findings", (_finding(f) for f in result.findings)),
        ("links", iter(_links(result))),
    )


def render_json(result: RunResult) -> str:
    return "".join(json_pieces(result))


def json_pieces(result: RunResult) -> Iterator[str]:
    """``render_json``'s text, a piece at a time: what ``json.dumps(to_dict(result), indent=2,
    ensure_ascii=False)`` gives, with a closing newline."""
    return dict_pieces(_sections(result))


def dict_pieces(sections: Iterable[tuple[str, Any]]) -> Iterator[str]:
    """A JSON object whose values are plain JSON values or iterators of the items of a list, written
    as ``json.dumps(..., indent=2, ensure_ascii=False)`` writes the object with those lists, and a
    closing newline. A list item is dumped alone and indented by two levels: JSON text has no newline
    inside a string, so every line break in it is one of ``indent``'s."""
    dump: Callable[[Any], str] = json.JSONEncoder(indent=2, ensure_ascii=False).encode
    yield "{"
    for n, (name, value) in enumerate(sections):
        yield f"{',' if n else ''}\n  {dump(name)}: "
        if not isinstance(value, Iterator):
            yield dump(value).replace("\n", "\n  ")
            continue
        opened = False
        for item in value:
            yield ("," if opened else "[") + "\n    " + dump(item).replace("\n", "\n    ")
            opened = True
        yield "\n  ]" if opened else "[]"
    yield "\n}\n"


def _source(span: Span | None) -> dict[str, Any] | None:
    """Where an item is: ``line`` and ``column`` 1-based, ``start`` and ``end`` 0-based offsets (end
    exclusive) into the file's text, counted in Unicode code points, as SARIF's charOffset/charLength."""
    if span is None:
        return None
    return {"file": span.file, "line": span.line, "column": span.column, "start": span.start, "end": span.end}


def _finding(f: Finding) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        fix = {
            "target": f.fix.target.value,
            "field": f.fix.field,
            "before": f.fix.before,
            "after": f.fix.after,
            "confidence": round(f.fix.confidence, 3),
            "locations": [_source(s) for s in f.fix.locations],
        }
    return {
        "kind": f.kind.value,
        "severity": f.severity.label,
        "message": f.message,
        "reference": f.reference,
        "citation": f.citation,
        "suggested": f.suggested,
        "source": _source(f.span),
        "evidence": [{"source": e.source, "detail": e.detail} for e in f.evidence],
        "fix": fix,
    }


def _verdict(check: ExistenceCheck | None) -> dict[str, Any] | None:
    """The existence verdict, or None when existence was not checked (offline, --no-verify)."""
    if check is None:
        return None
    return {
        "verdict": check.verdict.value,
        "detail": check.detail,
        "answered": list(check.answered),
        "unanswered": list(check.unanswered),
        "closest": [{"source": c.source, "title": c.title, "score": round(c.score, 3), "detail": c.detail}
                    for c in check.closest],
        "evidence": [{"source": e.source, "detail": e.detail} for e in check.evidence],
    }


def _links(result: RunResult) -> list[dict[str, Any]]:
    """One entry per (reference, URL); a URL given by no reference is listed once with reference null."""
    checks = {link.url: link for link in result.links}
    pairs = [(key, url) for key, url in result.link_refs if url in checks]
    named = {url for _, url in pairs}
    pairs += [(None, link.url) for link in result.links if link.url not in named]
    own = {(k, u): snap for k, u, snap in result.link_snapshots}
    return [_link(replace(checks[url], snapshot=own[(key, url)]) if (key, url) in own else checks[url], key)
            for key, url in pairs]


def _link(link: LinkCheck, reference: str | None) -> dict[str, Any]:
    archive = None
    if link.snapshot is not None:
        archive = {"url": link.snapshot.url, "timestamp": link.snapshot.timestamp, "source": link.snapshot.archive}
    return {
        "url": link.url,
        "reference": reference,
        "status": link.status.value,
        "http_status": link.http_status,
        "final_url": link.final_url,
        "redirects": list(link.redirects),
        "archive": archive,
        "detail": link.detail,
    }
