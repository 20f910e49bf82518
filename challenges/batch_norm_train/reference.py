"""Reference training-mode batch norm: the variance in two passes (mean first, then the mean
of squared deviations), which stays accurate when a channel's mean dwarfs its spread."""
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    count = x.shape[0] * x.shape[2] * x.shape[3]
    axes = (0, 2, 3)
    mean = x.mean(axis=axes)
    centred = x - mean[None, :, None, None]
    var = (centred * centred).mean(axis=axes)  # biased: divided by count
    scale = np.asarray(gamma, dtype=np.float64) / np.sqrt(var + eps)
    y = centred * scale[None, :, None, None] + np.asarray(beta)[None, :, None, None]
    new_mean = (1 - momentum) * np.asarray(running_mean) + momentum * mean
    new_var = (1 - momentum) * np.asarray(running_var) + momentum * var * count / (count - 1)
    return y, new_mean, new_var
