"""Wrong (too slow): recomputes the channel's mean and variance for every element it
normalises, O(n^2) work per channel."""
# expect: time_limit_exceeded
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n_batch, channels, height, width = x.shape
    n = n_batch * height * width
    y = np.empty_like(x)
    for b in range(n_batch):
        for c in range(channels):
            for i in range(height):
                for j in range(width):
                    values = x[:, c]
                    mean, var = values.mean(), values.var()
                    y[b, c, i, j] = gamma[c] * (x[b, c, i, j] - mean) / np.sqrt(var + eps) + beta[c]
    mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
    return (y, (1 - momentum) * running_mean + momentum * mean,
            (1 - momentum) * running_var + momentum * var * n / (n - 1))
