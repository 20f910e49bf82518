"""Wrong (too slow): recomputes the mean of a point's whole cluster for every point, in
plain Python, O(N^2) work per round."""
# expect: time_limit_exceeded


def kmeans(points, centroids, iterations):
    pts = points.tolist()
    cents = centroids.tolist()
    labels = []
    for _ in range(iterations):
        labels = [min(range(len(cents)), key=lambda k: sum((a - b) ** 2 for a, b in zip(p, cents[k])))
                  for p in pts]
        moved = [list(c) for c in cents]
        for i, label in enumerate(labels):
            members = [pts[j] for j in range(len(pts)) if labels[j] == label]
            moved[label] = [sum(col) / len(members) for col in zip(*members)]
        cents = moved
    return cents, labels
