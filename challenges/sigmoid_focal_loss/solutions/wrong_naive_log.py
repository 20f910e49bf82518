"""Wrong: the cross-entropy as -(t log p + (1 - t) log(1 - p)), which is inf once
sigmoid(x) rounds to 1 (or 0) for a wrong-side logit."""
# expect: wrong_answer
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    with np.errstate(all="ignore"):
        p = 1.0 / (1.0 + np.exp(-logits))
        ce = -np.where(targets == 1, np.log(p), np.log(1 - p))
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss *= alpha * targets + (1 - alpha) * (1 - targets)
    return float(loss.mean())
