"""Correct: plain Python over the flattened arrays with math, branching on the sign of the
logit so exp() never overflows and no probability is subtracted from 1."""
import math


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    total = 0.0
    xs, ts = logits.ravel().tolist(), targets.ravel().tolist()
    for x, t in zip(xs, ts):
        z = -x if t == 1.0 else x  # the logit of the wrong class
        if z >= 0:
            miss = 1.0 / (1.0 + math.exp(-z))
        else:
            e = math.exp(z)
            miss = e / (1.0 + e)
        ce = max(z, 0.0) + math.log1p(math.exp(-abs(z)))  # -log(1 - miss) = softplus(z)
        loss = ce * miss ** gamma
        if alpha >= 0:
            loss *= alpha if t == 1.0 else 1.0 - alpha
        total += loss
    return total / len(xs)
