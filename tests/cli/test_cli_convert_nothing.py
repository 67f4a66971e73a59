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
