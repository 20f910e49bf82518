"""Displayed values read as Python: None, True, 1.0, [3, 1], never null/true/np.float64."""
import numpy as np

from judge.display import to_display
from judge.literal import python_literal


def test_plain_values_are_python_literals():
    assert python_literal(None) == "None"
    assert python_literal([True, False, None]) == "[True, False, None]"
    assert python_literal(1.0) == "1.0" and python_literal([3, 1]) == "[3, 1]"
    assert python_literal("a") == "'a'" and python_literal((1,)) == "(1,)"
    assert python_literal({"k": [1, 2]}) == "{'k': [1, 2]}"


def test_numpy_values_arrive_as_plain_python():
    shown = to_display({"x": np.float64(1.0), "n": np.int64(3), "a": np.array([1.5, np.inf])})
    assert python_literal(shown) == "{'x': 1.0, 'n': 3, 'a': [1.5, inf]}"
    assert "np." not in python_literal(to_display(np.float64(5.0)))


def test_large_values_are_summarised_and_cut():
    big = python_literal(to_display(np.zeros((100, 100))))
    assert big.startswith("<float64 array of shape (100, 100), starting 0.0, 0.0")
    assert python_literal(list(range(2000)), limit=50).endswith("characters in all)")
