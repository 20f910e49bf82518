"""The decode_boxes reference against torchvision's BoxCoder.decode_single, on the 600 cases
of a committed fixture (tests/fixtures/oracles/make_decode_boxes.py made it; CI has no torch).
"""
import gzip
import json
from pathlib import Path

import numpy as np

from judge.catalogue import CHALLENGES_DIR, load_challenge

FIXTURE = Path(__file__).parents[2] / "fixtures" / "oracles" / "decode_boxes.json.gz"
reference = load_challenge(CHALLENGES_DIR / "decode_boxes").reference


def cases():
    with gzip.open(FIXTURE, "rt") as handle:
        return json.load(handle)["cases"]


def test_reference_matches_torchvision_on_600_cases():
    found = cases()
    assert len(found) >= 500
    rows = clamped = 0
    for case in found:
        anchors = np.array(case["anchors"], dtype=np.float64).reshape(-1, 4)
        deltas = np.array(case["deltas"], dtype=np.float64).reshape(-1, 4)
        want = np.array(case["expected"], dtype=np.float64).reshape(-1, 4)
        got = reference(anchors, deltas, tuple(case["weights"]))
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)
        rows += len(anchors)
        clamped += int((deltas[:, 2:] / np.array(case["weights"][2:]) > np.log(62.5)).sum())
    assert rows > 1500 and clamped > 100  # many rows, and many of them clamped
