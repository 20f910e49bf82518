"""Wrong: the Keras convention, momentum * running + (1 - momentum) * batch."""
# expect: wrong_answer
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = x.size // x.shape[1]
    mean = x.mean(axis=(0, 2, 3))
    var = x.var(axis=(0, 2, 3))
    s = (1, -1, 1, 1)
    y = gamma.reshape(s) * (x - mean.reshape(s)) / np.sqrt(var.reshape(s) + eps) + beta.reshape(s)
    return (y, momentum * running_mean + (1 - momentum) * mean,
            momentum * running_var + (1 - momentum) * var * n / (n - 1))
