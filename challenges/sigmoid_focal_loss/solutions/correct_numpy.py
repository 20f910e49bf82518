"""Correct: numpy with np.logaddexp for the cross-entropy and for log(1 - p_t)."""
import numpy as np


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    signed = np.where(targets == 1, logits, -logits)  # the logit of the true class
    ce = np.logaddexp(0.0, -signed)  # -log sigmoid(signed)
    log_miss = -np.logaddexp(0.0, signed)  # log(1 - p_t) = log sigmoid(-signed)
    loss = ce * np.exp(gamma * log_miss)
    if alpha >= 0:
        loss = loss * np.where(targets == 1, alpha, 1 - alpha)
    return float(np.mean(loss))
