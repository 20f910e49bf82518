"""Wrong: after the last move, labels the points again with the returned centroids."""
# expect: wrong_answer
import numpy as np


def _nearest(points, centroids):
    return (((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)).argmin(axis=1)


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    for _ in range(iterations):
        labels = _nearest(points, centroids)
        for k in np.unique(labels):
            centroids[k] = points[labels == k].mean(axis=0)
    return centroids, _nearest(points, centroids)
