"""Two records of a CSL-JSON, CSL YAML or RIS file with one id: a ``duplicate-key`` warning, as for
BibTeX (``parse.bibtex``). pandoc and citeproc take one of them for ``[@id]`` and never say which; the
writers give the second another key (``smith2019-2``), so a citation of it found the first."""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding, Kind, Reference, Severity

ID_NAMES = {"csl-json": "id", "csl-yaml": "id", "ris": "ID"}


def duplicate_id_findings(refs: Iterable[Reference], id_name: str) -> tuple[Finding, ...]:
    """A warning for each of ``refs`` whose key an earlier one has (``id_name``: the format's name for it)."""
    first: dict[str, Reference] = {}
    findings = []
    for ref in refs:
        if not ref.key:
            continue
        earlier = first.setdefault(ref.key, ref)
        if earlier is ref:
            continue
        findings.append(Finding(
            kind=Kind.DUPLICATE_KEY, severity=Severity.WARNING, reference=ref.key, span=ref.span,
            message=f"line {ref.span.line}: {id_name} {ref.key!r} is used by an earlier record too "
                    f"(line {earlier.span.line}); citations of it find that one"))
    return tuple(findings)
