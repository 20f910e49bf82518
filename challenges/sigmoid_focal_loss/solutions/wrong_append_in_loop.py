"""Wrong (too slow): collects the element losses with np.append, which copies the whole
array every time, O(n^2) for n elements."""
# expect: time_limit_exceeded
import math

import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    losses = np.array([])
    for x, t in zip(logits.ravel().tolist(), targets.ravel().tolist()):
        ce = max(x, 0.0) - x * t + math.log1p(math.exp(-abs(x)))
        z = -x if t == 1.0 else x
        miss = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        loss = ce * miss ** gamma
        if alpha >= 0:
            loss *= alpha if t == 1.0 else 1.0 - alpha
        losses = np.append(losses, loss)
    return float(losses.mean())
