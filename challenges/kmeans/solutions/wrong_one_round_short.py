"""Wrong: runs iterations - 1 full rounds, then only labels (an off-by-one in the loop)."""
# expect: wrong_answer
import numpy as np


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    labels = (((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)).argmin(axis=1)
    for _ in range(iterations - 1):
        for k in np.unique(labels):
            centroids[k] = points[labels == k].mean(axis=0)
        labels = (((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)).argmin(axis=1)
    return centroids, labels
