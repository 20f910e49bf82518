"""Parameter kinds: how a JSON value (examples.json, typed custom input) becomes the Python
value the challenge's function receives, checked with a message that names what is wrong.

Kinds: `number`, `int`, `float`, `bool`, `tuple` (of numbers), `tuple_list` (list of tuples
of numbers), `array` (float64), `int_array` (int64), `bool_array`, `int_or_pair` (an int or
a pair of ints, as kernel sizes are given), `any` (JSON as it is). A trailing `?` also
allows None (e.g. `bool_array?` for an optional mask).
"""
import math

import numpy as np

BASE_KINDS = ("number", "int", "float", "bool", "tuple", "tuple_list", "array", "int_array",
              "bool_array", "int_or_pair", "any")
ARRAY_DTYPES = {"array": np.float64, "int_array": np.int64, "bool_array": np.bool_}


def valid_kind(kind) -> bool:
    return isinstance(kind, str) and kind.removesuffix("?") in BASE_KINDS


def _number(value, what="a number"):
    if type(value) is bool or type(value) not in (int, float):
        raise ValueError(f"expected {what}, got {type(value).__name__} {str(value)[:40]}")
    if type(value) is float and not math.isfinite(value):
        raise ValueError(f"expected a finite number, got {value!r}")
    return value


def _int(value):
    if type(value) is float and value.is_integer():
        value = int(value)
    if type(value) is not int:
        raise ValueError(f"expected a whole number, got {str(value)[:40]}")
    return value


def convert(kind: str, value):
    """The Python value for `kind`; ValueError with a short reason when it does not fit."""
    if kind.endswith("?"):
        return None if value is None else convert(kind[:-1], value)
    if kind == "any":
        return value
    if kind == "number":
        return _number(value)
    if kind == "int":
        return _int(_number(value, "a whole number"))
    if kind == "float":
        return float(_number(value))
    if kind == "bool":
        if type(value) is not bool:
            raise ValueError(f"expected true or false, got {str(value)[:40]}")
        return value
    if kind == "tuple":
        if type(value) not in (list, tuple):
            raise ValueError(f"expected a list of numbers, got {type(value).__name__}")
        return tuple(_number(v) for v in value)
    if kind == "tuple_list":
        if type(value) not in (list, tuple):
            raise ValueError(f"expected a list of lists, got {type(value).__name__}")
        return [convert("tuple", item) for item in value]
    if kind == "int_or_pair":
        if type(value) in (list, tuple):
            if len(value) != 2:
                raise ValueError(f"expected an int or a pair of ints, got {len(value)} items")
            return tuple(_int(_number(v, "a whole number")) for v in value)
        return _int(_number(value, "a whole number"))
    if kind in ARRAY_DTYPES:
        return _array(kind, value)
    raise ValueError(f"unknown parameter kind {kind!r}")


def _array(kind: str, value):
    from judge import wire

    dtype = ARRAY_DTYPES[kind]
    if isinstance(value, dict):
        array = wire.decode(value)
    else:
        if type(value) not in (list, tuple):
            raise ValueError(f"expected a (nested) list of numbers, got {type(value).__name__}")
        try:
            array = np.asarray(value)
        except ValueError as exc:
            raise ValueError(f"expected a rectangular array: {exc}") from None
    if array.dtype == object or array.dtype.kind not in "biuf":
        raise ValueError("expected a rectangular array of numbers")
    if kind == "int_array" and array.size and not (np.isfinite(array).all()
                                                   and (array == np.round(array)).all()):
        raise ValueError("expected whole numbers in the array")
    if kind == "array" and array.size and np.isnan(array.astype(np.float64)).any():
        raise ValueError("expected numbers in the array, not NaN")
    return array.astype(dtype)
