"""Wrong (too slow): recomputes the row's normaliser for every class, O(N K^2) work."""
# expect: time_limit_exceeded
import math


def cross_entropy(logits, targets, label_smoothing=0.0):
    rows = logits.tolist()
    k = len(rows[0])
    total = 0.0
    for row, target in zip(rows, targets.tolist()):
        top = max(row)
        for c in range(k):
            log_p = row[c] - top - math.log(sum(math.exp(z - top) for z in row))
            weight = label_smoothing / k + (1 - label_smoothing) * (c == target)
            total -= weight * log_p
    return total / len(rows)
