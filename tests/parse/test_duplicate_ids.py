"""Two CSL-JSON items or RIS records with one id are a ``duplicate-key`` warning, as two BibTeX entries
with one key are; ``check`` said nothing (session 12, structured 35, 36)."""
from __future__ import annotations

from citecheck.model import Kind, Severity, SourceDoc
from citecheck.parse.document import parse_document

CSL = """[
 {"id": "a", "type": "book", "title": "First", "issued": {"date-parts": [[2019]]}},
 {"id": "b", "type": "book", "title": "Other", "issued": {"date-parts": [[2019]]}},
 {"id": "a", "type": "book", "title": "Second", "issued": {"date-parts": [[2020]]}}
]"""
RIS = "TY  - JOUR\nID  - same\nTI  - one\nPY  - 2001\nER  - \n\nTY  - JOUR\nID  - same\nTI  - two\nPY  - 2002\nER  - \n"


def duplicates(path: str, text: str, fmt: str):
    parsed = parse_document(SourceDoc(path, text, fmt))
    return [f for f in parsed.findings if f.kind is Kind.DUPLICATE_KEY]


def test_a_csl_id_given_twice_is_a_warning_naming_both_lines():
    (found,) = duplicates("refs.json", CSL, "csl-json")
    assert found.severity is Severity.WARNING and found.reference == "a" and found.span.line == 4
    assert found.message.startswith("line 4: id 'a' is used by an earlier record too (line 2)")


def test_an_ris_id_given_twice_is_a_warning():
    (found,) = duplicates("refs.ris", RIS, "ris")
    assert found.span.line == 7 and "ID 'same' is used by an earlier record too (line 1)" in found.message


def test_records_without_an_id_are_no_duplicates():
    assert duplicates("refs.ris", RIS.replace("ID  - same\n", ""), "ris") == []
