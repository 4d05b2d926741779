"""Syslog forwarding (RFC 5424, octet counting) into a real rsyslog from Debian, and an
rsyslog outage that delays delivery through the JetStream-backed forwarder but loses
nothing. TLS framing is checked against a local TLS listener."""

from __future__ import annotations

import asyncio
import json
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kubechat import nats as kc_nats
from kubechat.events import AUDIT_STREAM, AUDIT_SUBJECT_ROOT, AuditEvent
from kubechat_audit.forward import SyslogForwarder, run_forwarder
from kubechat_audit.forward.syslog import format_message
from kubechat_devstack.processes import ManagedProcess, free_port, tcp_open
from kubechat_devstack.stack import Ports, Stack

RSYSLOGD = shutil.which("rsyslogd") or shutil.which("rsyslogd", path="/usr/sbin")
needs_rsyslog = pytest.mark.skipif(
    RSYSLOGD is None, reason="rsyslogd missing: run scripts/install-audit-deps.sh"
)

# One line per message: the fields rsyslog parsed out of the RFC 5424 frame.
CONFIG = """
global(workDirectory="{dir}")
module(load="imtcp")
template(name="kc" type="string"
         string="%pri%|%app-name%|%msgid%|%structured-data%|%msg%\\n")
ruleset(name="kc") {{ action(type="omfile" file="{dir}/received.log" template="kc") }}
input(type="imtcp" port="{port}" address="127.0.0.1" ruleset="kc")
"""


class Rsyslog:
    def __init__(self, base: Path) -> None:
        self.dir = base
        self.port = free_port()
        self.config = base / "rsyslog.conf"
        self.config.write_text(CONFIG.format(dir=base, port=self.port))
        self.process: ManagedProcess | None = None

    def start(self) -> None:
        assert RSYSLOGD is not None
        argv = [RSYSLOGD, "-n", "-f", str(self.config), "-i", str(self.dir / "rsyslogd.pid")]
        self.process = ManagedProcess(
            name="rsyslog", argv=argv, log_path=self.dir / "rsyslogd.out", ready=tcp_open(self.port)
        )
        self.process.start()
        self.process.wait_ready(20)

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None

    def received(self) -> list[tuple[str, str, str, str, dict[str, object]]]:
        path = self.dir / "received.log"
        if not path.exists():
            return []
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            pri, app, msgid, structured, message = line.split("|", 4)
            lines.append((pri, app, msgid, structured, json.loads(message.lstrip("\ufeff"))))
        return lines


@pytest.fixture
def rsyslog(tmp_path: Path) -> Iterator[Rsyslog]:
    server = Rsyslog(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def make_events(count: int, tenant: str = "acme") -> list[AuditEvent]:
    return [
        AuditEvent.model_validate(
            {"kind": "execute", "tenant": tenant, "user": f"u{i}", "text": f'say "hi" ] {i}'}
        )
        for i in range(count)
    ]


def test_rfc5424_message_shape() -> None:
    (event,) = make_events(1)
    message = format_message(event, "host-1", "kubechat-audit").decode()
    header, _, body = message.partition("\ufeff")
    assert header.startswith("<110>1 ")  # facility 13 (log audit) * 8 + informational
    assert " host-1 kubechat-audit - execute [kubechat@32473 " in header
    assert "text" not in header and '\\"' not in header  # free text stays in the body
    assert json.loads(body)["event_id"] == event.event_id


@needs_rsyslog
async def test_syslog_delivers_to_rsyslog(rsyslog: Rsyslog) -> None:
    sent = make_events(50)
    forwarder = SyslogForwarder("127.0.0.1", rsyslog.port)
    await forwarder.send(sent[:25])
    await forwarder.send(sent[25:])
    await forwarder.close()
    deadline = time.monotonic() + 10
    while len(rsyslog.received()) < 50 and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    received = rsyslog.received()
    assert [r[4]["event_id"] for r in received] == [e.event_id for e in sent]
    pri, app, msgid, structured, body = received[0]
    assert (pri, app, msgid) == ("110", "kubechat-audit", "execute")
    assert f'event_id="{sent[0].event_id}"' in structured and 'tenant="acme"' in structured
    assert body["text"] == 'say "hi" ] 0'


@needs_rsyslog
async def test_rsyslog_outage_delays_but_loses_nothing(tmp_path: Path, rsyslog: Rsyslog) -> None:
    stack = Stack(base_dir=tmp_path / "mesh", ports=Ports.free())
    stack.start_nats()
    stop = asyncio.Event()
    # The forwarder reads as the audit service; events come from a producer, as in a stack.
    tls = stack.nats_tls()
    client = await kc_nats.connect(
        stack.nats_url_as("audit"), name="forwarder", timeout=10, tls=tls
    )
    producer = await kc_nats.connect(
        stack.nats_url_as("executor"), name="producer", timeout=10, tls=tls
    )
    try:
        js = client.jetstream()
        producer_js = producer.jetstream()
        await kc_nats.ensure_stream(js, AUDIT_STREAM, [f"{AUDIT_SUBJECT_ROOT}.>"])
        forwarder = SyslogForwarder("127.0.0.1", rsyslog.port, timeout=2)
        task = asyncio.create_task(
            run_forwarder(js, forwarder, stop, batch=100, flush=client.flush)
        )
        before, during = make_events(200), make_events(300, tenant="later")

        async def publish(events: list[AuditEvent]) -> None:
            for event in events:
                await kc_nats.publish(
                    producer_js, event.subject(), event.to_bytes(), msg_id=event.event_id
                )

        async def wait_for(count: int, timeout: float) -> int:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if len({r[4]["event_id"] for r in rsyslog.received()}) >= count:
                    break
                await asyncio.sleep(0.2)
            return len({r[4]["event_id"] for r in rsyslog.received()})

        await publish(before)
        assert await wait_for(200, 20) == 200

        rsyslog.stop()  # the outage: events keep coming, the receiver is gone
        await publish(during)
        await asyncio.sleep(3)  # the forwarder fails, backs off, keeps everything
        assert len({r[4]["event_id"] for r in rsyslog.received()}) == 200

        await asyncio.to_thread(rsyslog.start)  # back on the same port
        assert await wait_for(500, 60) == 500
        received = [r[4]["event_id"] for r in rsyslog.received()]
        assert set(received) == {e.event_id for e in before + during}
        stop.set()
        await asyncio.wait_for(task, 15)
    finally:
        stop.set()
        await producer.drain()
        await client.drain()
        stack.stop()


async def test_syslog_over_tls_uses_octet_counting(tmp_path: Path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    frames: list[bytes] = []

    async def receive(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                length = int((await reader.readuntil(b" "))[:-1])
                frames.append(await reader.readexactly(length))
        except asyncio.IncompleteReadError:
            writer.close()

    server = await asyncio.start_server(receive, "127.0.0.1", 0, ssl=server_tls)
    port = server.sockets[0].getsockname()[1]
    sent = make_events(3)
    forwarder = SyslogForwarder("127.0.0.1", port, tls=ssl.create_default_context(cafile=str(cert)))
    await forwarder.send(sent)
    await forwarder.close()
    deadline = time.monotonic() + 5
    while len(frames) < 3 and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    server.close()
    assert [json.loads(f.split(b"\xef\xbb\xbf", 1)[1])["event_id"] for f in frames] == [
        e.event_id for e in sent
    ]
