"""Invisible characters (soft hyphens, zero-width spaces, bidirectional marks) copied into a free-text
reference are left out of its field values, as ligatures are written out; the text keeps them, so the
spans still point into the file (parse.references ``_fold``)."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.keys import assign_keys
from citecheck.model import SourceDoc
from citecheck.parse.document import parse_document
from citecheck.pipeline import check

INVISIBLE = set("\u00ad\u200b\u200e\u200f\u202a\u202c\u2060\u2068\u2069\ufeff")

# the repro: a zero-width space, a soft hyphen inside a word, RLM/LRM around the publisher
WEIRD = ("Text (Smith,\u00a0 2020), (Müller, 2019) and (Doe, 2018).\n\nReferences\n\n"
         "Smith,\u00a0 J. (2020). A\u200b book Din\u00adge. \u200fVerlag\u200e.\n"
         "\u2068Müller\u2069, K. (2019). Ein\u00ad\nfaches Buch über \u202aStädte\u202c. Berlin: Sprin\u2060ger.\n"
         "Do\u200be, J. (2018). The \ufeffart of war\u200b. Journal of Stuff, 3(2), 1-10. https://example.com/a\u200b/b\n")


def test_invisible_characters_are_left_out_of_field_values_and_outputs():
    parsed = parse_document(SourceDoc("weird.md", WEIRD, "text"))
    smith, muller, doe = parsed.references
    assert (smith.authors[0].family, smith.title, smith.publisher) == ("Smith", "A book Dinge", "Verlag")
    # a bidirectional isolate around the name does not hide the entry's start; a soft hyphen at a
    # line break joins its word
    assert (muller.authors[0].family, muller.title, muller.publisher) == ("Müller", "Einfaches Buch über Städte", "Springer")
    assert (doe.authors[0].family, doe.title, [u.url for u in doe.urls]) == ("Doe", "The art of war", ["https://example.com/a/b"])
    keyed = assign_keys(parsed.references)
    assert [r.key for r in keyed] == ["smithBook2020", "mullerEinfaches2019", "doeArt2018"]
    for out in (to_bibtex(keyed), to_csl_json(keyed)):
        assert not set(out) & INVISIBLE
    assert not set("".join(r.raw for r in parsed.references)) & INVISIBLE
    # every citation finds its entry
    assert not [f for f in parsed.findings if "missing" in f.kind.value]


def test_spans_still_point_into_the_file_with_its_invisible_characters():
    smith, muller, _ = parse_document(SourceDoc("weird.md", WEIRD, "text")).references
    assert WEIRD[smith.span.start : smith.span.end] == "Smith,\u00a0 J. (2020). A\u200b book Din\u00adge. \u200fVerlag\u200e."
    assert WEIRD[muller.span.start : muller.span.end].startswith("Müller\u2069, K. (2019). Ein\u00ad\nfaches")


def test_zero_width_joiners_that_shape_a_script_are_kept():
    text = "References\n\nRahimi, A. (2019). \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645. Tehran: Nashr.\n"
    (ref,) = parse_document(SourceDoc("p.md", text, "text")).references
    assert "\u200c" in ref.title


def test_an_entry_of_invisible_characters_alone_is_no_entry():
    # found by the property test: a line of a soft hyphen was an entry that folds to nothing (a crash)
    from citecheck.model import CleanText
    from citecheck.parse.references import parse_reference_list

    assert parse_reference_list(CleanText.identity("refs.md", "\u00ad")) == ()
    refs = parse_reference_list(CleanText.identity("refs.md", "\u200b\n\nSmith, J. (2019). Title. Press."))
    assert [r.year for r in refs] == [2019]


def test_a_name_written_with_a_unicode_hyphen_is_the_listed_name(tmp_path, monkeypatch):
    """Word's non-breaking hyphen (U+2011) and Unicode's hyphen (U+2010) in a cited name: before, "Kowalski\u2011Nowak
    (2017)" cited "Nowak" and "(Kowalski\u2010Nowak & Smith, 2016)" was a missing reference."""
    text = ("Text (Kowalski\u2010Nowak & Smith, 2016) and Kowalski\u2011Nowak (2017).\n\nReferences\n\n"
            "Kowalski-Nowak, P., & Smith, J. (2016). Spindles. *Cortex*, *80*, 1–10.\n\n"
            "Kowalski\u2011Nowak, P. (2017). Alone. *Cortex*, *81*, 1–10.\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hyphens.md").write_text(text, encoding="utf-8")
    result = check(["hyphens.md"], Settings())
    assert [r.authors[0].family for r in result.references] == ["Kowalski-Nowak", "Kowalski-Nowak"]
    assert [c.name_texts for c in result.citations] == [("Kowalski-Nowak", "Smith"), ("Kowalski-Nowak",)]
    assert list(result.citation_targets) == ["kowalskinowakSpindles2016", "kowalskinowakAlone2017"]
    assert result.findings == ()
    first = result.citations[0].names[0].span
    assert text[first.start : first.end] == "Kowalski\u2010Nowak"
