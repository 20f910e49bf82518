"""Wrong: normalises x in place to save memory, then takes the running statistics from the
overwritten array (its mean is now beta)."""
# expect: wrong_answer
import numpy as np


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = x.size // x.shape[1]
    s = (1, -1, 1, 1)
    mean = x.mean(axis=(0, 2, 3)).reshape(s)
    var = x.var(axis=(0, 2, 3)).reshape(s)
    x -= mean
    x /= np.sqrt(var + eps)
    x *= gamma.reshape(s)
    x += beta.reshape(s)
    batch_mean, batch_var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
    return (x, (1 - momentum) * running_mean + momentum * batch_mean,
            (1 - momentum) * running_var + momentum * batch_var * n / (n - 1))
