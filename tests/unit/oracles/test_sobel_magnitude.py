"""sobel_magnitude's reference agrees with scipy.ndimage.sobel (mode="reflect") along both
axes, combined with np.hypot, within the challenge's own tolerance, on random images
including 1- and 2-pixel-wide ones."""
import numpy as np
import pytest
from scipy import ndimage

from judge.catalogue import load_catalogue

CASES = 600


@pytest.fixture(scope="module")
def challenge():
    return load_catalogue()["sobel_magnitude"]


def test_matches_scipy_sobel(challenge):
    rng = np.random.default_rng(13)
    for case in range(CASES):
        height, width = (int(n) for n in rng.integers(1, 20, size=2))
        image = rng.uniform(-1, 1, size=(height, width)) * 10.0 ** rng.integers(0, 7)
        gx = ndimage.sobel(image, axis=1, mode="reflect")
        gy = ndimage.sobel(image, axis=0, mode="reflect")
        got = challenge.reference(image)
        assert challenge.compare(np.hypot(gx, gy), got, (image,)) is None, (case, image.shape)
