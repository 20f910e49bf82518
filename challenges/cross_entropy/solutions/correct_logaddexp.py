"""Correct: np.logaddexp.reduce for the normaliser and an explicit smoothed target matrix."""
import numpy as np


def cross_entropy(logits, targets, label_smoothing=0.0):
    n, k = logits.shape
    log_norm = np.logaddexp.reduce(logits, axis=1, keepdims=True)
    q = np.full((n, k), label_smoothing / k)
    q[np.arange(n), targets] += 1 - label_smoothing
    return float(np.sum(q * (log_norm - logits)) / n)
