from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from kubechat_executor.singleflight import SingleFlight


def test_identical_calls_in_flight_share_one_call_and_later_ones_call_again() -> None:
    flight = SingleFlight()
    calls = 0
    release = threading.Event()

    def slow() -> bytes:
        nonlocal calls
        calls += 1
        release.wait(5)
        return b"answer"

    with ThreadPoolExecutor(10) as pool:
        futures = [pool.submit(flight.run, "pods", slow) for _ in range(10)]
        time.sleep(0.2)
        release.set()
        assert [f.result() for f in futures] == [b"answer"] * 10
    assert calls == 1
    assert flight.run("pods", slow) == b"answer" and calls == 2


def test_different_keys_do_not_share_and_errors_reach_every_waiter() -> None:
    flight = SingleFlight()
    assert flight.run("a", lambda: b"a") == b"a" and flight.run("b", lambda: b"b") == b"b"
    gate = threading.Event()

    def failing() -> bytes:
        gate.wait(5)
        raise RuntimeError("cluster down")

    with ThreadPoolExecutor(3) as pool:
        futures = [pool.submit(flight.run, "x", failing) for _ in range(3)]
        time.sleep(0.2)
        gate.set()
        for future in futures:
            with pytest.raises(RuntimeError, match="cluster down"):
                future.result()
