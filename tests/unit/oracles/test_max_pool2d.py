"""max_pool2d's reference agrees exactly with torch.nn.functional.max_pool2d on the cases in
tests/fixtures/oracles/max_pool2d.json.gz (made by make_max_pool2d.py in that folder with
torch; CI has no torch), including ceil-mode windows that overrun or are dropped."""
import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from judge.catalogue import load_catalogue

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "oracles" / "max_pool2d.json.gz"


@pytest.fixture(scope="module")
def reference():
    return load_catalogue()["max_pool2d"].reference


def _arg(value):
    return tuple(value) if isinstance(value, list) else value


def _ceil_kinds(case):
    """Per axis, what ceil mode changes: nothing, an overrunning window, a dropped one."""
    x = np.asarray(case["x"])
    kinds = []
    for axis in (0, 1):
        pick = lambda v: v[axis] if isinstance(v, list) else v  # noqa: E731
        n, k, p = x.shape[1 + axis], pick(case["kernel_size"]), pick(case["padding"])
        s = k if case["stride"] is None else pick(case["stride"])
        span = n + 2 * p - k
        rounded_up = -(-span // s)
        kinds.append("dropped" if rounded_up * s >= n + p else
                     "overrun" if rounded_up > span // s else "even")
    return kinds


def test_matches_torch_max_pool2d(reference):
    with gzip.open(FIXTURE, "rt", encoding="utf-8") as handle:
        cases = json.load(handle)["cases"]
    assert len(cases) >= 500
    seen = {"dropped": 0, "overrun": 0}
    for index, case in enumerate(cases):
        x = np.array(case["x"], dtype=np.float64)
        got = reference(x, _arg(case["kernel_size"]), _arg(case["stride"]),
                        _arg(case["padding"]), case["ceil_mode"])
        expected = np.array(case["expected"], dtype=np.float64)
        assert got.shape == expected.shape, index
        assert np.array_equal(got, expected), index
        if case["ceil_mode"]:
            for kind in _ceil_kinds(case):
                seen[kind] = seen.get(kind, 0) + 1
    assert seen["dropped"] >= 50 and seen["overrun"] >= 100, seen
