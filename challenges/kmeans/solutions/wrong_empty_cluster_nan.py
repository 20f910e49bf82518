"""Wrong: takes the mean of every cluster, so an empty one becomes nan."""
# expect: wrong_answer
import warnings

import numpy as np


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    for _ in range(iterations):
        labels = (((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)).argmin(axis=1)
        with warnings.catch_warnings():  # "mean of empty slice"
            warnings.simplefilter("ignore")
            centroids = np.array([points[labels == k].mean(axis=0)
                                  for k in range(len(centroids))])
    return centroids, labels
