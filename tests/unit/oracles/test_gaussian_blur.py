"""gaussian_blur's reference agrees with scipy.ndimage.gaussian_filter (mode="reflect",
truncate=4, i.e. radius int(4 sigma + 0.5)), within the challenge's own tolerance, on random
images and sigmas, including sigmas whose 4 sigma + 0.5 is a whole number and kernels
wider than the image."""
import numpy as np
import pytest
from scipy import ndimage

from judge.catalogue import load_catalogue

CASES = 600


@pytest.fixture(scope="module")
def challenge():
    return load_catalogue()["gaussian_blur"]


def _sigma(rng, case):
    if case % 4 == 0:
        return (2 * int(rng.integers(1, 25)) - 1) / 8  # 4 sigma + 0.5 is a whole number
    return float(rng.uniform(0.05, 6.0))


def test_matches_scipy_gaussian_filter(challenge):
    rng = np.random.default_rng(12)
    wider = 0
    for case in range(CASES):
        height, width = (int(n) for n in rng.integers(1, 20, size=2))
        image = rng.uniform(-1, 1, size=(height, width)) * 10.0 ** rng.integers(0, 7)
        sigma = _sigma(rng, case)
        expected = ndimage.gaussian_filter(image, sigma, mode="reflect", truncate=4.0)
        got = challenge.reference(image, sigma)
        wider += int(4 * sigma + 0.5) > min(height, width)
        assert challenge.compare(expected, got, (image, sigma)) is None, (case, sigma)
    assert wider > CASES // 10  # reflections repeated past the image were compared too
