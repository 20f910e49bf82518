"""Wrong: keeps only the clusters that received points and renumbers them."""
# expect: wrong_answer
import numpy as np


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    for _ in range(iterations):
        labels = (((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)).argmin(axis=1)
        used, labels = np.unique(labels, return_inverse=True)
        centroids = np.array([points[labels == k].mean(axis=0) for k in range(len(used))])
    return centroids, labels
