"""Correct: plain Python per channel (mean, then the mean squared deviation, then y)."""
import math

import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n_batch, channels, height, width = x.shape
    per_channel = x.transpose(1, 0, 2, 3).reshape(channels, -1).tolist()
    count = n_batch * height * width
    outputs, new_mean, new_var = [], [], []
    for c, values in enumerate(per_channel):
        mean = sum(values) / count
        var = sum((v - mean) ** 2 for v in values) / count
        scale = gamma[c] / math.sqrt(var + eps)
        shift = beta[c]
        outputs.append([(v - mean) * scale + shift for v in values])
        new_mean.append((1 - momentum) * running_mean[c] + momentum * mean)
        new_var.append((1 - momentum) * running_var[c] + momentum * var * count / (count - 1))
    y = np.array(outputs).reshape(channels, n_batch, height, width).transpose(1, 0, 2, 3)
    return y, new_mean, new_var
