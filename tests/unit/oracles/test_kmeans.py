"""The kmeans reference against scipy.cluster.vq.kmeans2 (minit="matrix"), which labels by
nearest centroid with ties to the lower index, keeps empty clusters in place and returns
the labels of its last labelling step, on 600 random runs that lloyd_is_clear accepts
(integer and dyadic coordinates, duplicate, far-away and surplus centroids)."""
import warnings

import numpy as np
import pytest
from scipy.cluster.vq import kmeans2

from judge.strategies.clusters import lloyd_is_clear
from tests.unit.oracles.loader import reference


def random_run(rng):
    n, d, k = int(rng.integers(1, 15)), int(rng.integers(1, 4)), int(rng.integers(1, 6))
    if rng.random() < 0.3:  # small integers: exact ties in the first labelling
        points = rng.integers(-5, 6, size=(n, d)).astype(np.float64)
        cents = rng.integers(-5, 6, size=(k, d)).astype(np.float64)
    else:
        centres = rng.integers(-3, 4, size=(3, d)) * 10
        points = centres[rng.integers(0, 3, size=n)] + rng.integers(-8, 9, size=(n, d)) / 4
        cents = points[rng.integers(0, n, size=k)] + rng.integers(-4, 5, size=(k, d)) / 4
    if rng.random() < 0.3:
        cents[0] += 1000.0  # never chosen
    if k > 1 and rng.random() < 0.3:
        cents[-1] = cents[0]  # an identical copy
    return points, cents, int(rng.integers(1, 8))


@pytest.mark.parametrize("seed", range(3))
def test_reference_agrees_with_scipy(seed):
    kmeans = reference("kmeans")
    rng = np.random.default_rng(seed)
    checked = 0
    while checked < 200:
        points, cents, iterations = random_run(rng)
        if not lloyd_is_clear(points, cents, iterations)[0]:
            continue
        before = cents.copy()
        got_centroids, got_labels = kmeans(points, cents, iterations)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # kmeans2 warns about each empty cluster
            want_centroids, want_labels = kmeans2(points, cents.copy(), iter=iterations,
                                                  minit="matrix", missing="warn")
        np.testing.assert_allclose(got_centroids, want_centroids, rtol=1e-12, atol=1e-12)
        np.testing.assert_array_equal(got_labels, want_labels)
        assert np.array_equal(cents, before), "the reference changed its input"
        checked += 1
