"""Apply decided fixes to Reference records (what the BibTeX output carries)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..emit.keys import assign_keys
from ..parse.bibtex import parse_bibtex
from ..model import ArchiveSnapshot, Fix, Name, Reference, Target, Url


def apply_to_references(refs: Sequence[Reference], fixes: Sequence[Fix]) -> tuple[Reference, ...]:
    """References with reference-side fixes applied; changed entries get fresh keys."""
    by_key: dict[str, list[Fix]] = {}
    for fix in fixes:
        if fix.target == Target.REFERENCE and fix.reference:
            by_key.setdefault(fix.reference, []).append(fix)
    out: list[Reference] = []
    changed: set[int] = set()
    for index, ref in enumerate(refs):
        new = ref
        for fix in by_key.get(ref.key, ()):
            new = _apply(new, fix)
        if new != ref:
            changed.add(index)
            rebuilt = any(f.field == "entry" for f in by_key.get(ref.key, ()))  # the user's key is kept
            if _key_inputs(new) != _key_inputs(ref) and not rebuilt:
                new = replace(new, key="")
        out.append(new)
    return assign_keys(out, keep_existing=True)


def _key_inputs(ref: Reference) -> tuple:
    return (ref.authors, ref.title, ref.year, ref.publisher, ref.container)


def _apply(ref: Reference, fix: Fix) -> Reference:
    if fix.field == "author":
        return replace(ref, authors=tuple(_rename(a, fix.before, fix.after) for a in ref.authors))
    if fix.field == "editor":
        return replace(ref, editors=tuple(_rename(a, fix.before, fix.after) for a in ref.editors))
    if fix.field in ("title", "container", "publisher", "doi") and getattr(ref, fix.field) == fix.before:
        return replace(ref, **{fix.field: fix.after})
    if fix.field == "entry":  # rebuilt from the matched record (existence check): keep the user's key
        rebuilt, problems = parse_bibtex(fix.after, ref.span.file)
        if problems or len(rebuilt) != 1:
            return ref
        return replace(rebuilt[0], key=ref.key, span=ref.span, raw=ref.raw, findings=ref.findings)
    if fix.field == "year" and ref.year_suffix and ref.year_label == fix.before and fix.after == fix.before[
            : -len(ref.year_suffix)]:  # a lone suffix dropped: "2020a" -> "2020"
        return replace(ref, year_suffix="")
    if fix.field == "url":  # moved permanently: cite the new address
        return replace(ref, urls=tuple(replace(u, url=fix.after) if u.url == fix.before else u for u in ref.urls))
    if fix.field == "archive":  # dead: keep the URL, record the archived copy beside it
        return replace(ref, urls=tuple(_with_snapshot(u, fix.after) if u.url == fix.before else u for u in ref.urls))
    return ref  # raw-text repairs (a URL broken by wrapping...) are already in the parsed record


_WAYBACK = re.compile(r"/web/(\d{4,14})[a-z_]*/")


def _with_snapshot(url: Url, archived: str) -> Url:
    stamp = _WAYBACK.search(archived)
    snapshot = ArchiveSnapshot(url=archived, original=url.url, timestamp=stamp.group(1) if stamp else "")
    return replace(url, snapshot=snapshot)


def _rename(name: Name, before: str, after: str) -> Name:
    if name.family == before:
        return replace(name, family=after)
    if name.given == before:
        return replace(name, given=after)
    if name.literal == before:
        return replace(name, literal=after)
    return name
