"""Wrong: divides the summed loss by the number of positives, as RetinaNet's training code
normalises, instead of taking the mean over all elements."""
# expect: wrong_answer
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    ce = np.maximum(logits, 0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))
    p = 1.0 / (1.0 + np.exp(-np.clip(logits, -500, 500)))
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss *= alpha * targets + (1 - alpha) * (1 - targets)
    return float(loss.sum() / max(1.0, targets.sum()))
