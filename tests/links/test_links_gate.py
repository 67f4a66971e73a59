"""HostGate: per-host concurrency and a minimum gap between starts (fake clock)."""
from __future__ import annotations

import threading
import time

from citecheck.links.gate import HostGate


def test_min_gap_staggers_starts_on_one_host_only(clock):
    gate = HostGate(per_host=4, min_gap=0.2, clock=clock, sleep=clock.sleep)
    for _ in range(3):
        with gate.slot("a.example"):
            pass
    with gate.slot("b.example"):
        pass
    assert clock.sleeps == [0.2, 0.2]


def test_defer_holds_the_host_back(clock):
    gate = HostGate(per_host=1, min_gap=0, clock=clock, sleep=clock.sleep)
    gate.defer("A.example", 5)
    with gate.slot("a.example"):
        pass
    assert clock.sleeps == [5.0]


def test_per_host_concurrency_limit_holds_under_threads():
    gate = HostGate(per_host=2, min_gap=0)
    active, peak, lock = [0], [0], threading.Lock()

    def work():
        with gate.slot("h"):
            with lock:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
            time.sleep(0.02)
            with lock:
                active[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2


def test_ready_in_tells_the_pause_without_reserving(clock):
    gate = HostGate(per_host=1, min_gap=0, clock=clock, sleep=clock.sleep)
    assert gate.ready_in("a.example") == 0.0
    gate.defer("a.example", 5)
    assert gate.ready_in("A.example") == 5.0 and gate.ready_in("b.example") == 0.0
    assert gate.ready_in("a.example") == 5.0  # asking twice reserves nothing
    clock.sleep(5)
    assert gate.ready_in("a.example") == 0.0
