"""Wrong: gives alpha to the negatives and 1 - alpha to the positives."""
# expect: wrong_answer
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    ce = np.maximum(logits, 0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))
    p = 1.0 / (1.0 + np.exp(-np.clip(logits, -500, 500)))
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss *= (1 - alpha) * targets + alpha * (1 - targets)
    return float(loss.mean())
