"""Wrong: takes the statistics per sample over (C, H, W), as layer norm does."""
# expect: wrong_answer
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = x.size // x.shape[1]
    mean = x.mean(axis=(1, 2, 3), keepdims=True)
    var = x.var(axis=(1, 2, 3), keepdims=True)
    s = (1, -1, 1, 1)
    y = gamma.reshape(s) * (x - mean) / np.sqrt(var + eps) + beta.reshape(s)
    batch_mean, batch_var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
    return (y, (1 - momentum) * running_mean + momentum * batch_mean,
            (1 - momentum) * running_var + momentum * batch_var * n / (n - 1))
