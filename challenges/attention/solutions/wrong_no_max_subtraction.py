"""Wrong: exponentiates the raw scores, which overflows (inf / inf = nan) for large ones."""
# expect: wrong_answer
import numpy as np


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    with np.errstate(all="ignore"):
        weights = np.exp(scores)
        if mask is not None:
            weights = weights * mask
        return (weights / weights.sum(axis=-1, keepdims=True)) @ v
