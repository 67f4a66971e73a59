"""Writing files for the CLI: never over an input unless asked, always atomically."""
from __future__ import annotations

import filecmp
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, UsageError
from ..store.written_outputs import WrittenOutputs


def atomic_write(path: Path, text: str | bytes | Iterable[str], keep_existing: bool = False) -> Path | None:
    """Write ``text`` (or its pieces, one after another; or bytes, as they are) to ``path`` through a
    temporary file in the same folder and a rename: an error on the way leaves ``path`` as it was.
    A new file gets the permissions any new file gets (the umask), an existing one keeps its own.
    ``keep_existing``: an existing file that differs from what is written is first kept as a backup
    (``NAME.bak``, then ``.bak1``...), which is returned (None when nothing needed keeping).
    A path that is no regular file, ``/dev/null``, ``/dev/stdout`` or a named pipe, is written into, never
    replaced (a rename put a plain file where root's ``-o /dev/null`` was); a symbolic link's target is
    written, the link kept."""
    path = Path(path)
    if _device(path):
        _write_into(path, text)
        return None
    if path.is_symlink():
        path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as raw:
                raw.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                for piece in [text] if isinstance(text, str) else text:
                    handle.write(piece)
        if path.exists():
            shutil.copymode(path, tmp)
        else:  # mkstemp makes the file private (0600): give it a new file's usual mode
            os.chmod(tmp, 0o666 & ~_umask())
        backup = None
        if keep_existing and path.is_file() and not filecmp.cmp(path, tmp, shallow=False):
            backup = _backup(path)
        os.replace(tmp, path)
        return backup
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _device(path: Path) -> bool:
    """A path to write into rather than replace: no regular file (a device, a named pipe), or a link through /dev
    or /proc to one (``/dev/stdout`` is the file the shell redirected standard output to; not a file in /dev/shm)."""
    return path.exists() and (not path.is_file()
                              or path.is_symlink() and path.absolute().parts[1:2] in (("dev",), ("proc",)))


def _write_into(path: Path, text: str | bytes | Iterable[str]) -> None:
    """Write to a device or a pipe as it is: no temporary file, no backup; appended, so that ``/dev/stdout``
    redirected to a file follows what was written to it before (the report), as a shell's ``>>`` would."""
    if isinstance(text, bytes):
        with open(path, "ab") as raw:
            raw.write(text)
        return
    with open(path, "a", encoding="utf-8", newline="") as handle:
        for piece in [text] if isinstance(text, str) else text:
            handle.write(piece)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(path: Path, text: str | bytes | Iterator[str], inputs: list[str],
                 written: WrittenOutputs | None = None) -> Path | None:
    """Write an output the user named (``--bib-out``, ``convert -o``), refusing to clobber one of the
    inputs, and keeping a file already there that differs from the new text (the user may have
    written it by hand) as ``NAME.bak`` (``.bak1``...): the backup made, or None. Text given in pieces
    (a large BibTeX file converted chunk by chunk): the first piece is made before the output is
    checked, so an input that cannot be converted is reported first, as when the text is made at
    once. An output that cannot be written (one of the inputs, a folder, a missing or read-only
    folder) is a usage error (exit 2): the command line named it; nothing is written. ``written``: the
    record of what citecheck wrote, by which a file it wrote and nobody changed since is replaced
    without a backup (and the new one recorded)."""
    if not isinstance(text, (str, bytes)):
        first = next(text, "")
        text = itertools.chain([first], text)
    path = Path(path)
    check_output(path, inputs)
    device = _device(path)  # /dev/null, a named pipe: never read back, nor recorded
    ours = written is not None and not device and written.unchanged_since_written(path)
    try:
        backup = atomic_write(path, text, keep_existing=not ours)
    except OSError as exc:
        raise UsageError(f"cannot be written ({exc.strerror or exc})", str(path)) from exc
    if written is not None and not device:
        written.record(path)
    return backup


def check_output(path: Path, inputs: list[str]) -> None:
    """Raise the UsageError that writing ``path`` would meet (one of the inputs, a folder, a folder
    that does not exist), so that a command can refuse it before any work."""
    path = Path(path)
    if _is_input(path, inputs):
        raise UsageError("is one of the inputs; choose another output file", str(path))
    if path.is_dir():
        raise UsageError("is a folder; name a file to write", str(path))
    if not path.parent.is_dir():
        problem = "is not a folder" if path.parent.exists() else "does not exist"
        raise UsageError(f"cannot be written: the folder {path.parent} {problem}", str(path))


def _is_input(path: Path, inputs: list[str]) -> bool:
    return any(_same(path, Path(i)) for i in inputs if i != "-")


def fixed_copy_path(path: str) -> Path:
    """``essay.md`` -> ``essay.fixed.md``, beside the input."""
    p = Path(path)
    return p.with_name(f"{p.stem}.fixed{p.suffix}")


def write_fixed_copy(path: Path, data: bytes, inputs: list[str]) -> Path | None:
    """Write a fixed copy (``essay.fixed.md``), which may already exist and hold the user's own edits:
    an existing copy that differs from ``data`` is kept first, as ``--in-place`` keeps an input
    (``essay.fixed.md.bak``, then ``.bak1``...). The backup made, if any; refuses to write over an input."""
    path = Path(path)
    if _is_input(path, inputs):  # "essay.fixed.md" given as an input too: ``check --fix --in-place`` edits it
        raise InputError("is one of the inputs; choose another output file (use --in-place to edit inputs)", str(path))
    if path.exists() and path.read_bytes() == data:
        return None  # the same fixed copy again: nothing of the user's to keep
    return write_output(path, data, inputs)


def backup_and_replace(path: str, text: str | bytes) -> Path:
    """Keep a backup (``essay.md.bak``, then ``.bak1``...) and replace the file atomically."""
    p = Path(path)
    backup = _backup(p)
    atomic_write(p, text)
    return backup


def _backup(p: Path) -> Path:
    backup = p.with_name(p.name + ".bak")
    n = 1
    while backup.exists():
        backup = p.with_name(f"{p.name}.bak{n}")
        n += 1
    shutil.copy2(p, backup)
    return backup


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
