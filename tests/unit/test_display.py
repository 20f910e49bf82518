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


def test_a_huge_string_is_cut_with_a_marker():
    shown = to_display("x" * 25_000_000)
    assert shown.startswith("xxx") and shown.endswith("… (24999800 more characters)")
    assert len(json.dumps(shown)) < 400


def test_huge_answers_of_any_shape_stay_small():
    from judge.display import MAX_TOTAL

    for value in (list(range(50_000_000)), [[1.5] * 300] * 300, [["x" * 10_000] * 300] * 5,
                  np.zeros((2000, 2000)), [[[[[[[[[[1]]]]]]]]]], 10 ** 5000,
                  {"a": ["y" * 10 ** 6] * 100}):
        text = json.dumps(to_display(value), allow_nan=False)
        assert len(text) < 20 * MAX_TOTAL, (type(value), len(text))


def test_summaries_say_what_was_left_out():
    shown = to_display([[1.5] * 300] * 300)
    assert shown["summary"] == "list of length 300" and shown["shape"] == [300]
    assert shown["head"][0] == "list of length 300"
