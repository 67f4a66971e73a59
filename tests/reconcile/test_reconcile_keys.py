from citecheck.model import Citation, Kind, Name, Reference, Span
from citecheck.reconcile import reconcile
from citecheck.resolve import offline_sources

SPAN = Span("d", 1, 1, 0, 1)


def ref(key: str, family: str = "Smith", year: int = 2019) -> Reference:
    return Reference(raw=key, span=SPAN, key=key, authors=(Name(family=family),), year=year, title="T " + key)


def cite(key: str) -> Citation:
    return Citation(text=f"\\cite{{{key}}}", span=SPAN, names=(), key=key)


REFS = (ref("smith2019"), ref("lee2001", "Lee", 2001), ref("kim1999", "Kim", 1999))


def kinds(result):
    return [(f.kind, f.reference or f.citation) for f in result.findings]


def test_keys_match_exactly_and_report_undefined_and_unused():
    result = reconcile([cite("smith2019"), cite("Smith2019"), cite("nosuch"), cite("nosuch")], REFS, offline_sources())
    assert result.targets == ("smith2019", None, None, None)
    assert kinds(result) == [
        (Kind.MISSING_REFERENCE, "\\cite{Smith2019}"), (Kind.MISSING_REFERENCE, "\\cite{nosuch}"),
        (Kind.UNCITED_REFERENCE, "lee2001"), (Kind.UNCITED_REFERENCE, "kim1999"),
    ]
    case = result.findings[0]
    assert 'undefined key "Smith2019"' in case.message and "differs only in case" in case.evidence[0].detail
    assert "2 citations" in result.findings[1].message


def test_nocite_star_cites_everything():
    result = reconcile([cite("smith2019"), cite("*")], REFS, offline_sources())
    assert result.findings == () and result.targets == ("smith2019", None)


def test_key_citations_raise_no_author_date_findings():
    etal = (ref("big", "Big"),)
    result = reconcile([cite("big")], etal + (Reference(raw="", span=SPAN, key="nd", title="Untitled", no_date=True),),
                       offline_sources())
    assert kinds(result) == [(Kind.UNCITED_REFERENCE, "nd")]


def test_a_repeated_key_matches_the_first_and_counts_both_as_cited():
    result = reconcile([cite("smith2019")], (ref("smith2019"), ref("smith2019", "Other")), offline_sources())
    assert result.targets == ("smith2019",) and result.findings == ()


def test_a_key_an_entry_lists_in_its_ids_is_named_with_the_entrys_key():
    """biblatex's ``ids`` (Better BibTeX keeps a renamed entry's old key there): citing the alias was "no entry
    has this key; closest key ... a typo?", with no word of the alias pandoc and BibTeX do not resolve."""
    renamed = Reference(raw="r", span=SPAN, key="smith2020", authors=(Name(family="Smith"),), year=2020, title="T",
                        extra=(("ids", "smith2020a, Smith:2020"),))
    result = reconcile([cite("Smith:2020")], (renamed,), offline_sources())
    missing = result.findings[0]
    assert missing.kind is Kind.MISSING_REFERENCE and missing.suggested == "smith2020"
    assert [e.detail for e in missing.evidence] == [
        "entry 'smith2020' lists 'Smith:2020' in its ids: an alias biber resolves, but BibTeX and pandoc do not; "
        "cite 'smith2020'"]
