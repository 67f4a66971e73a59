"""End to end: how a reference list is split when a wrapped line starts with a number, and the
repeated-author dash resolved where the list is assembled (``parse_reference_list``)."""
from __future__ import annotations

from citecheck.emit.keys import assign_keys
from citecheck.model import CleanText, SourceDoc
from citecheck.parse.document import convert_references
from citecheck.parse.references import parse_reference_list, split_entries

PDF_PASTE = """Coastal Cities

Sea levels are rising (Ahmed 2020). Insurance lags (Ng 2021).

References

Ahmed, S. (2020). Coastal defences and public investment. Journal of Coastal Research, 36(2), 221–
234. https://doi.org/10.2112/JCOASTRES-D-19-
00045.1
Ng, W. (2021). Flood insurance in Southeast Asia: a
comparative analysis. Asian Economic Policy Review,
16(1), 45–67.
"""


def entries(text: str) -> list[str]:
    return [text[e.start : e.end] for e in split_entries(CleanText.identity("f", text))]


def test_a_page_range_wrapped_after_its_dash_stays_in_its_entry():
    refs = convert_references(SourceDoc("paper.txt", PDF_PASTE, "text"))
    assert [r.key for r in refs] == ["ahmedCoastal2020", "ngFlood2021"]
    ahmed, ng = refs
    assert ahmed.pages == "221–234" and ahmed.doi == "10.2112/JCOASTRES-D-19-00045.1"
    assert ng.title.startswith("Flood insurance") and not ng.doi and not dict(ng.extra).get("label")


def test_a_numbered_list_goes_on_only_with_its_next_numbers():
    text = ("1. Lee, A. (2001). A title. J. Phys., 2, 100–\n"
            "112. https://doi.org/10.1/x\n"
            "2. Kim, B. (2002). Another title. Nature, 3,\n"
            "45. More of the same entry.\n"
            "3. Park, C. (2003). Third. Science.\n")
    assert [e.split(".")[0] for e in entries(text)] == ["Lee, A", "Kim, B", "Park, C"]
    assert [e.label for e in split_entries(CleanText.identity("f", text))] == ["1", "2", "3"]


def test_bracketed_and_restarted_lists_still_split():
    text = "[1] Lee, A. Title. 2001.\n[2] Kim, B. Title. 2002.\n\n### Sources\n\n1. Park, C. Title. 2003.\n2. Oh, D. Title. 2004.\n"
    assert len(entries(text)) == 4


def test_the_repeated_author_dash_is_resolved_in_the_parsed_list():
    text = ("Smith, John. 2019a. *Water and Cities*. Chicago: University of Chicago Press.\n\n"
            "———. 2019b. \"Demand Management Revisited.\" *Water Policy* 22 (4): 601–19.\n")
    refs = assign_keys(parse_reference_list(CleanText.identity("f", text)))
    assert [r.key for r in refs] == ["smithWater2019", "smithDemand2019"]
    assert refs[1].raw.startswith("———.") and refs[1].findings[-1].kind.value == "name-repaired"


def test_selected_entries_keep_their_numbers():
    text = ("3. Lee, A. (2001). A title. Nature, 2, 1–5.\n"
            "17. Kim, B. (2002). Another title. Nature, 3, 4–9.\n"
            "[40] C. Park, \"Third,\" in Proc. X, 2003.\n")
    assert [e.label for e in split_entries(CleanText.identity("f", text))] == ["3", "17", "40"]


def _numbered(first: int, last: int, bracketed: bool) -> str:
    return "".join(
        (f"[{n}]" if bracketed else f"{n}.") + f" Lee A{n}. A title {n}. J Phys. 2001;{n}:1-5.\n"
        for n in range(first, last + 1))


def test_four_digit_labels_go_on_with_a_list_past_999():
    for bracketed in (False, True):
        split = split_entries(CleanText.identity("f", _numbered(990, 1003, bracketed)))
        assert [e.label for e in split] == [str(n) for n in range(990, 1004)]


def test_a_line_opening_with_a_year_is_no_four_digit_label():
    text = ("1. Donoghue v Stevenson [1932] AC 562 (HL). The leading case, reported as\n"
            "[1932] AC 562 and discussed at length; its year\n"
            "1932. is where the modern law of negligence starts.\n"
            "2. Hart HLA. The concept of law. Oxford: Clarendon; 1961.\n")
    assert [e.label for e in split_entries(CleanText.identity("f", text))] == ["1", "2"]
    assert entries("1932. Gazette of the year. London: HMSO.\n")[0].startswith("1932.")


def test_acs_labels_in_parentheses_number_the_list():
    text = ("(1) Miyaura, N.; Suzuki, A. Palladium-Catalyzed Cross-Coupling. *Chem. Rev.* **1995**, *95*, 2457–2483.\n"
            "(2) Martin, R.; Buchwald, S. L. Dialkylbiaryl Phosphine Ligands. *Acc. Chem. Res.* **2008**, *41*,\n"
            "(11), 1461–1473.\n"
            "(3) Fu, G. C. Versatile Methods. *Acc. Chem. Res.* **2008**, *41*, 1555–1564.\n")
    assert [e.label for e in split_entries(CleanText.identity("f", text))] == ["1", "2", "3"]
