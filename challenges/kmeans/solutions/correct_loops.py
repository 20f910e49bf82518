"""Correct: plain Python lists; a strict < keeps the lower index on ties."""


def kmeans(points, centroids, iterations):
    pts = points.tolist()
    cents = centroids.tolist()
    dims = len(pts[0])
    labels = []
    for _ in range(iterations):
        labels = []
        for p in pts:
            best, best_d = 0, None
            for index, c in enumerate(cents):
                dist = sum((a - b) ** 2 for a, b in zip(p, c))
                if best_d is None or dist < best_d:
                    best, best_d = index, dist
            labels.append(best)
        sums = [[0.0] * dims for _ in cents]
        counts = [0] * len(cents)
        for p, label in zip(pts, labels):
            counts[label] += 1
            row = sums[label]
            for j in range(dims):
                row[j] += p[j]
        for index, count in enumerate(counts):
            if count:
                cents[index] = [s / count for s in sums[index]]
    return cents, labels
