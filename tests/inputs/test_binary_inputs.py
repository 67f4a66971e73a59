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
