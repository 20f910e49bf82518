"""Reference k-means: Lloyd's rounds with squared distances by broadcasting; np.argmin
takes the first of equal minima, which is the lower centroid index."""
import numpy as np


def kmeans(points, centroids, iterations):
    points = np.asarray(points, dtype=np.float64)
    centroids = np.array(centroids, dtype=np.float64)  # a copy: the input stays as it was
    labels = np.zeros(len(points), dtype=np.int64)
    for _ in range(iterations):
        distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        labels = distances.argmin(axis=1)
        for cluster in np.unique(labels):  # clusters without points keep their centroid
            centroids[cluster] = points[labels == cluster].mean(axis=0)
    return centroids, labels
