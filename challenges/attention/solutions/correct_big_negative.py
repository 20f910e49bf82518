"""Correct: masked scores replaced by -1e30 (far below any allowed score, so their exp() is
exactly 0), scores scaled through q first, normalisation after the product with v."""
import numpy as np


def attention(q, k, v, mask=None):
    scores = (q * q.shape[-1] ** -0.5) @ np.swapaxes(k, -2, -1)
    if mask is not None:
        scores = scores.copy()
        scores[..., ~mask] = -1e30
    weights = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    return (weights @ v) / weights.sum(axis=-1)[..., None]
