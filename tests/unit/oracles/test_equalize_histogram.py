"""equalize_histogram's reference agrees with OpenCV's equalizeHist wherever they can agree.

OpenCV multiplies by a float32 scale 255 / (n - h_min) and rounds halves to even, while the
contract rounds exact halves up: at a level whose exact value 255 (c - h_min) / (n - h_min)
is k + 0.5 they may differ, so there the reference must give k + 1 and OpenCV k or k + 1.
Levels within 1e-4 of a half (float32's error, not the rounding rule, would decide them) are
not compared; all others must match exactly.
"""
import cv2
import numpy as np
import pytest

from judge.catalogue import load_catalogue

CASES = 600


@pytest.fixture(scope="module")
def reference():
    return load_catalogue()["equalize_histogram"].reference


def _image(rng, case):
    height, width = (int(n) for n in rng.integers(1, 30, size=2))
    if case % 3 == 0:  # few levels: many pixels per level, halves are common
        levels = rng.choice(256, size=int(rng.integers(1, 5)), replace=False)
        return rng.choice(levels, size=(height, width))
    low = int(rng.integers(0, 256))
    return rng.integers(low, int(rng.integers(low, 256)) + 1, size=(height, width))


def test_matches_opencv_equalize_hist(reference):
    rng = np.random.default_rng(14)
    compared = halves = 0
    for case in range(CASES):
        image = _image(rng, case).astype(np.int64)
        got = np.asarray(reference(image))
        expected = cv2.equalizeHist(image.astype(np.uint8))
        n = image.size
        cdf = np.bincount(image.ravel(), minlength=256).cumsum()
        h_min = int(cdf[image.min()])
        if h_min == n:
            assert (got == image).all() and (expected == image).all(), case
            continue
        # The exact value is num / den; twice its fractional part, in units of 1 / den:
        num, den = 255 * (cdf[image] - h_min), n - h_min
        whole, twice_fraction = num // den, 2 * (num % den)
        half = twice_fraction == den
        clear = np.abs(twice_fraction - den) > den / 5000  # more than 1e-4 from a half
        assert (got[half] == whole[half] + 1).all(), case
        assert np.isin(expected[half] - whole[half], (0, 1)).all(), case
        assert (got[clear] == expected[clear]).all(), case
        compared += int(clear.sum())
        halves += int(half.sum())
    assert compared > 50000 and halves > 500
