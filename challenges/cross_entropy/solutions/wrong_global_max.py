"""Wrong: subtracts the largest logit of the whole batch instead of each row's, so a row far
below it underflows entirely and log(0) appears."""
# expect: wrong_answer
import numpy as np


def cross_entropy(logits, targets, label_smoothing=0.0):
    n, k = logits.shape
    shifted = logits - logits.max()
    with np.errstate(divide="ignore", invalid="ignore"):
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        q = np.full((n, k), label_smoothing / k)
        q[np.arange(n), targets] += 1 - label_smoothing
        return float(-(q * log_p).sum() / n)
