import json

import numpy as np

from judge.display import MAX_ITEMS, to_display


def test_small_values_become_plain_json():
    value = {"boxes": np.array([[0.0, 0.0, 1.0, 1.0]]), "t": (1, 2), "x": np.float32(0.5)}
    shown = to_display(value)
    assert shown == {"boxes": [[0.0, 0.0, 1.0, 1.0]], "t": [1, 2], "x": 0.5}
    json.dumps(shown, allow_nan=False)


def test_large_arrays_are_summarised():
    shown = to_display(np.zeros((MAX_ITEMS, 4)))
    assert shown["shape"] == [MAX_ITEMS, 4] and "summary" in shown and len(shown["head"]) == 8


def test_non_finite_floats_are_spelled_out():
    assert to_display([float("nan"), float("inf")]) == ["nan", "inf"]
