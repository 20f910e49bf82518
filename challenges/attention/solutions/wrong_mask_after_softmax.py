"""Wrong: a softmax over all keys, then the masked weights zeroed and the rest renormalised.
Exact on paper, but when a masked score dominates, every allowed weight underflows to 0 and
the renormalisation is 0 / 0."""
# expect: wrong_answer
import numpy as np


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * mask
        with np.errstate(invalid="ignore"):
            weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v
