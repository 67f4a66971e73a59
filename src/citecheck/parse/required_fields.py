"""A .bib entry that lacks a field its type needs: a ``missing-field`` warning with its line.

biber (``--validate-datamodel``) says "Missing mandatory field 'journaltitle'" and bibtex's standard
styles "empty journal in smith2019"; ``check`` said nothing, so a reference without its title or year
passed unremarked until the document was typeset. The fields are biber's data model's, as
``emit.bibtex`` writes them (``lacking_fields``), named as the entry can write them (``journal`` is
BibTeX's ``journaltitle``, ``year`` a ``date``)."""
from __future__ import annotations

from collections.abc import Iterable

from ..emit.bibtex import lacking_fields
from ..emit.bibtex_classic import YEAR_AS_WRITTEN
from ..model import Finding, Kind, Reference, Severity

# biber's name -> how a .bib may write it (classic BibTeX's names after a slash)
_AS_WRITTEN = {"journaltitle": "journal (journaltitle)", "date or year": "year (or date)",
               "institution": "institution (school)", "location": "address (location)"}


# what biber requires and classic BibTeX's standard styles (plain.bst ...) do not: a .bib a document
# processes with bibtex (natbib, \bibliographystyle) is not told of them. Its @inbook's title is the
# book's (no booktitle), a @booklet needs no author, and @misc (where bibtex puts @online), @manual
# and @unpublished need no year
_NOT_CLASSIC = {"inbook": {"booktitle"}, "booklet": {"author or editor"}, "misc": {"date or year"},
                "online": {"date or year"}, "manual": {"date or year"}, "unpublished": {"date or year"}}


def required_field_findings(refs: Iterable[Reference], biber: bool = True) -> tuple[Finding, ...]:
    """One ``missing-field`` warning for each entry of ``refs`` (read from a .bib) lacking fields its
    type needs, naming them and the entry's type and line; ``biber``: False for a .bib a document
    processes with bibtex, whose standard styles require less (``_NOT_CLASSIC``)."""
    findings = []
    for ref in refs:
        bibtype, missing = lacking_fields(ref)
        if any(name == YEAR_AS_WRITTEN for name, _ in ref.extra):  # a year it cannot read ("19"): said on its own
            missing = [name for name in missing if name != "date or year"]
        if not biber:
            missing = [name for name in missing if name not in _NOT_CLASSIC.get(bibtype, set())]
        if not missing:
            continue
        names = ", ".join(_AS_WRITTEN.get(name, name) for name in missing)
        them = "it" if len(missing) == 1 else "them"
        why = (f"biber's data model requires {them} (Missing mandatory field)" if biber
               else f"bibtex's standard styles require {them} (\"empty ... in {ref.key}\")")
        findings.append(Finding(
            kind=Kind.MISSING_FIELD, severity=Severity.WARNING, reference=ref.key or None, span=ref.span,
            message=f"line {ref.span.line}: @{bibtype} {ref.key!r} lacks {names}: {why}, and styles print the entry "
                    "without"))
    return tuple(findings)
