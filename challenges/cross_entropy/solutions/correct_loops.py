"""Correct: plain Python per row, with math.exp and math.log after subtracting the row max."""
import math


def cross_entropy(logits, targets, label_smoothing=0.0):
    rows = logits.tolist()
    classes = len(rows[0])
    total = 0.0
    for row, target in zip(rows, targets.tolist()):
        top = max(row)
        log_norm = top + math.log(sum(math.exp(z - top) for z in row))
        mean_logit = sum(row) / classes
        # -sum_k q_k (z_k - log_norm) with q = (1 - e) onehot + e / K
        total += log_norm - (1 - label_smoothing) * row[target] - label_smoothing * mean_logit
    return total / len(rows)
