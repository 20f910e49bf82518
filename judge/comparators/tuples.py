"""`tuple`: a fixed number of items, each judged by its own comparator, e.g. `(y, mean, var)`."""
import numpy as np

from judge.comparators.show import describe


def build(items: list, names: list | None = None, params: tuple = (), build_item=None):
    comparators = [build_item(spec) for spec in items]
    labels = list(names) if names else [f"item {k}" for k in range(len(items))]

    def compare_tuple(expected, got, args=None) -> str | None:
        if isinstance(got, np.ndarray) and got.dtype == object:  # never produced by the wire
            got = list(got)
        if type(got) not in (list, tuple) or len(got) != len(comparators):
            return f"expected a tuple of {len(comparators)} items, got {describe(got)}"
        for label, compare, want, have in zip(labels, comparators, expected, got):
            message = compare(want, have, args)
            if message:
                return f"{label}: {message}"
        return None

    return compare_tuple
