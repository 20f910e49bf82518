"""Wrong: keeps the log finite by clipping p to [1e-7, 1 - 1e-7], which caps every
cross-entropy near 16 although a logit of 100 on the wrong side costs 100."""
# expect: wrong_answer
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    p = np.clip(1.0 / (1.0 + np.exp(-np.clip(logits, -500, 500))), 1e-7, 1 - 1e-7)
    ce = -(targets * np.log(p) + (1 - targets) * np.log(1 - p))
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss *= alpha * targets + (1 - alpha) * (1 - targets)
    return float(loss.mean())
