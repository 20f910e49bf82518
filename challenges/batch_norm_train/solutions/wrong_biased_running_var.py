"""Wrong: puts the biased batch variance into the running average (no n / (n - 1))."""
# expect: wrong_answer
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean = x.mean(axis=(0, 2, 3))
    var = x.var(axis=(0, 2, 3))
    s = (1, -1, 1, 1)
    y = gamma.reshape(s) * (x - mean.reshape(s)) / np.sqrt(var.reshape(s) + eps) + beta.reshape(s)
    return (y, (1 - momentum) * running_mean + momentum * mean,
            (1 - momentum) * running_var + momentum * var)
