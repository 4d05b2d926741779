"""Start a slow server in the background as soon as pytest knows a test will need it.

A test run collects everything first, then runs the unit tests (minutes, on one core), then
the end-to-end tests that need Keycloak or the test bed cluster. Both take tens of seconds
to start, and nothing about them depends on the tests before: started in a thread when
collection finishes, they boot on the otherwise idle second core while the unit tests run,
and the session fixture that needs one only waits for whatever is left of its start.

The server is the same real one, started the same way; only *when* changes. A start that
fails raises in the fixture, as before. A server no fixture took (the run stopped before
the test that needed it) is stopped when the session ends.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import pytest

T = TypeVar("T")

_STARTS = pytest.StashKey[dict[str, "EarlyStart[Any]"]]()


@dataclass
class EarlyStart(Generic[T]):
    """One background start: `take()` waits for it and hands over the stopping."""

    future: Future[T]
    stop: Callable[[T], None]
    directory: Path
    remove_directory: bool
    taken: bool = field(default=False)

    def take(self) -> T:
        self.taken = True
        return self.future.result()

    def abandon(self) -> None:
        """At session end: stop what no fixture took (its fixture stopped the rest)."""
        if not self.taken:
            with contextlib.suppress(Exception):
                self.stop(self.future.result())
        if self.remove_directory:
            shutil.rmtree(self.directory, ignore_errors=True)


def needed(session: pytest.Session, fixture: str) -> bool:
    """Whether a test this session will run uses `fixture` (directly or through another)."""
    if session.config.option.collectonly:
        return False
    items: Iterable[pytest.Item] = session.items
    return any(fixture in getattr(item, "fixturenames", ()) for item in items)


def start_early(
    config: pytest.Config,
    name: str,
    start: Callable[[Path], T],
    stop: Callable[[T], None],
) -> None:
    """Run `start(directory)` in a background thread now; `take_early(config, name)` gets
    its result. `directory` is a fresh directory under the session's pytest temporary
    directory, where the fixture would have made it (pytest keeps the last few sessions'
    for reading logs after a failure)."""
    # The factory behind the `tmp_path_factory` fixture, which a hook cannot request; a
    # plain temporary directory (removed at the end) should pytest ever rename it.
    factory: pytest.TempPathFactory | None = getattr(config, "_tmp_path_factory", None)
    if factory is not None:
        directory, remove = factory.mktemp(name), False
    else:
        directory, remove = Path(tempfile.mkdtemp(prefix=f"kubechat-{name}-")), True
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"early-{name}")
    early = EarlyStart(pool.submit(start, directory), stop, directory, remove)
    pool.shutdown(wait=False)
    config.stash.setdefault(_STARTS, {})[name] = early
    config.add_cleanup(early.abandon)


def take_early(config: pytest.Config, name: str) -> EarlyStart[Any] | None:
    """The background start registered under `name`, or None when there is none."""
    return config.stash.get(_STARTS, {}).get(name)
