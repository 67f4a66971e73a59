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
