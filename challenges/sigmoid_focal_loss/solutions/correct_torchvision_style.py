"""Correct: the torchvision formula, p_t = p t + (1 - p)(1 - t) with a plain sigmoid, and
the cross-entropy as max(x, 0) - x t + log(1 + exp(-|x|))."""
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    with np.errstate(over="ignore"):
        p = 1.0 / (1.0 + np.exp(-logits))
    ce = np.maximum(logits, 0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return float(loss.mean())
