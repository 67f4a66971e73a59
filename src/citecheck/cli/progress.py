"""A progress bar for long link checks: on standard error, only when it is a terminal and
``--quiet`` is not given (never in pipes, CI logs or the test runner)."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO

ProgressCallback = Callable[[int, int], None]


def progress_wanted(quiet: bool, stream: TextIO | None = None) -> bool:
    stream = stream if stream is not None else sys.stderr
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def link_progress(enabled: bool, label: str = "checking links", stream: TextIO | None = None
                  ) -> Iterator[ProgressCallback | None]:
    """Yields ``update(done, total)`` for the runner, or None when no bar is wanted."""
    if not enabled:
        yield None
        return
    from rich.console import Console  # imported for a bar on a terminal only: rich is slow to import
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=stream if stream is not None else sys.stderr, force_terminal=True)
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
