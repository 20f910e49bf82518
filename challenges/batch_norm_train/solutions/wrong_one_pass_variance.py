"""Wrong: the variance as E[x^2] - E[x]^2, which cancels catastrophically for channels
near +-1000 with a small spread."""
# expect: wrong_answer
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = x.size // x.shape[1]
    mean = x.mean(axis=(0, 2, 3))
    var = (x * x).mean(axis=(0, 2, 3)) - mean * mean
    s = (1, -1, 1, 1)
    y = gamma.reshape(s) * (x - mean.reshape(s)) / np.sqrt(var.reshape(s) + eps) + beta.reshape(s)
    return (y, (1 - momentum) * running_mean + momentum * mean,
            (1 - momentum) * running_var + momentum * var * n / (n - 1))
