"""APA's entry in a reference work, title first: "Title. (Date). In Wikipedia. URL"."""
from __future__ import annotations

import pytest

from one_reference import read_one


@pytest.mark.parametrize("entry, title, container", [
    ("Plate tectonics. (2021). In Wikipedia. https://en.wikipedia.org/wiki/Plate_tectonics", "Plate tectonics", "Wikipedia"),
    ("Barack Obama. (2020, May 3). In Wikipedia. https://en.wikipedia.org/wiki/Barack_Obama", "Barack Obama", "Wikipedia"),
    ("Photosynthesis. (2019). In Encyclopaedia Britannica. https://www.britannica.com/science/photosynthesis",
     "Photosynthesis", "Encyclopaedia Britannica"),
])
def test_the_work_a_title_first_entry_is_in_is_its_container(entry, title, container):
    ref = read_one(entry)
    assert (ref.title, ref.container, ref.publisher, ref.authors) == (title, container, "", ())
