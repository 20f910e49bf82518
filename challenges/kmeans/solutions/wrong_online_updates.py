"""Wrong: moves a centroid as soon as each point joins it (MacQueen's online k-means), so
later points of the same round see centroids that have already moved."""
# expect: wrong_answer
import numpy as np


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    labels = np.zeros(len(points), dtype=int)
    for _ in range(iterations):
        counts = np.zeros(len(centroids))
        for i, p in enumerate(points):
            k = int((((centroids - p) ** 2).sum(axis=1)).argmin())
            labels[i] = k
            counts[k] += 1
            centroids[k] += (p - centroids[k]) / counts[k]
    return centroids, labels
