"""Reference sigmoid focal loss. The cross-entropy is written through log1p(exp(-|x|)),
and 1 - p_t through a sigmoid of the logit signed by the target, so neither ever takes the
log of, or subtracts, a probability that rounded to 0 or 1."""
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))  # never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    x = np.asarray(logits, dtype=np.float64)
    t = np.asarray(targets, dtype=np.float64)
    ce = np.maximum(x, 0.0) - x * t + np.log1p(np.exp(-np.abs(x)))
    miss = _sigmoid(np.where(t == 1.0, -x, x))  # 1 - p_t
    loss = ce * miss ** gamma
    if alpha >= 0:
        loss = loss * (alpha * t + (1 - alpha) * (1 - t))
    return float(loss.mean())
