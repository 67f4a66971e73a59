"""One SQLite file shared by threads: the connection, its lock, and closing it."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class SqliteFile:
    """Base of citecheck's SQLite stores. Subclasses run their SQL under ``self._lock``.

    The folder is made if needed (``:memory:`` stays in memory); with ``wal`` the journal is
    write-ahead with ``synchronous=NORMAL``: no fsync per write, and still never corrupt.
    """

    def __init__(self, path: str | Path, *, wal: bool = False) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        if wal:
            with self._lock:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
