"""A web page saved as one file (MHTML: Chrome's "Webpage, Single File", Internet Explorer's "Web Archive")."""
from __future__ import annotations

import base64
import quopri

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.errors import InputError
from citecheck.inputs import read_source

PAGE = """<!DOCTYPE html><html><head><title>Heat</title></head><body><article><h1>Heat and cities</h1>
<p>Urban heat is rising (Oke, 1982) \u2013 and cool roofs help (Santamouris, 2014).</p>
<h2>References</h2><ul><li>Oke, T. R. (1982). The energetic basis of the urban heat island. <em>Quarterly Journal
of the Royal Meteorological Society</em>, 108(455), 1\u201324. https://doi.org/10.1002/qj.49710845502</li>
<li>Santamouris, M. (2014). Cooling the cities \u2013 a review of reflective and green roof mitigation technologies.
<em>Solar Energy</em>, 103, 682\u2013703. https://doi.org/10.1016/j.solener.2012.07.003</li></ul></article></body></html>"""


def _archive(html: str, encoding: str = "quoted-printable", charset: str = "") -> bytes:
    body = (quopri.encodestring(html.encode(charset or "utf-8")).decode("ascii") if encoding == "quoted-printable"
            else base64.encodebytes(html.encode(charset or "utf-8")).decode("ascii"))
    kind = f"text/html; charset={charset}" if charset else "text/html"
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://blog.example.org/heat/\r\n"
            f"Subject: Heat\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            f"\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n------MultipartBoundary--abc----\r\n"
            f"Content-Type: {kind}\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: {encoding}\r\n"
            f"Content-Location: https://blog.example.org/heat/\r\n\r\n{body}\r\n------MultipartBoundary--abc----\r\n"
            f"Content-Type: text/css\r\nContent-Location: https://blog.example.org/style.css\r\n\r\n"
            f"body {{ color: black; }}\r\n------MultipartBoundary--abc------\r\n").replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


@pytest.mark.parametrize("encoding, charset", [("quoted-printable", ""), ("base64", ""), ("quoted-printable", "windows-1252")])
def test_an_mhtml_archive_is_read_as_its_page(tmp_path, encoding, charset):
    # its MIME headers and encoded lines were read as text: no bibliography found, or entries of "From: <Saved by Blink>"
    path = tmp_path / "heat.mhtml"
    path.write_bytes(_archive(PAGE, encoding, charset))
    doc = read_source(str(path))
    assert doc.format == "mhtml" and doc.text.startswith("<!DOCTYPE html>") and "(Oke, 1982) \u2013 and" in doc.text
    assert "Blink" not in doc.text and "color: black" not in doc.text
    named = tmp_path / "heat.txt"  # known by its MIME headers under another name
    named.write_bytes(_archive(PAGE, encoding, charset))
    assert read_source(str(named)).format == "mhtml"


def test_check_and_convert_an_mht_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "heat.mht").write_bytes(_archive(PAGE))
    runner = CliRunner()
    checked = runner.invoke(app, ["check", "heat.mht", "--offline"])
    assert checked.exit_code == 0 and "2 references, 2 citations (2 matched)" in checked.stdout
    converted = runner.invoke(app, ["convert", "heat.mht", "--to", "bibtex"])
    assert converted.exit_code == 0 and converted.stdout.count("@article{") == 2
    assert "title = {Cooling the cities \u2013 a review" in converted.stdout and "Blink" not in converted.stdout


def test_an_mhtml_file_is_not_rewritten_by_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = ("<html><body><p>As Zuagg (2019) shows, and Zaugg (2019) again, and Zaugg (2019).</p><h2>References</h2>"
            "<ul><li>Zaugg, J. (2019). <i>North Korean defectors</i>. London: BBC Books.</li></ul></body></html>")
    (tmp_path / "page.mht").write_bytes(_archive(page))
    result = CliRunner().invoke(app, ["check", "page.mht", "--offline", "--fix"])
    assert "name-mismatch" in result.stdout
    assert "page.mht: an MHTML file cannot be fixed in place" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.mht"]


def test_an_archive_with_no_page_says_so(tmp_path):
    path = tmp_path / "empty.mht"
    path.write_bytes(_archive(PAGE).replace(b"text/html", b"image/png"))
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert "no HTML page" in str(info.value) and str(path) in str(info.value)
    plain = tmp_path / "notes.mht"
    plain.write_bytes(b"just some words\n")
    with pytest.raises(InputError) as info:
        read_source(str(plain))
    assert "MHTML" in str(info.value)
