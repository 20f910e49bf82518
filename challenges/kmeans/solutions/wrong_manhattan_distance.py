"""Wrong: labels by Manhattan (L1) distance instead of squared Euclidean distance."""
# expect: wrong_answer
import numpy as np


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    for _ in range(iterations):
        labels = np.abs(points[:, None, :] - centroids[None]).sum(axis=2).argmin(axis=1)
        for k in np.unique(labels):
            centroids[k] = points[labels == k].mean(axis=0)
    return centroids, labels
