"""Values in Python's own terms for comparator messages: `1.0`, `None`, `[3, 1]`, never
`np.float64(1.0)`; long lists and big arrays are cut so a message stays one short line."""
import math

import numpy as np

MAX_ITEMS = 8
MAX_TEXT = 80


def show(value, limit: int = MAX_TEXT) -> str:
    """A short Python-literal rendering of any decoded answer or reference value."""
    text = _show(value, 0)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _show(value, depth: int) -> str:
    if isinstance(value, np.ndarray):
        if value.size > MAX_ITEMS * MAX_ITEMS or value.ndim > 2:
            return f"an array of shape {tuple(int(n) for n in value.shape)}"
        return _show(value.tolist(), depth)
    if isinstance(value, np.generic):
        return _show(value.item(), depth)
    if type(value) is bool or value is None:
        return repr(value)
    if type(value) is int:
        if abs(value) < 10 ** 30:
            return str(value)
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    if type(value) is float:
        return repr(value) if math.isfinite(value) else f"float({str(value)!r})"
    if type(value) is str:
        return repr(value[:MAX_TEXT])
    if type(value) in (list, tuple):
        if depth > 3:
            return "[…]" if type(value) is list else "(…)"
        items = [_show(v, depth + 1) for v in value[:MAX_ITEMS]]
        if len(value) > MAX_ITEMS:
            items.append(f"… {len(value) - MAX_ITEMS} more")
        inner = ", ".join(items)
        if type(value) is tuple:
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"[{inner}]"
    return f"a {type(value).__name__}"


def describe(value) -> str:
    """What kind of thing an answer is, for "expected X, got <describe>" messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {tuple(int(n) for n in value.shape)} and dtype {value.dtype}"
    if type(value) in (list, tuple):
        return f"a {type(value).__name__} of length {len(value)}"
    return show(value)
