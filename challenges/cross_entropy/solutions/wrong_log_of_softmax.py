"""Wrong: a stable softmax, but then log() of it: a probability that underflowed to 0 gives
-inf, so a target far below the row maximum has an infinite loss."""
# expect: wrong_answer
import numpy as np


def cross_entropy(logits, targets, label_smoothing=0.0):
    n, k = logits.shape
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_p = np.log(probs)
    loss = -(1 - label_smoothing) * log_p[np.arange(n), targets]
    loss -= label_smoothing * log_p.mean(axis=1)
    return float(loss.mean())
