"""Keycloak as a local process: the distribution from the cache, the realm from the repo.

`scripts/install-keycloak.sh` fetches the server once per version and runs `kc.sh build`
once, so a start here is `kc.sh start --optimized` (no Quarkus re-augmentation: the slow
part on 2 cores). Each instance gets its own home directory under `base_dir`: `bin/` is
copied (kc.sh derives the home from its own real path), the read-only parts are symlinked,
and `data/` (the H2 database, the realm import) is private, so a test session never sees
a developer's users and two instances never share a database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kubechat_devstack.processes import ManagedProcess, ProcessError, cache_dir, http_ok

KEYCLOAK_VERSION = "26.7.3"
REPO_ROOT = Path(__file__).resolve().parents[4]
REALM_FILE = REPO_ROOT / "deploy" / "keycloak" / "kubechat-realm.json"
INSTALL_SCRIPT = REPO_ROOT / "scripts" / "install-keycloak.sh"
# Must match BUILD_OPTIONS in scripts/install-keycloak.sh: a start with other build-time
# options would silently re-augment (tens of seconds) or fail with --optimized.
BUILD_OPTIONS = ("--health-enabled=true", "--db=dev-file")
DEV_ADMIN = ("admin", "admin")


def keycloak_home(version: str = KEYCLOAK_VERSION, *, install: bool = True) -> Path:
    """The built distribution in the cache; runs the install script when it is missing."""
    home = cache_dir() / f"keycloak-{version}"
    if (home / ".kubechat-built").exists():
        return home
    if not install:
        raise ProcessError(f"Keycloak {version} is not installed; run bash {INSTALL_SCRIPT}")
    env = dict(os.environ, KEYCLOAK_VERSION=version)
    done = subprocess.run(  # noqa: S603 - our own script
        ["bash", str(INSTALL_SCRIPT)], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise ProcessError(f"install-keycloak.sh failed:\n{done.stderr[-2000:]}")
    return home


def java_home() -> str:
    """Temurin 25: Keycloak 26.7 supports Java 25; the system Java 17 is deprecated for it."""
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    candidates = sorted(Path("/usr/lib/jvm").glob("temurin-25*"))
    if not candidates:
        raise ProcessError("Temurin 25 JDK not found under /usr/lib/jvm; set JAVA_HOME")
    return str(candidates[0])


@dataclass
class Keycloak:
    """One Keycloak server on 127.0.0.1 with the realm files imported at first start."""

    base_dir: Path
    http_port: int
    management_port: int
    realm_files: Sequence[Path] = (REALM_FILE,)
    admin: tuple[str, str] = DEV_ADMIN
    version: str = KEYCLOAK_VERSION
    process: ManagedProcess | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        # 127.0.0.1 everywhere: the token's `iss` is derived from the URL the client used.
        return f"http://127.0.0.1:{self.http_port}"

    def issuer(self, realm: str = "kubechat") -> str:
        return f"{self.url}/realms/{realm}"

    @property
    def home(self) -> Path:
        return self.base_dir / "keycloak"

    def _prepare_home(self) -> None:
        dist = keycloak_home(self.version)
        self.home.mkdir(parents=True, exist_ok=True)
        if not (self.home / "bin").exists():
            shutil.copytree(dist / "bin", self.home / "bin", symlinks=True)
        for part in ("lib", "conf", "providers", "themes", "version.txt"):
            link = self.home / part
            if not link.exists():
                link.symlink_to(dist / part)
        imports = self.home / "data" / "import"
        imports.mkdir(parents=True, exist_ok=True)
        for realm_file in self.realm_files:
            shutil.copyfile(realm_file, imports / realm_file.name)

    def start(self, timeout: float = 240.0) -> float:
        """Start and wait until the management health endpoint says ready; seconds taken."""
        self._prepare_home()
        argv = [
            str(self.home / "bin" / "kc.sh"),
            "start",
            "--optimized",
            "--http-enabled=true",
            "--http-host=127.0.0.1",
            f"--http-port={self.http_port}",
            f"--http-management-port={self.management_port}",
            "--hostname-strict=false",
            "--cache=local",
            "--import-realm",
        ]
        env = {
            "JAVA_HOME": java_home(),
            "KC_BOOTSTRAP_ADMIN_USERNAME": self.admin[0],
            "KC_BOOTSTRAP_ADMIN_PASSWORD": self.admin[1],
            "JAVA_OPTS_KC_HEAP": "-Xms64m -Xmx768m",
        }
        self.process = ManagedProcess(
            name="keycloak",
            argv=argv,
            log_path=self.base_dir / "logs" / "keycloak.log",
            ready=http_ok(f"http://127.0.0.1:{self.management_port}/health/ready"),
            env=env,
        )
        started = time.monotonic()
        self.process.start()
        self.process.wait_ready(timeout)
        # Ready means the server is up; the realm import finished before that, but the
        # realm's discovery document is what clients need, so wait on it too.
        discovery = http_ok(f"{self.issuer()}/.well-known/openid-configuration")
        while not discovery():
            if time.monotonic() - started > timeout:
                raise ProcessError(f"realm not served after {timeout:.0f}s; see the log")
            time.sleep(0.1)
        return time.monotonic() - started

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop(timeout=20)
            self.process = None


def oidc_env(keycloak: Keycloak, realm: str = "kubechat") -> dict[str, str]:
    """Service settings that point identity at `keycloak` and make the gateway demand
    tokens: merge into `Stack.extra_env` to run the mesh with real sign-in."""
    return {"KUBECHAT_OIDC_ISSUER": keycloak.issuer(realm), "KUBECHAT_AUTH_MODE": "oidc"}
