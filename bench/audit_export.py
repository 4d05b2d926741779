"""Export memory: streaming 10^5 events (JSON Lines, then CSV) through the gateway must
not grow the audit service or the gateway by the size of the export.

Starts NATS, Redis, the audit service and the gateway on free ports, loads N events through
JetStream, then downloads each export format while sampling the resident memory (VmRSS)
of the audit and gateway processes every 20 ms. Prints, per format: bytes exported, time,
and each process's RSS before and at its peak during the export.

    uv run python bench/audit_export.py [--events 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
from pathlib import Path

import httpx
from audit_ingest import make_events, publish, wait_stored  # type: ignore[import-not-found]

from kubechat_devstack.stack import Ports, Stack

TENANT = "bench-export"


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Sampler(threading.Thread):
    def __init__(self, pids: dict[str, int]) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.peak = {name: rss_mib(pid) for name, pid in pids.items()}
        self.before = dict(self.peak)
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            for name, pid in self.pids.items():
                self.peak[name] = max(self.peak[name], rss_mib(pid))
            time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    stack = Stack(base_dir=Path(tempfile.mkdtemp(prefix="audit-export-")), ports=Ports.free())
    try:
        stack.start_nats()
        stack.start_redis()
        stack.start_service("audit", timeout=60)
        stack.start_service("gateway")
        events = make_events(args.events, TENANT)
        asyncio.run(publish(stack, events, [0]))
        wait_stored(stack, TENANT, len(events), timeout=600)
        pids = {name: int(stack.processes[name].pid or 0) for name in ("audit", "gateway")}
        print(f"events       {len(events)}")
        for fmt in ("jsonl", "csv"):
            sampler = Sampler(pids)
            sampler.start()
            started = time.perf_counter()
            size = lines = 0
            with httpx.stream(
                "GET",
                f"{stack.gateway_url}/api/v1/audit/export",
                params={"tenant": TENANT, "format": fmt},
                timeout=600,
            ) as response:
                response.raise_for_status()
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    lines += chunk.count(b"\n")
            seconds = time.perf_counter() - started
            sampler.done.set()
            sampler.join()
            print(
                f"{fmt:<6} {size / 2**20:8.1f} MiB, {lines} lines in {seconds:.1f}s; "
                + ", ".join(
                    f"{name} RSS {sampler.before[name]:.0f} -> peak {sampler.peak[name]:.0f} MiB"
                    for name in pids
                )
            )
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
