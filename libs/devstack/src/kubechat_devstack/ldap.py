"""A private OpenLDAP directory (Debian slapd) for the LDAP federation tests and dev.

Never the package's own instance: a classic slapd.conf in `base_dir`, an mdb database
there, one port on 127.0.0.1, seeded with ldapadd. slapd runs in the foreground (`-d 0`)
so the supervisor owns its PID.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from kubechat_devstack.processes import ManagedProcess, ProcessError, tcp_open
from kubechat_devstack.stack import require_binary

SUFFIX = "dc=kubechat,dc=test"
ROOT_DN = f"cn=admin,{SUFFIX}"

_CONFIG = """\
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {base}/slapd.pid
database mdb
maxsize 104857600
suffix "{suffix}"
rootdn "{root_dn}"
rootpw {password}
directory {base}/data
index objectClass eq
index uid eq
"""


@dataclass
class Directory:
    base_dir: Path
    port: int
    root_password: str = "ldap-admin-password"
    process: ManagedProcess | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"ldap://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> float:
        slapd = require_binary("slapd", "slapd")
        (self.base_dir / "data").mkdir(parents=True, exist_ok=True)
        config = self.base_dir / "slapd.conf"
        config.write_text(
            _CONFIG.format(
                base=self.base_dir, suffix=SUFFIX, root_dn=ROOT_DN, password=self.root_password
            )
        )
        self.process = ManagedProcess(
            name="slapd",
            argv=[slapd, "-d", "0", "-h", f"{self.url}/", "-f", str(config)],
            log_path=self.base_dir / "slapd.log",
            ready=tcp_open(self.port),
        )
        self.process.start()
        return self.process.wait_ready(timeout)

    def add(self, ldif: str) -> None:
        ldapadd = require_binary("ldapadd", "ldap-utils")
        done = subprocess.run(  # noqa: S603 - fixed argv, LDIF on stdin
            [ldapadd, "-x", "-H", self.url, "-D", ROOT_DN, "-w", self.root_password],
            input=ldif,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise ProcessError(f"ldapadd failed: {done.stderr.strip()}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None
