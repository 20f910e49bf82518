"""sobel_magnitude's reference agrees with scipy.ndimage.sobel (mode="reflect") along both
axes, combined with np.hypot, on random images including 1- and 2-pixel-wide ones."""
import numpy as np
import pytest
from scipy import ndimage

from judge.catalogue import load_catalogue

CASES = 600


@pytest.fixture(scope="module")
def reference():
    return load_catalogue()["sobel_magnitude"].reference


def test_matches_scipy_sobel(reference):
    rng = np.random.default_rng(13)
    for case in range(CASES):
        height, width = (int(n) for n in rng.integers(1, 20, size=2))
        image = rng.uniform(-1, 1, size=(height, width)) * 10.0 ** rng.integers(0, 7)
        gx = ndimage.sobel(image, axis=1, mode="reflect")
        gy = ndimage.sobel(image, axis=0, mode="reflect")
        expected = np.hypot(gx, gy)
        got = reference(image)
        tolerance = 1e-9 * max(1.0, np.abs(image).max()) + 1e-6 * np.abs(expected)
        assert got.shape == expected.shape, case
        assert (np.abs(got - expected) <= tolerance).all(), (case, image.shape)
