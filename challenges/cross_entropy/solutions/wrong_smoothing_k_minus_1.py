"""Wrong: the other smoothing convention, 1 - e on the target and e / (K - 1) on each other
class (and plain cross-entropy when K = 1)."""
# expect: wrong_answer
import numpy as np


def cross_entropy(logits, targets, label_smoothing=0.0):
    n, k = logits.shape
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    if k == 1:
        q = np.ones((n, 1))
    else:
        q = np.full((n, k), label_smoothing / (k - 1))
        q[np.arange(n), targets] = 1 - label_smoothing
    return float(-(q * log_p).sum() / n)
