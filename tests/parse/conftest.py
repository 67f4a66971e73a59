"""Fixtures the parser's tests share."""
from __future__ import annotations

from importlib import resources

import pycrfsuite
import pytest

from citecheck.parse.tagger.model import MODEL_FILE


@pytest.fixture(scope="module")
def crfsuite_tagger() -> pycrfsuite.Tagger:
    """python-crfsuite on the shipped model, whichever inference the shipped tagger uses."""
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("citecheck.parse.tagger").joinpath("data") / MODEL_FILE) as model:
        tagger.open(str(model))
    return tagger
