"""`citecheck convert` of a .bib file, a chunk at a time: the text of converting it whole."""
from __future__ import annotations

import functools
import random

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.cli.commands import convert_file, convert_text
from citecheck.inputs import read_source
from citecheck.inputs.stream import bibtex_text_source
from citecheck.parse.bibtex import stream_bibtex_references
from citecheck.parse.document import convert_references

FORMATS = ("bibtex", "biblatex", "csl-json", "ris")
_FAMILIES = ["M{\\\"u}ller", "Garc{\\'i}a", "Smith", "van der Berg", "O'Neill", "{\\v{S}}imek", "de la Cruz"]
_GIVEN = ["Anna", "J\\\"{u}rgen", "Fran{\\c{c}}ois", "H.~P.", "Wei", "Jr., Jan"]


def entry(i: int, rng: random.Random) -> str:
    kind = rng.choice(["article", "article", "book", "incollection", "online", "misc", "techreport", "phdthesis"])
    names = " and ".join(f"{rng.choice(_FAMILIES)}, {rng.choice(_GIVEN)}" for _ in range(rng.randint(1, 3)))
    fields = [("author", "{" + (names if rng.random() < 0.9 else "{World Health Organization}") + "}"),
              ("title", "{" + rng.choice(["{DNA} analysis", "Cities \\& climate", "\\emph{Bayesian} memory"]) + f" {i}}}")]
    if kind == "article":
        fields += [("journal", rng.choice(["jus", "{Nature}"])), ("volume", str(rng.randint(1, 99))),
                   ("pages", f"{i}--{i + 9}")]
    elif kind in ("book", "techreport", "phdthesis"):
        fields += [({"book": "publisher", "techreport": "institution", "phdthesis": "school"}[kind], "{Wiley \\& Sons}"),
                   ("address", "{Oxford}")]
    elif kind == "incollection":
        fields += [("editor", "{Smith, Jane}"), ("booktitle", "{Collected}")]
    else:
        fields += [("url", f"{{https://example.org/{i}?q=a\\_b\\&c=d}}"), ("urldate", "{2020-01-02}")]
    fields.append(("year", str(rng.randint(1950, 2024))) if rng.random() < 0.9 else ("date", "{2019-05-03}"))
    if rng.random() < 0.3:
        fields.append(("doi", f"{{10.1000/x.{i}}}"))
    if rng.random() < 0.1:
        fields.append(("keywords", "{cities, climate}"))
    key = f"key{i}" if i % 97 else "key1"  # a key used again, far from its first use
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def varied_bib(n: int) -> str:
    rng = random.Random(n)
    entries = [entry(i, rng) for i in range(n)]
    entries.insert(n // 2, "@article{broken,\n  title = {Never closed,\n  year = {2001}\n\n")
    entries.insert(n // 3, "@comment{a comment}\n@preamble{\"\\newcommand{\\noop}[1]{}\"}\n")
    return '@string{jus = "Journal of Urban Studies"}\n' + "\n".join(entries)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    """Chunks, pieces and batches small enough for a test file to need many of each."""
    monkeypatch.setattr("citecheck.parse.bibtex_blocks.CHUNK_CHARS", 3000)
    monkeypatch.setattr("citecheck.inputs.stream.TEXT_PIECE", 1000)
    monkeypatch.setattr("citecheck.emit.bibtex.BATCH", 16)


@pytest.fixture(scope="module")
def big_bib(tmp_path_factory):
    path = tmp_path_factory.mktemp("stream") / "refs.bib"
    path.write_text(varied_bib(200), encoding="utf-8")
    assert path.stat().st_size > 10 * 3000
    return path


@functools.cache
def whole(path, to: str) -> str:
    """The text of converting the whole file at once (the path taken before streaming)."""
    return convert_text(convert_references(read_source(str(path))), to)


def test_a_bib_file_is_streamed(big_bib):
    source = bibtex_text_source(str(big_bib))
    assert source is not None
    assert stream_bibtex_references(source, str(big_bib)) is not None


@pytest.mark.parametrize("to", FORMATS)
def test_the_output_is_byte_identical_to_converting_the_whole_file(big_bib, tmp_path, to):
    target = tmp_path / "out.txt"
    count = convert_file(str(big_bib), to, target)
    assert count == 200
    assert target.read_bytes() == whole(big_bib, to).encode("utf-8")


@pytest.mark.parametrize("to", FORMATS)
def test_standard_output_is_the_same_text(big_bib, to):
    result = CliRunner().invoke(app, ["convert", str(big_bib), "--to", to])
    assert result.exit_code == 0, result.output
    assert result.stdout == whole(big_bib, to)


def test_duplicate_keys_across_chunks_are_renamed_as_before(big_bib, tmp_path):
    target = tmp_path / "out.bib"
    convert_file(str(big_bib), "biblatex", target)
    text = target.read_text(encoding="utf-8")
    assert "{key1-2," in text and "{key1-3," in text


def test_an_entry_without_a_key_is_converted_whole(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@misc{, title = {No key}, year = 2020}\n@misc{k, title = {Keyed}}\n", encoding="utf-8")
    assert stream_bibtex_references(bibtex_text_source(str(path)), str(path)) is None
    target = tmp_path / "out.json"
    assert convert_file(str(path), "csl-json", target) == 2
    assert target.read_text(encoding="utf-8") == whole(path, "csl-json")


def test_a_file_without_entries_is_an_error_and_the_output_is_kept(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@comment{nothing here}\n@string{a = {b}}\n", encoding="utf-8")
    target = tmp_path / "out.bib"
    target.write_text("the user's file\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(path), "-o", str(target)])
    assert result.exit_code != 0 and "no BibTeX entries found" in result.output
    assert target.read_text(encoding="utf-8") == "the user's file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bib", "refs.bib"]  # no temporary file left


def test_the_input_is_never_the_output(big_bib):
    before = big_bib.read_bytes()
    result = CliRunner().invoke(app, ["convert", str(big_bib), "-o", str(big_bib)])
    assert result.exit_code == 2 and "usage error" in result.output and "is one of the inputs" in result.output
    assert "--in-place" not in result.output  # convert has no such option to advise
    assert big_bib.read_bytes() == before


def test_an_error_while_writing_leaves_the_output_as_it_was(big_bib, tmp_path):
    target = tmp_path / "out.bib"
    target.write_text("the user's file\n", encoding="utf-8")

    def failing(refs):
        yield "@misc{half,\n"
        raise RuntimeError("disk full")

    from citecheck.cli.output import write_output

    with pytest.raises(RuntimeError):
        write_output(target, failing([]), [str(big_bib)])
    assert target.read_text(encoding="utf-8") == "the user's file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bib"]


@pytest.mark.parametrize("content", [b"", b"   \n", b"@misc{a, title={\xff}}\n", b"%PDF-1.4 not really"])
def test_files_read_source_would_refuse_or_read_otherwise_are_not_streamed(tmp_path, content):
    path = tmp_path / "refs.bib"
    path.write_bytes(content)
    assert bibtex_text_source(str(path)) is None


def test_newlines_and_a_bom_are_read_as_read_source_reads_them(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_bytes("\ufeff@misc{a,\r\n  title = {One},\r\n}\r@misc{b, title = {Two}}\r\n".encode("utf-8"))
    pieces = "".join(bibtex_text_source(str(path))())
    assert pieces == read_source(str(path)).text
    target = tmp_path / "out.ris"
    assert convert_file(str(path), "ris", target) == 2
    assert target.read_text(encoding="utf-8") == whole(path, "ris")


def test_comments_preambles_and_a_broken_block_survive_the_stream(big_bib, tmp_path):
    target = tmp_path / "out.bib"
    convert_file(str(big_bib), "biblatex", target)
    text = target.read_text(encoding="utf-8")
    assert "@comment{a comment}\n\n@preamble{\"\\newcommand{\\noop}[1]{}\"}\n\n@" in text
    assert "% (at)article{broken,\n%   title = {Never closed,\n%   year = {2001}\n" in text
    again = tmp_path / "again.bib"
    convert_file(str(target), "biblatex", again)
    assert again.read_text(encoding="utf-8") == text  # stable: the comments are not doubled
