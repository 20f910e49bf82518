"""Wrong: updates the best centroid with <=, so a tie goes to the higher index."""
# expect: wrong_answer
import numpy as np


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    labels = np.zeros(len(points), dtype=int)
    for _ in range(iterations):
        dist = ((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)
        for i, row in enumerate(dist):
            best = 0
            for k in range(len(row)):
                if row[k] <= row[best]:
                    best = k
            labels[i] = best
        for k in np.unique(labels):
            centroids[k] = points[labels == k].mean(axis=0)
    return centroids, labels
