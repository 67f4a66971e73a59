"""What citecheck itself wrote: the SHA-256 of each output file as it last wrote it (``--bib-out``,
``--csl-out``), kept in ``outputs.json`` in the cache folder. A file citecheck wrote and nobody has
changed since is its own to replace (a scheduled ``check --bib-out refs.bib`` leaves no
``refs.bib.bak`` each time the list changes); a file edited by hand since, or never written by
citecheck, is the user's and is kept as ``NAME.bak`` first. A record that cannot be read or written
only means a backup more, never a file lost."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

RECORD_FILE = "outputs.json"

log = logging.getLogger(__name__)


def digest(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read (or is no file)."""
    sha = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
    except OSError:
        return None
    return sha.hexdigest()


class WrittenOutputs:
    """The record in ``folder`` (None: no record, so every differing file is kept as a backup)."""

    def __init__(self, folder: Path | None):
        self._file = Path(folder) / RECORD_FILE if folder is not None else None

    def unchanged_since_written(self, path: Path) -> bool:
        """Did citecheck write ``path`` as it is now?"""
        recorded = self._read().get(str(Path(path).resolve()))
        return recorded is not None and recorded == digest(path)

    def record(self, path: Path) -> None:
        """Remember ``path`` as citecheck has just written it (the files no longer there forgotten)."""
        if self._file is None:
            return
        sha = digest(path)
        if sha is None:
            return
        written = {name: value for name, value in self._read().items() if Path(name).exists()}
        written[str(Path(path).resolve())] = sha
        tmp = None
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{RECORD_FILE}.", dir=self._file.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(written, handle, indent=1, sort_keys=True)
            os.replace(tmp, self._file)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            log.debug("%s: cannot record the outputs written (%s): a later run keeps a backup", self._file, exc)

    def _read(self) -> dict[str, str]:
        if self._file is None:
            return {}
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {name: value for name, value in data.items() if isinstance(value, str)}
