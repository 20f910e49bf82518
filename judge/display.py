"""Turn inputs and answers into JSON-safe data a person (or the web page) can read.

Everything a submission returns is bounded here before it is stored or shown: strings are
cut at MAX_TEXT characters with a visible "… (N more characters)", arrays above MAX_ITEMS
values and lists that would exceed the whole value's budget of MAX_TOTAL leaves are
summarised (dtype or type, shape, first values), and nesting stops at MAX_DEPTH. So a 25 MB
answer is stored as a few hundred bytes, however it is shaped.
"""
import math

import numpy as np

MAX_ITEMS = 400  # values in one array or list shown in full
MAX_TOTAL = 2000  # leaves in one displayed value
MAX_TEXT = 200  # characters of one string
MAX_MESSAGE = 2000  # characters of a verdict's or a property's message
MAX_DEPTH = 8
HEAD = 8  # values shown at the start of a summary


def to_display(value):
    """Plain, bounded JSON data: small arrays become nested lists, large ones a summary."""
    return _Display().show(value, 0)


def cut_text(text: str, limit: int = MAX_TEXT) -> str:
    """`text`, or its start and a marker saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"


class _Display:
    def __init__(self):
        self.budget = MAX_TOTAL

    def show(self, value, depth: int):
        if isinstance(value, np.ndarray):
            if value.size > min(MAX_ITEMS, self.budget) or value.ndim > MAX_DEPTH - depth:
                return self.summary(f"{value.dtype} array of shape {tuple(value.shape)}",
                                    list(value.shape), value.reshape(-1)[:HEAD].tolist(), depth)
            return self.show(value.tolist(), depth)
        if isinstance(value, np.generic):
            return self.show(value.item(), depth)
        if isinstance(value, (list, tuple)):
            if depth >= MAX_DEPTH or len(value) > MAX_ITEMS or _leaves(value) > self.budget:
                return self.summary(f"{type(value).__name__} of length {len(value)}",
                                    [len(value)], list(value[:HEAD]), depth)
            return [self.show(v, depth + 1) for v in value]
        if isinstance(value, dict):
            return {cut_text(str(k), 40): self.show(v, depth + 1) for k, v in value.items()}
        self.budget -= _cost(value)
        if isinstance(value, float) and not math.isfinite(value):
            return repr(value)  # "nan", "inf": JSON has no literal for them
        if isinstance(value, str):
            return cut_text(value, MAX_TEXT if self.budget > 0 else 20)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** 40:
            return _big_int(value)
        return value

    def summary(self, text: str, shape: list, head: list, depth: int) -> dict:
        self.budget -= HEAD
        shown = [_scalar(v) for v in head]
        return {"summary": text, "shape": shape, "head": shown}


def _leaves(value, limit: int = MAX_TOTAL + 1) -> int:
    """Leaves in a nested list, counting up to `limit` (so huge values stop early)."""
    count, stack = 0, [value]
    while stack and count < limit:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, np.ndarray):
            count += item.size
        else:
            count += _cost(item)
    return count


def _cost(leaf) -> int:
    """A leaf's share of the budget: 1, and more for long strings (16 characters each)."""
    return 1 + min(len(leaf), MAX_TEXT) // 16 if isinstance(leaf, str) else 1


def _scalar(value):
    """One value of a summary's head, itself bounded (a list there becomes its length)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (list, tuple, np.ndarray)):
        return f"{type(value).__name__} of length {len(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, str):
        return cut_text(value, 40)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** 40:
        return _big_int(value)
    return value if isinstance(value, (int, float, bool, type(None))) else type(value).__name__


def _big_int(value: int) -> str:
    """An integer too long for JSON readers (and for str() past 4,300 digits), described."""
    return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
