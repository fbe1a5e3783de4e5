"""Progress lines on stderr (stdout stays free for results)."""

from __future__ import annotations

import sys
import time

__all__ = ["log"]

_T0 = time.perf_counter()


def log(message: str) -> None:
    """Print ``[  12.3s] message`` to stderr, timed from the first import of this module."""
    print(f"[{time.perf_counter() - _T0:7.1f}s] {message}", file=sys.stderr, flush=True)
