"""Retraction and update notices in Crossref records (pure).

A retracted work's Crossref record carries ``"updated-by": [{"updated": {"date-parts":
[[2020, 6, 4]]}, "DOI": "10.1016/s0140-6736(20)31324-6", "type": "retraction", "source":
"publisher" | "retraction-watch", "label": "Retraction", "record-id": 12345}]`` (the
Retraction Watch database, now Crossref's, adds ``source: "retraction-watch"`` entries); the
notice itself carries the mirror ``"update-to"``. Some publishers deposit
``"relation": {"is-retracted-by": [{"id-type": "doi", "id": "10...", "asserted-by": "subject"}]}``
instead. Types seen: ``retraction``, ``partial_retraction``, ``withdrawal``, ``removal``,
``expression_of_concern``, ``correction``, ``erratum``, ``addendum``, ``corrigendum``...
"""
from __future__ import annotations

from dataclasses import dataclass

from .answers import first_int

SERIOUS = frozenset({"retraction", "partial_retraction", "partial-retraction", "withdrawal", "removal",
                     "expression_of_concern", "expression-of-concern"})


@dataclass(frozen=True)
class Notice:
    kind: str  # "retraction", "expression_of_concern", "correction" ... (lower case)
    doi: str = ""  # the notice's DOI (updated-by) or the work it updates (update-to)
    direction: str = "updated-by"  # "updated-by", "update-to", "relation"
    source: str = ""  # "publisher", "retraction-watch", "crossref" ...
    label: str = ""
    year: int | None = None

    @property
    def serious(self) -> bool:
        return self.kind in SERIOUS

    def describe(self) -> str:
        what = self.label or self.kind.replace("_", " ")
        when = f" ({self.year})" if self.year else ""
        via = f", per {self.source}" if self.source else ""
        if self.direction == "update-to":
            return f"this DOI is itself a {what} notice for {self.doi}{when}"
        return f"{what}{when}{': notice ' + self.doi if self.doi else ''}{via}"


def notices_in(item: dict) -> tuple[Notice, ...]:
    """Every update notice a Crossref work record names (``updated-by``, ``update-to``, ``relation``)."""
    found: list[Notice] = []
    for key in ("updated-by", "update-to"):
        for entry in item.get(key) or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("type"), str):
                continue
            updated = entry.get("updated") if isinstance(entry.get("updated"), dict) else {}
            parts = updated.get("date-parts")
            year = first_int(parts[0]) if isinstance(parts, list) and parts and isinstance(parts[0], list) else None
            found.append(Notice(
                kind=entry["type"].strip().casefold(), doi=str(entry.get("DOI") or "").lower(), direction=key,
                source=str(entry.get("source") or ""), label=str(entry.get("label") or ""), year=year,
            ))
    relation = item.get("relation") if isinstance(item.get("relation"), dict) else {}
    for entry in relation.get("is-retracted-by") or []:
        if isinstance(entry, dict):
            found.append(Notice(kind="retraction", doi=str(entry.get("id") or "").lower(), direction="relation",
                                source=str(entry.get("asserted-by") or "")))
    return tuple(dict.fromkeys(found))
