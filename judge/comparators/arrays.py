"""`array` (floats within tolerance) and `int_array` (exact whole numbers) of one shape.

A list or a numpy array is accepted wherever an array is expected, and `[]` for an expected
array whose first dimension is 0. `atol_scale` names an argument whose largest magnitude
(at least 1) multiplies atol, for outputs whose rounding grows with the input's values.
"""
import numpy as np

from judge.comparators.numbers import ABS_TOL, REL_TOL
from judge.comparators.show import describe, show


def as_array(got):
    """A float64 array from a decoded answer, or None when it is not rectangular numbers."""
    if type(got) is bool or isinstance(got, (str, dict)) or got is None:
        return None
    try:
        array = np.asarray(got, dtype=np.float64)
    except Exception:  # ragged lists, strings inside, objects with odd conversions
        return None
    return array


def shape_message(expected: np.ndarray, got, array) -> str | None:
    """None when the shapes agree (or `[]` stands for an empty expected array)."""
    if array is None:
        return f"expected an array of shape {tuple(expected.shape)}, got {describe(got)}"
    if array.shape == expected.shape:
        return None
    if expected.ndim and expected.shape[0] == 0 and array.size == 0 and array.ndim == 1:
        return None
    return f"expected shape {tuple(expected.shape)}, got shape {tuple(array.shape)}"


def first_bad(bad: np.ndarray, expected, array, what: str = "values") -> str:
    where = tuple(int(i) for i in np.argwhere(bad)[0])
    at = where if len(where) != 1 else where[0]
    return (f"{int(bad.sum())} of {bad.size} {what} differ; first at index {at}: "
            f"expected {show(expected[where].item())}, got {show(array[where].item())}")


def build(rtol: float = REL_TOL, atol: float = ABS_TOL, atol_scale: str | None = None,
          params: tuple = ()):
    scale_index = params.index(atol_scale) if atol_scale else None

    def compare_array(expected, got, args=None) -> str | None:
        expected = np.asarray(expected, dtype=np.float64)
        array = as_array(got)
        wrong = shape_message(expected, got, array)
        if wrong or array.size == 0:
            return wrong
        tolerance = atol
        if scale_index is not None and args is not None:
            source = np.asarray(args[scale_index], dtype=np.float64)
            tolerance *= max(1.0, float(np.max(np.abs(source))) if source.size else 1.0)
        with np.errstate(invalid="ignore", over="ignore"):
            bad = ~(np.abs(array - expected) <= tolerance + rtol * np.abs(expected))
        # An infinite expected value makes rtol * |expected| infinite: it must be met exactly.
        bad = np.where(np.isfinite(expected), bad, array != expected)
        return first_bad(bad, expected, array) if bad.any() else None

    return compare_array


def build_int_array(params: tuple = ()):
    def compare_int_array(expected, got, args=None) -> str | None:
        expected = np.asarray(expected)
        array = as_array(got)
        wrong = shape_message(expected, got, array)
        if wrong or array.size == 0:
            return wrong
        if not np.isfinite(array).all() or (array != np.round(array)).any():
            index = tuple(int(i) for i in np.argwhere(
                ~np.isfinite(array) | (array != np.round(array)))[0])
            return (f"expected whole numbers, got {show(array[index].item())} at index "
                    f"{index if len(index) != 1 else index[0]}")
        bad = array != expected.astype(np.float64)
        return first_bad(bad, expected, array) if bad.any() else None

    return compare_int_array
