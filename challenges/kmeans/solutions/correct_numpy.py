"""Correct: broadcast distances and a boolean mask per cluster; empty clusters skipped."""
import numpy as np


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    for _ in range(iterations):
        diff = points[:, None, :] - centroids[None, :, :]
        labels = np.argmin(np.einsum("nkd,nkd->nk", diff, diff), axis=1)
        for k in range(len(centroids)):
            members = points[labels == k]
            if len(members):
                centroids[k] = members.mean(axis=0)
    return centroids, labels
