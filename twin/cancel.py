"""One way to ask "cancelled?" of whatever the caller hands in (a callable or a token with ``cancelled``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def cancel_fn(cancel: Any) -> Callable[[], bool]:
    """A function that tells whether ``cancel`` (None, a callable returning True, or an object with a
    ``cancelled`` attribute such as :class:`importers.base.CancelToken`) asks to stop."""
    if cancel is None:
        return lambda: False
    if hasattr(cancel, "cancelled"):
        return lambda: bool(cancel.cancelled)
    if callable(cancel):
        return lambda: bool(cancel())
    raise TypeError("cancel muss aufrufbar sein oder ein Attribut 'cancelled' haben")
