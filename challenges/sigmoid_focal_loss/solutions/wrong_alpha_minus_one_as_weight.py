"""Wrong: applies alpha_t even for alpha = -1, giving positives weight -1 and negatives 2."""
# expect: wrong_answer
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    ce = np.maximum(logits, 0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))
    p = 1.0 / (1.0 + np.exp(-np.clip(logits, -500, 500)))
    p_t = p * targets + (1 - p) * (1 - targets)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return float(np.mean(alpha_t * ce * (1 - p_t) ** gamma))
