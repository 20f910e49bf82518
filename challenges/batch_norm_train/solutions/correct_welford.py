"""Correct: Welford's one-pass running mean and sum of squared deviations per channel."""
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    channels = x.shape[1]
    flat = np.moveaxis(x, 1, 0).reshape(channels, -1)
    means, variances = np.empty(channels), np.empty(channels)
    for c in range(channels):
        mean, squares, k = 0.0, 0.0, 0
        for value in flat[c].tolist():
            k += 1
            delta = value - mean
            mean += delta / k
            squares += delta * (value - mean)
        means[c], variances[c] = mean, squares / k
    count = flat.shape[1]
    shape = (1, channels, 1, 1)
    y = (x - means.reshape(shape)) / np.sqrt(variances.reshape(shape) + eps)
    y = y * gamma.reshape(shape) + beta.reshape(shape)
    return (y, (1 - momentum) * running_mean + momentum * means,
            (1 - momentum) * running_var + momentum * variances * count / (count - 1))
