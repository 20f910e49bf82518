"""Wrong: computes (1 - p_t)^gamma as exp(gamma * log(1 - p_t)), which is nan when
1 - p_t rounds to 0 and gamma = 0 (0 * -inf)."""
# expect: wrong_answer
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    ce = np.maximum(logits, 0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))
    p = 1.0 / (1.0 + np.exp(-np.clip(logits, -500, 500)))
    p_t = p * targets + (1 - p) * (1 - targets)
    with np.errstate(divide="ignore", invalid="ignore"):
        loss = ce * np.exp(gamma * np.log(1 - p_t))
    if alpha >= 0:
        loss *= alpha * targets + (1 - alpha) * (1 - targets)
    return float(loss.mean())
