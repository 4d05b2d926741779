"""Where the test bed's Go binaries live, and building them when they are missing.

The binaries are built by `testbed/build.sh` into a cache outside the repo, one directory per
component version (`k8s-v1.37.2/`, `etcd-v3.6.16/`, `kwok-v0.8.0/`). The versions below must match
the defaults in that script; override both with the same environment variables.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kubechat_devstack.processes import cache_dir

K8S_VERSION = os.environ.get("K8S_VERSION", "1.37.2")
ETCD_VERSION = os.environ.get("ETCD_VERSION", "3.6.16")
KWOK_VERSION = os.environ.get("KWOK_VERSION", "0.8.0")


class BinariesMissing(RuntimeError):
    """The cache has no build of some component and building was not allowed or failed."""


def repo_root() -> Path:
    """The KubeChat checkout this package runs from (it is installed editable)."""
    env = os.environ.get("KUBECHAT_REPO")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[4]


@dataclass(frozen=True)
class Binaries:
    etcd: Path
    kube_apiserver: Path
    kube_controller_manager: Path
    kube_scheduler: Path
    kubectl: Path
    kwok: Path
    # The upstream kwok stage files, concatenated by build.sh.
    kwok_stages: Path

    def missing(self) -> list[Path]:
        return [p for p in vars(self).values() if not p.exists()]


def binaries(cache: Path | None = None) -> Binaries:
    root = cache or cache_dir()
    k8s = root / f"k8s-v{K8S_VERSION}"
    kwok = root / f"kwok-v{KWOK_VERSION}"
    return Binaries(
        etcd=root / f"etcd-v{ETCD_VERSION}" / "etcd",
        kube_apiserver=k8s / "kube-apiserver",
        kube_controller_manager=k8s / "kube-controller-manager",
        kube_scheduler=k8s / "kube-scheduler",
        kubectl=k8s / "kubectl",
        kwok=kwok / "kwok",
        kwok_stages=kwok / "stages.yaml",
    )


def ensure_binaries(*, build: bool = True) -> Binaries:
    """Return the cached binaries, running testbed/build.sh first if any is missing."""
    found = binaries()
    if not found.missing():
        return found
    script = repo_root() / "testbed" / "build.sh"
    if not build or not script.exists():
        missing = ", ".join(str(p) for p in found.missing())
        raise BinariesMissing(f"missing test bed binaries ({missing}); run: bash testbed/build.sh")
    # A cold build takes 15-30 minutes; its output goes straight to the caller's terminal.
    subprocess.run(["bash", str(script)], check=True)  # noqa: S603, S607 - our own script
    found = binaries()
    if found.missing():
        raise BinariesMissing(f"build.sh finished but {found.missing()} still missing")
    return found
