"""Emit records as BibLaTeX, classic BibTeX, CSL-JSON and RIS, with deterministic citation keys."""
from .bibtex import to_bibtex
from .csl import to_csl_item, to_csl_json
from .keys import assign_keys, make_key
from .latex import escape_text, escape_title, escape_url
from .ris import to_ris

__all__ = ["assign_keys", "escape_text", "escape_title", "escape_url", "make_key", "to_bibtex", "to_csl_item", "to_csl_json", "to_ris"]
