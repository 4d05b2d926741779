"""The `main()` every service shares: parse the command line, load settings, set up
logging and tracing, then run the service's coroutine."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from pydantic import ValidationError

from kubechat.config import ServiceSettings
from kubechat.logging import setup_logging
from kubechat.telemetry import setup_telemetry

S = TypeVar("S", bound=ServiceSettings)


def settings_help(settings_cls: type[ServiceSettings]) -> str:
    lines = ["settings (environment variables):"]
    for name, field in settings_cls.model_fields.items():
        if name == "secret_fields":
            continue
        default = field.default if field.default is not None else ""
        lines.append(f"  KUBECHAT_{name.upper():<28} default: {default!s}")
    return "\n".join(lines)


def build_parser(
    service: str, description: str, settings_cls: type[ServiceSettings]
) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog=f"kubechat-{service}",
        description=description,
        epilog=settings_help(settings_cls),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def load_settings(settings_cls: type[S]) -> S:
    try:
        return settings_cls()
    except ValidationError as exc:
        # A whole-model check (several settings together) has no field to name; its
        # message names the settings itself.
        problems = "; ".join(
            f"KUBECHAT_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}"
            if e["loc"]
            else str(e["msg"]).removeprefix("Value error, ")
            for e in exc.errors()
        )
        raise SystemExit(f"invalid settings: {problems}") from None


def run_service(
    service: str,
    settings: S,
    serve: Callable[[S], Coroutine[Any, Any, None]],
) -> int:
    setup_logging(service, settings.log_level, settings.log_format)
    setup_telemetry(service, settings.otel_exporter)
    asyncio.run(serve(settings))
    return 0
