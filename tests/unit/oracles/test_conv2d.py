"""The conv2d reference against scipy.signal.correlate2d (valid mode on the zero-padded
image, then every stride-th output) on 600 random cases."""
import numpy as np
import pytest
from scipy.signal import correlate2d

from tests.unit.oracles.loader import reference


@pytest.mark.parametrize("seed", range(3))
def test_reference_agrees_with_scipy(seed):
    conv2d = reference("conv2d")
    rng = np.random.default_rng(seed)
    for _ in range(200):
        h, w = rng.integers(1, 12, size=2)
        padding, stride = int(rng.integers(0, 3)), int(rng.integers(1, 4))
        kh = int(rng.integers(1, h + 2 * padding + 1))
        kw = int(rng.integers(1, w + 2 * padding + 1))
        image, kernel = rng.normal(size=(h, w)), rng.normal(size=(kh, kw))
        padded = np.pad(image, padding)
        expected = correlate2d(padded, kernel, mode="valid")[::stride, ::stride]
        np.testing.assert_allclose(conv2d(image, kernel, stride, padding), expected,
                                   rtol=1e-10, atol=1e-12)
