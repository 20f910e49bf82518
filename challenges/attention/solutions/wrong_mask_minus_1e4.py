"""Wrong: masks by adding -10000 to the score (an old BERT habit), which does not remove a
key whose score is thousands above the allowed ones."""
# expect: wrong_answer
import numpy as np


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores + np.where(mask, 0.0, -10000.0)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return (weights / weights.sum(axis=-1, keepdims=True)) @ v
