"""Correct: |p|^2 - 2 p.c + |c|^2 through a matrix product, and the update by np.add.at
and np.bincount; stops early once the labels no longer change (nothing would move)."""
import numpy as np


def kmeans(points, centroids, iterations):
    centroids = np.array(centroids, dtype=float)
    k = len(centroids)
    squares = (points ** 2).sum(axis=1)[:, None]
    previous = None
    for _ in range(iterations):
        dist = squares - 2 * points @ centroids.T + (centroids ** 2).sum(axis=1)[None, :]
        labels = dist.argmin(axis=1)
        if previous is not None and np.array_equal(labels, previous):
            break
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, points)
        counts = np.bincount(labels, minlength=k)
        filled = counts > 0
        centroids[filled] = sums[filled] / counts[filled][:, None]
        previous = labels
    return centroids, labels
