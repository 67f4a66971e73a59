"""Binary files passed by mistake are called binary, named by their first bytes when known ("ELF
executable?"); UTF-16 text without a byte-order mark is still told apart, and no text is refused
for what it starts with."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.errors import InputError
from citecheck.inputs import read_source

# the first bytes of a small x86-64 ELF executable: a header, then NUL runs on both byte positions
ELF = (b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x03\x00>\x00\x01\x00\x00\x00\xe0a\x00\x00\x00\x00\x00\x00"
       + b"@\x00\x00\x00\x00\x00\x00\x00pG\x03" + b"\x00" * 200 + b"/lib64/ld-linux-x86-64.so.2\x00" * 4)


@pytest.mark.parametrize("content, kind", [
    (ELF, "ELF executable"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8, "Windows executable"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\x00\x01" * 20, "gzip archive"),
])
def test_binary_data_is_called_binary_and_named(tmp_path, content, kind):
    path = tmp_path / "program.md"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert info.value.message == f"not a text file: binary data ({kind}?)"


def test_unknown_binary_data_is_called_binary_without_a_name(tmp_path):
    path = tmp_path / "blob.md"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match=r"not a text file: binary data$"):
        read_source(str(path))


def test_utf16_without_a_mark_is_still_named_and_text_may_start_like_a_magic_number(tmp_path):
    bare = tmp_path / "bare.md"
    bare.write_bytes("Gauges fail (Müller, 2019).\n\nReferences\n\nMüller, J. (2019). Gauges.\n".encode("utf-16-be"))
    with pytest.raises(InputError, match="UTF-16 text without a byte-order mark"):
        read_source(str(bare))
    text = tmp_path / "mz.md"
    text.write_text("MZ Gallery notes (Lee, 2019).\n\nReferences\n\nLee, B. (2019). Art. Press.\n", encoding="utf-8")
    assert read_source(str(text)).format == "markdown"


def test_an_executable_exits_3_with_one_line(tmp_path):
    path = tmp_path / "program.md"
    path.write_bytes(ELF)
    result = CliRunner().invoke(app, ["check", str(path), "--offline"])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines() == [f"citecheck: error: {path}: not a text file: binary data (ELF executable?)"]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
OLD_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"Some text" * 50


@pytest.mark.parametrize("name, content, message", [
    ("figure.pdf", PNG, "is not a PDF: by its first bytes it is a PNG image"),
    ("essay.docx", OLD_DOC, "is not a Word (.docx) document: by its first bytes it is an old Word/Excel"),
])
def test_a_file_named_pdf_or_docx_that_is_something_else_is_named_for_what_it_is(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert info.value.message.startswith(message)


def test_an_old_word_file_is_told_to_be_saved_as_docx(tmp_path):
    for name in ("essay.doc", "essay.docx"):
        path = tmp_path / name
        path.write_bytes(OLD_DOC)
        with pytest.raises(InputError, match=r"save it as \.docx"):
            read_source(str(path))


def test_an_encrypted_pdf_says_it_needs_a_password(tmp_path):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "locked.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match="is an encrypted PDF that needs a password; decrypt it first"):
        read_source(str(path))


def test_a_docx_that_unpacks_to_too_much_xml_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    import docx

    from citecheck.inputs import docx as docx_input

    document = docx.Document()
    document.add_paragraph("Sleep matters (Walker, 2017).")
    path = tmp_path / "bomb.docx"
    document.save(str(path))
    monkeypatch.setattr(docx_input, "MAX_UNPACKED", 1000)  # a real bomb unpacks to gigabytes
    with pytest.raises(InputError, match=r"unpacks to \d+ MiB of XML, more than any Word document holds"):
        read_source(str(path))


def test_rtf_and_opendocument_files_are_named_with_what_to_do(tmp_path):
    """An RTF file is text, but its markup would be read as a bibliography of nonsense ("no bibliography
    found" at best); an .odt is a ZIP: both are named, with how to save them as .docx."""
    import zipfile

    rtf = tmp_path / "essay.rtf"
    rtf.write_text("{\\rtf1\\ansi\\deff0 Text cites (Smith, 2019).\\par References\\par Smith, J. (2019). A book.\\par}\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"is an RTF document, which citecheck does not read; save it as \.docx"):
        read_source(str(rtf))
    odt = tmp_path / "essay.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(InputError, match=r"\(OpenDocument \(\.odt\) file\?\); save it as \.docx"):
        read_source(str(odt))
