"""resize_bilinear's reference agrees with OpenCV's INTER_LINEAR (half-pixel centres, border
pixels repeated, no antialiasing) on random sizes and values.

OpenCV interpolates float64 images in double precision, except a single-row or single-column
image, which it handles with float32 weights: those cases are compared to 1e-5 of the largest
pixel instead of the challenge's 1e-9.
"""
import cv2
import numpy as np
import pytest

from judge.catalogue import load_catalogue

CASES = 600


@pytest.fixture(scope="module")
def challenge():
    return load_catalogue()["resize_bilinear"]


def test_matches_opencv_inter_linear(challenge):
    rng = np.random.default_rng(11)
    thin = 0
    for case in range(CASES):
        height, width = (int(n) for n in rng.integers(1, 24, size=2))
        out_height, out_width = (int(n) for n in rng.integers(1, 40, size=2))
        image = rng.uniform(-1, 1, size=(height, width)) * 10.0 ** rng.integers(0, 7)
        expected = cv2.resize(image, (out_width, out_height),
                              interpolation=cv2.INTER_LINEAR).reshape(out_height, out_width)
        got = challenge.reference(image, out_height, out_width)
        if min(height, width) > 1:
            assert challenge.compare(expected, got, (image, out_height, out_width)) is None, case
            continue
        thin += 1
        tolerance = 1e-5 * max(1.0, float(np.abs(image).max())) + 1e-6 * np.abs(expected)
        assert got.shape == expected.shape and (np.abs(got - expected) <= tolerance).all(), case
    assert 0 < thin < CASES // 4  # most cases are checked to double precision
