"""The four formats citecheck writes, each as (write references, parse the text back): for tests that
carry entries through every format and back."""
from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

FORMATS = {
    "biblatex": (lambda refs: to_bibtex(refs), parse_bibtex),
    "bibtex": (lambda refs: to_bibtex(refs, dialect="bibtex"), parse_bibtex),
    "csl-json": (to_csl_json, parse_csl_json),
    "ris": (to_ris, parse_ris),
}
