"""The tagger's error, apart from ``model``: that module is compiled by mypyc, which cannot subclass
``RuntimeError``."""
from __future__ import annotations


class TaggerModelError(RuntimeError):
    """The shipped model is missing or was trained for other features or labels."""
