import json
import logging

from typer.testing import CliRunner

from citecheck.cli.app import app


def test_convert_of_a_file_without_references_fails_as_check_does(tmp_path):
    garbage = tmp_path / "garbage.md"
    garbage.write_text("lorem ipsum dolor sit amet\n", encoding="utf-8")
    runner = CliRunner()
    convert = runner.invoke(app, ["convert", str(garbage), "--to", "biblatex"])
    check = runner.invoke(app, ["check", str(garbage), "--offline"])
    assert convert.exit_code == check.exit_code == 3
    assert convert.stdout == "" and "no references found" in convert.stderr and "Traceback" not in convert.stderr


def test_a_line_of_prose_read_as_names_alone_is_no_reference(tmp_path):
    """"hello world" was written out as a work by an author "hello world" (the tagger reads two plain words as a
    name): names with no title, date or place of publication name no work."""
    prose = tmp_path / "notes.txt"
    prose.write_text("hello world\n", encoding="utf-8")
    convert = CliRunner().invoke(app, ["convert", str(prose), "--to", "bibtex"])
    assert convert.exit_code == 3 and convert.stdout == "" and "no references found" in convert.stderr
    named = tmp_path / "refs.txt"
    named.write_text("Smith, John. The Book of Things.\n", encoding="utf-8")
    convert = CliRunner().invoke(app, ["convert", str(named), "--to", "bibtex"])
    assert convert.exit_code == 0 and "title = {The Book of Things}" in convert.stdout


def test_convert_says_why_a_document_gave_no_references_as_check_does(tmp_path):
    doc = tmp_path / "paper.md"
    doc.write_text("---\nbibliography: nothere.bib\n---\nText [@a].\n", encoding="utf-8")
    convert = CliRunner().invoke(app, ["convert", str(doc)])
    assert convert.exit_code == 3
    assert convert.stderr.strip() == (f"citecheck: error: {doc}:2: no references found: the bibliography file "
                                      f"{tmp_path / 'nothere.bib'} cannot be used: no such file")


def test_an_error_names_its_line_once(tmp_path):
    yaml = tmp_path / "refs.yaml"
    yaml.write_text("references:\n- id: a\n  title: [oops\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(yaml)])
    assert result.exit_code == 3
    assert f"{yaml}:4: the YAML file cannot be read" in result.stderr and "line 4:" not in result.stderr


def test_convert_says_each_entry_it_could_not_read(tmp_path, caplog):
    """A free-text list with a line that reads as no reference was converted without a word: the line came
    out as a record whose title was the whole text, exit 0 (session 13, users). It is still written (nothing
    is lost) and now said, with its line, as ``check`` says it."""
    refs = tmp_path / "refs.txt"
    refs.write_text("Smith, J. (2019). A title. Journal of Things, 1(2), 3-4.\n\nasdkjh qwe 12 !!! ###\n\n"
                    "Jones, M. (2001). A book. London: Pub.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(app, ["convert", str(refs), "--to", "ris"])
    assert result.exit_code == 0
    assert result.stdout.count("TY  - ") == 3 and "TI  - asdkjh qwe 12 !!! ###" in result.stdout
    assert (f"{refs}:3: entry could not be read as a reference (written out as it is: "
            "'asdkjh qwe 12 !!! ###')") in caplog.text


def test_convert_of_text_where_no_line_reads_as_a_reference_fails_as_check_does(tmp_path):
    """Fifty lines of noise made one "reference" (its title the noise), exit 0, where ``check`` said exit 3."""
    garbage = tmp_path / "garbage.txt"
    garbage.write_text("asdkjh qwe 12 !!! ###\n" * 50, encoding="utf-8")
    runner = CliRunner()
    convert = runner.invoke(app, ["convert", str(garbage), "--to", "ris"])
    check = runner.invoke(app, ["check", str(garbage), "--offline"])
    assert convert.exit_code == check.exit_code == 3
    assert convert.stdout == "" and "no references found" in convert.stderr


def test_a_text_of_references_alone_is_checked_as_a_bibliography(tmp_path):
    """A file that is a reference list and nothing else reported every entry "listed but never cited" (the
    document has no citations): like a .bib given alone, it is a bibliography, and nothing is uncited."""
    refs = tmp_path / "refs.txt"
    refs.write_text("Smith, J. (2019). A title of things. Journal of Things, 1(2), 3-4.\n\n"
                    "Doe, A. (2020). Another title. Oxford: Clarendon Press.\n\n"
                    "Roe, B. (2021). A third title. Journal of Things, 2(1), 5-9.\n", encoding="utf-8")
    check = CliRunner().invoke(app, ["check", str(refs), "--offline"])
    assert check.exit_code == 0, check.stdout
    assert "3 references" in check.stdout and "uncited" not in check.stdout
    prose = tmp_path / "paper.md"
    prose.write_text("Prose that cites nothing at all here.\n\n" + refs.read_text(encoding="utf-8"), encoding="utf-8")
    check = CliRunner().invoke(app, ["check", str(prose), "--offline"])
    assert "uncited" in check.stdout


def test_an_entry_without_a_key_is_said_by_check_and_convert(tmp_path, monkeypatch, caplog):
    """"@book{, author = ...}": biber stops on it (a syntax error) and skips it; citecheck keyed it
    "noKeyless2002" without a word (session 16, user)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nokey.bib").write_text("@book{k, author={A, B}, title={T}, publisher={P}, year=2001}\n"
                                        "@book{, author={No, Key}, title={Keyless}, publisher={P}, year=2002}\n",
                                        encoding="utf-8")
    check = CliRunner().invoke(app, ["check", "nokey.bib", "--format", "json"])
    [finding] = json.loads(check.stdout)["findings"]
    assert finding["kind"] == "malformed-reference" and finding["source"]["line"] == 2
    assert "has no key: biber and bibtex skip it" in finding["message"]
    with caplog.at_level(logging.WARNING):
        convert = CliRunner().invoke(app, ["convert", "nokey.bib", "--to", "biblatex"])
    assert convert.exit_code == 0 and "@book{noKeyless2002," in convert.stdout
    assert "nokey.bib:2: an entry without a key, written under the key noKeyless2002" in caplog.text
