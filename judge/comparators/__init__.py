"""Comparators: does a submission's plain-data answer match the reference's?

A challenge picks one in challenge.toml with its parameters, like a DMOJ checker:

    [compare]
    kind = "array"          # float, array, int_array, indices, pairs, tuple or custom
    rtol = 1e-6
    atol = 1e-9

A comparator is called as `compare(expected, got, args)` with the reference's answer, the
submission's decoded answer (plain data or arrays, never pickles) and the positional
arguments, and returns None when the answer is acceptable, else one short message in
Python's terms saying what differs. `custom` uses the challenge folder's `compare.py`, which
defines a function of the same shape. Unknown kinds and parameters are refused by name.
"""
import importlib.util
import inspect
from pathlib import Path

from judge.comparators import arrays, indices, numbers, pairs, tuples


class ComparatorError(ValueError):
    """A [compare] table that names an unknown kind or parameter."""


BUILDERS = {
    "float": numbers.build,
    "array": arrays.build,
    "int_array": arrays.build_int_array,
    "indices": indices.build,
    "pairs": pairs.build,
    "tuple": tuples.build,
}
KINDS = tuple(BUILDERS) + ("custom",)


def build(spec: dict, params: tuple = (), folder: Path | None = None):
    """The comparator a [compare] table describes; `params` are the function's parameter names."""
    if not isinstance(spec, dict) or not isinstance(spec.get("kind"), str):
        raise ComparatorError("compare must be a table with a string `kind`")
    kind, options = spec["kind"], {k: v for k, v in spec.items() if k != "kind"}
    if kind == "custom":
        if options:
            raise ComparatorError(f"compare kind 'custom' takes no parameters, got "
                                  f"{sorted(options)[0]!r}")
        return _custom(folder)
    if kind not in BUILDERS:
        raise ComparatorError(f"unknown compare kind {kind!r} (known: {', '.join(KINDS)})")
    builder = BUILDERS[kind]
    allowed = set(inspect.signature(builder).parameters) - {"params", "build_item"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise ComparatorError(f"compare kind {kind!r} has no parameter {unknown[0]!r} "
                              f"(allowed: {', '.join(sorted(allowed)) or 'none'})")
    for key in ("rtol", "atol"):
        value = options.get(key, 0.0)
        if type(value) not in (int, float) or value < 0:
            raise ComparatorError(f"compare.{key} must be a number >= 0")
    if options.get("atol_scale") is not None and options["atol_scale"] not in params:
        raise ComparatorError(f"compare.atol_scale names {options['atol_scale']!r}, which is "
                              f"not a parameter ({', '.join(params)})")
    if kind == "tuple":
        items = options.get("items")
        if not isinstance(items, list) or not items:
            raise ComparatorError("compare kind 'tuple' needs a non-empty list `items`")
        names = options.get("names")
        if names is not None and (not isinstance(names, list) or len(names) != len(items)):
            raise ComparatorError("compare.names must list one name per item")
        return builder(items, names, params=params,
                       build_item=lambda item: build(item, params, folder))
    return builder(**options, params=params)


def _custom(folder: Path | None):
    path = Path(folder or ".") / "compare.py"
    if not path.is_file():
        raise ComparatorError(f"compare kind 'custom' needs {path}")
    spec = importlib.util.spec_from_file_location(f"cvjudge_compare_{path.parent.name}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise ComparatorError(f"{path}: failed to import: {type(exc).__name__}: {exc}") from exc
    compare = getattr(module, "compare", None)
    if not callable(compare) or list(inspect.signature(compare).parameters)[:3] != [
            "expected", "got", "args"]:
        raise ComparatorError(f"{path}: must define compare(expected, got, args)")
    return compare
