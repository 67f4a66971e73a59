"""The access phrases ("Retrieved from", "[cited 2019 Mar 22]", "Accessed 3 May 2020") an entry's reading takes out:
``references._accesses`` finds what ``_ACCESS.finditer`` finds, trying the pattern only where it can start."""
from __future__ import annotations

from pathlib import Path

from citecheck.parse.references import _ACCESS, _accesses
from citecheck.parse.tagger import read_sequences

ROOT = Path(__file__).resolve().parents[2]


def test_accesses_are_the_patterns_matches_on_every_labelled_reference():
    texts = [r.text for path in sorted((ROOT / "data").glob("*/*.xml"))
             for r in read_sequences(path.read_text(encoding="utf-8"), path.stem)]
    texts += ["Retrieved from x", "x [cited 2019 Mar 22].", "(Accessed 3 May 2020) (viewed 4 May 2020)", "[[cited]",
              "RETRIEVED June 5, 2020, from", "Uncited, recited, accessedness", "Consulté, consulted 2020-01-02",
              "Aufgerufen am 3. März, retrieved 3 March 2020", "ſ retrieved", ""]
    for text in texts:
        assert [m.span() for m in _accesses(text)] == [m.span() for m in _ACCESS.finditer(text)], text
