"""The link history store: SQLite, one row per (url, checked_at), clock injected, thread-safe."""
from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta, timezone

import pytest

from citecheck.model import ArchiveSnapshot, LinkCheck, LinkStatus
from citecheck.store.history import SCHEMA_VERSION, HistoryStore, StoreError

T0 = datetime(2024, 2, 1, 9, 30, tzinfo=timezone.utc)
A, B = "https://example.org/a", "https://example.org/b"


def day(n: float) -> datetime:
    return T0 + timedelta(days=n)


def test_runs_build_a_timeline_per_url(tmp_path):
    path = tmp_path / "sub" / "h.sqlite3"
    with HistoryStore(path) as store:
        store.record_run(["essay.md"], [LinkCheck(A, LinkStatus.ALIVE, 200), LinkCheck(B, LinkStatus.DEAD, 404)], day(0))
        snap = ArchiveSnapshot(f"https://web.archive.org/web/20200101000000/{B}", B, "20200101000000")
        store.record_run(["essay.md"], [LinkCheck(B, LinkStatus.DEAD, 404, final_url=B, detail="HTTP 404",
                                                  snapshot=snap)], day(1))
    with HistoryStore(path) as store:  # persisted: reopen and read
        timeline = store.timeline(B)
        assert [(o.checked_at, o.status, o.run_id) for o in timeline] == [
            (day(0), LinkStatus.DEAD, 1), (day(1), LinkStatus.DEAD, 2)]
        last = timeline[-1]
        assert (last.http_status, last.final_url, last.detail) == (404, B, "HTTP 404")
        assert (last.snapshot_url, last.snapshot_timestamp) == (snap.url, "20200101000000")
        assert [(r.id, r.started_at, r.documents, r.urls) for r in store.runs()] == [
            (1, day(0), ("essay.md",), 2), (2, day(1), ("essay.md",), 1)]
        assert len(store) == 3


def test_the_injected_clock_dates_a_run_without_now(tmp_path):
    moments = iter([day(5)])
    with HistoryStore(tmp_path / "h.sqlite3", clock=lambda: next(moments)) as store:
        _, [obs] = store.record_run([], [LinkCheck(A, LinkStatus.ALIVE)])
        assert obs.checked_at == day(5) and store.timeline(A)[0].checked_at == day(5)


def test_one_row_per_url_and_moment(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.record_run([], [LinkCheck(A, LinkStatus.DEAD, 404)], day(0))
        store.record_run([], [LinkCheck(A, LinkStatus.ALIVE, 200)], day(0))
        assert [o.status for o in store.timeline(A)] == [LinkStatus.ALIVE]


def test_timelines_filter_by_url_and_time(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        for n in range(5):
            store.record_run([], [LinkCheck(A, LinkStatus.ALIVE), LinkCheck(B, LinkStatus.DEAD)], day(n))
        assert set(store.timelines()) == {A, B}
        assert list(store.timelines([B])) == [B]
        since = store.timelines(since=day(3))
        assert [o.checked_at for o in since[A]] == [day(3), day(4)]
        until = store.timelines([A], until=day(1))
        assert [o.checked_at for o in until[A]] == [day(0), day(1)]


def test_times_in_other_zones_are_stored_as_utc_and_naive_times_are_refused(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        paris = T0.astimezone(timezone(timedelta(hours=1)))
        store.record_run([], [LinkCheck(A, LinkStatus.ALIVE)], paris)
        assert store.timeline(A)[0].checked_at == T0
        with pytest.raises(ValueError):
            store.record_run([], [LinkCheck(A, LinkStatus.ALIVE)], datetime(2024, 1, 1))
        assert len(store.runs()) == 1  # the failed run was rolled back
    raw = sqlite3.connect(tmp_path / "h.sqlite3")
    assert raw.execute("SELECT checked_at FROM checks").fetchone()[0] == "2024-02-01T09:30:00.000000+00:00"


def test_schema_has_a_version_and_a_newer_one_is_refused(tmp_path):
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    columns = [row[1] for row in raw.execute("PRAGMA table_info(checks)")]
    assert columns == ["url", "checked_at", "status", "http_status", "final_url", "snapshot_url",
                       "snapshot_timestamp", "detail", "run_id"]
    raw.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="newer citecheck"):
        HistoryStore(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"not a database at all " * 200)
    with pytest.raises(StoreError, match="not a citecheck history store"):
        HistoryStore(path)


def test_recording_from_many_threads(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(20):
                store.record_run([f"t{n}"], [LinkCheck(f"https://example.org/{n}", LinkStatus.ALIVE)],
                                 day(n) + timedelta(minutes=i))
                store.timelines()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store) == 160 and len(store.runs()) == 160
    store.close()
