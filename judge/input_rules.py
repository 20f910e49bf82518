"""Small checks for the input rules of a challenge's contract, for typed custom input.

A challenge's properties.py may define `check_input(<its parameters>)` returning a problem
(one sentence naming the argument) or None; these helpers say the common rules once. Each
returns None when the rule holds, so rules chain with `or`, the first problem winning.
"""
import numpy as np


def box(name: str, value) -> str | None:
    """One (x1, y1, x2, y2) box with x1 <= x2 and y1 <= y2."""
    if len(value) != 4:
        return f"{name} must have 4 numbers (x1, y1, x2, y2), not {len(value)}"
    if value[2] < value[0] or value[3] < value[1]:
        return f"{name} must have x1 <= x2 and y1 <= y2"
    return None


def boxes(name: str, array: np.ndarray) -> str | None:
    """An (N, 4) array of boxes, each with x1 <= x2 and y1 <= y2."""
    if array.ndim != 2 or array.shape[1] != 4:
        if array.size == 0:
            return f"{name} must have shape (N, 4); custom input needs at least one box"
        return f"{name} must have shape (N, 4), not {tuple(array.shape)}"
    reversed_rows = np.flatnonzero((array[:, 2] < array[:, 0]) | (array[:, 3] < array[:, 1]))
    if reversed_rows.size:
        return f"{name}[{reversed_rows[0]}] must have x1 <= x2 and y1 <= y2"
    return None


def one_per_box(name: str, array: np.ndarray, count: int, boxes_name: str = "boxes") -> str | None:
    """A 1-D array with one entry per box."""
    if array.ndim != 1 or array.shape[0] != count:
        return (f"{name} must have shape ({count},), one entry per row of {boxes_name}, not "
                f"{tuple(array.shape)}")
    return None


def between(name: str, value: float, low: float, high: float) -> str | None:
    if not low <= value <= high:
        return f"{name} must be between {low:g} and {high:g}"
    return None
