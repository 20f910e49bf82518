"""Wrong: moves an empty centroid onto the point farthest from its centroid, as
scikit-learn does, instead of leaving it where it is."""
# expect: wrong_answer


def kmeans(points, centroids, iterations):
    centroids = centroids.copy()
    for _ in range(iterations):
        dist = ((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)
        labels = dist.argmin(axis=1)
        farthest = points[dist.min(axis=1).argmax()]
        for k in range(len(centroids)):
            members = points[labels == k]
            centroids[k] = members.mean(axis=0) if len(members) else farthest
    return centroids, labels
