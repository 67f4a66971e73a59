"""Chicago's / MLA's repeated-author dash ("———.", "---.") takes the names of the entry before it."""
from __future__ import annotations

from citecheck.emit.keys import assign_keys
from citecheck.model import CleanText, Kind, Name, Reference, Severity, Span
from citecheck.parse.references import parse_reference_list
from citecheck.parse.repeated_authors import is_dash_name, resolve_repeated_authors

SMITH = Name(family="Smith", given="John", raw="Smith, John")
DOE = Name(family="Doe", given="Jane", raw="Jane Doe")


def ref(raw: str, authors=(), editors=(), start: int = 0, **fields) -> Reference:
    return Reference(raw=raw, span=Span("f", 1, 1, start, start + len(raw)), authors=tuple(authors),
                     editors=tuple(editors), **fields)


def dash(text: str = "———") -> Name:
    return Name(family=text, raw=text)


def test_the_dash_takes_the_authors_of_the_entry_before():
    first = ref("Smith, John. 2019a. *Water and Cities*.", [SMITH], year=2019, year_suffix="a")
    second = ref("———. 2019b. \"Demand.\" *Water Policy* 22 (4): 601–19.", [dash()], start=50, year=2019,
                 year_suffix="b", title="Demand Management Revisited")
    out = resolve_repeated_authors([first, second])
    assert out[0] == first
    assert out[1].authors == (SMITH,)
    assert out[1].raw == second.raw and out[1].span == second.span  # the text keeps what was written
    [finding] = out[1].findings
    assert finding.kind is Kind.NAME_REPAIRED and finding.severity is Severity.INFO and finding.fix is None
    assert "'———'" in finding.message and "John Smith" in finding.message
    assert (finding.span.start, finding.span.end) == (50, 53)  # the dash itself
    assert finding.evidence[0].source == "bibliography"


def test_a_run_of_dashes_all_take_the_first_names_and_hyphens_and_underscores_count():
    refs = [ref("Smith, John. 2018. A.", [SMITH]), ref("---. 2019. B.", [dash("---")]),
            ref("———. 2020. C.", [dash()]), ref("______. 2021. D.", [dash("______")])]
    assert [r.authors for r in resolve_repeated_authors(refs)] == [(SMITH,)] * 4


def test_co_authors_after_the_dash_are_kept_and_an_editor_dash_makes_editors():
    refs = [ref("Smith, John. 2018. A.", [SMITH]), ref("———, and Jane Doe. 2019. B.", [dash(), DOE]),
            ref("———, ed. 2020. C.", editors=[dash()])]
    out = resolve_repeated_authors(refs)
    assert out[1].authors == (SMITH, DOE)
    assert out[2].authors == () and out[2].editors == (SMITH, DOE)  # the entry before: Smith and Doe


def test_an_editor_entry_before_gives_its_editors():
    refs = [ref("Smith, John, ed. 2018. A.", editors=[SMITH]), ref("———. 2019. B.", [dash()])]
    assert resolve_repeated_authors(refs)[1].authors == (SMITH,)


def test_nothing_to_repeat_leaves_the_dash_as_written():
    first_dash = ref("———. 2019. B.", [dash()])
    assert resolve_repeated_authors([first_dash]) == (first_dash,)
    no_names = ref("*Anonymous Title*. 2018.", title="Anonymous Title")
    assert resolve_repeated_authors([no_names, first_dash])[1] == first_dash


def test_entries_without_a_dash_are_untouched():
    refs = (ref("Smith, John. 2018. A.", [SMITH]), ref("Doe, Jane. 2019. B.", [DOE]),
            ref("Well---known. 2020. C.", [Name(family="Well---known")]))
    assert resolve_repeated_authors(refs) == refs


def test_is_dash_name():
    assert is_dash_name(dash()) and is_dash_name(dash("---")) and is_dash_name(Name(literal="———."))
    assert not is_dash_name(SMITH) and not is_dash_name(dash("—")) and not is_dash_name(dash("--"))


def test_a_parsed_chicago_list_is_keyed_by_the_repeated_author():
    text = ("Smith, John. 2019a. *Water and Cities*. Chicago: University of Chicago Press.\n\n"
            "———. 2019b. \"Demand Management Revisited.\" *Water Policy* 22 (4): 601–19.\n")
    refs = assign_keys(resolve_repeated_authors(parse_reference_list(CleanText.identity("f", text))))
    assert [r.authors[0].family for r in refs] == ["Smith", "Smith"]
    assert [r.key for r in refs] == ["smithWater2019", "smithDemand2019"]
    assert refs[1].raw.startswith("———. 2019b.")
