"""A process-wide hook for progress reports, so the CLI can draw a bar for work done inside a
Dagster run (which executes in the CLI's own process) without the pipeline knowing about either."""

from __future__ import annotations

from typing import Callable

Listener = Callable[[str, int, int | None], None]  # (stage, advance, total or None)
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    """Register `listener`; returns the function that unregisters it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def report(stage: str, advance: int = 1, total: int | None = None) -> None:
    for listener in list(_listeners):
        listener(stage, advance, total)
