"""Wrong: normalises the weights over the queries (axis -2) instead of over the keys."""
# expect: wrong_answer
import numpy as np


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-2, keepdims=True))
    with np.errstate(invalid="ignore"):
        return (weights / weights.sum(axis=-2, keepdims=True)) @ v
