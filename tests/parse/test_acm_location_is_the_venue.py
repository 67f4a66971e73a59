"""ACM's Digital Library exports a conference paper's place as ``location`` beside its publisher's
``address``; read as biblatex's alias of ``address``, London was the publisher's place and
``convert --to bibtex`` wrote two ``address`` fields, which bibtex warns of and skips (session 12, structured 25)."""
from __future__ import annotations

import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.parse.bibtex import parse_bibtex

ACM = """@inproceedings{10.1145/3219819.3219890,
author = {Ying, Rex and He, Ruining},
title = {Graph Convolutional Neural Networks for Web-Scale Recommender Systems},
year = {2018},
isbn = {9781450355520},
publisher = {Association for Computing Machinery},
address = {New York, NY, USA},
doi = {10.1145/3219819.3219890},
booktitle = {Proceedings of the 24th ACM SIGKDD International Conference on Knowledge Discovery \\& Data Mining},
pages = {974–983},
numpages = {10},
location = {London, United Kingdom},
series = {KDD '18}
}
"""


def test_an_acm_papers_location_is_its_venue_and_its_address_the_publishers_place():
    (ref,), _ = parse_bibtex(ACM, "acm.bib")
    assert ref.place == "New York, NY, USA" and dict(ref.extra)["venue"] == "London, United Kingdom"
    biblatex = to_bibtex([ref])
    assert "location = {{New York, NY, USA}}" in biblatex and "venue = {London, United Kingdom}" in biblatex
    classic = to_bibtex([ref], dialect="bibtex")
    assert classic.count("address = ") == 1 and "address = {{New York, NY, USA}}" in classic


def test_a_book_with_both_keeps_biber_reading_and_classic_bibtex_one_address(caplog):
    (ref,), _ = parse_bibtex("@book{b, author={A, B}, title={T}, publisher={P}, location={Berlin},\n"
                             " address={Berlin, Germany}, year=2001}\n", "b.bib")
    assert ref.place == "Berlin" and dict(ref.extra)["address"] == "Berlin, Germany"
    with caplog.at_level(logging.WARNING):
        classic = to_bibtex([ref], dialect="bibtex")
    assert classic.count("address = ") == 1 and "address = {{Berlin}}" in classic
    assert "b.bib:1: b: a second address left out" in caplog.text and "Berlin, Germany" in caplog.text
