"""Generate the Python stubs (+ .pyi) from proto/ into libs/kubechat/src/kubechat/v1/.

`python scripts/gen_protos.py --check` regenerates into a temporary folder and fails when
the committed stubs differ: CI uses it to catch drift between protos and stubs.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from importlib import resources
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "proto"
PACKAGE_DIR = Path("kubechat") / "v1"
OUTPUT_ROOT = ROOT / "libs" / "kubechat" / "src"


def generate(output_root: Path) -> None:
    protos = sorted(
        str(p.relative_to(PROTO_ROOT)) for p in (PROTO_ROOT / PACKAGE_DIR).glob("*.proto")
    )
    include = str(resources.files("grpc_tools") / "_proto")
    target = output_root / PACKAGE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*_pb2*"):
        stale.unlink()
    args = [
        "protoc",
        f"-I{PROTO_ROOT}",
        f"-I{include}",
        f"--python_out={output_root}",
        f"--grpc_python_out={output_root}",
        f"--mypy_out={output_root}",
        f"--mypy_grpc_out={output_root}",
        *protos,
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    (target / "__init__.py").write_text(
        '"""Generated from proto/kubechat/v1. Never edit by hand."""\n'
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail when committed stubs drift")
    args = parser.parse_args()
    if not args.check:
        generate(OUTPUT_ROOT)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        fresh, committed = Path(tmp) / PACKAGE_DIR, OUTPUT_ROOT / PACKAGE_DIR
        names = {p.name for p in fresh.iterdir()} | {
            p.name for p in committed.glob("*") if p.is_file()
        }
        drift = [
            n
            for n in sorted(names)
            if not (fresh / n).exists()
            or not (committed / n).exists()
            or not filecmp.cmp(fresh / n, committed / n, shallow=False)
        ]
        if drift:
            print("generated stubs drift from proto/: " + ", ".join(drift), file=sys.stderr)
            print("run: make protos", file=sys.stderr)
            return 1
    print("stubs match proto/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
