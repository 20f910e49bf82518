"""Wrong: exponentiates the raw logits, so exp(1e4) overflows and the loss becomes nan."""
# expect: wrong_answer
import numpy as np


def cross_entropy(logits, targets, label_smoothing=0.0):
    n, k = logits.shape
    with np.errstate(all="ignore"):
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        q = np.full((n, k), label_smoothing / k)
        q[np.arange(n), targets] += 1 - label_smoothing
        return float(-(q * np.log(probs)).sum() / n)
