"""Wrong: computes in float32 (a framework's default), which loses the loss's digits when the
logits are in the thousands."""
# expect: wrong_answer
import numpy as np


def cross_entropy(logits, targets, label_smoothing=0.0):
    z = logits.astype(np.float32)
    n, k = z.shape
    shifted = z - z.max(axis=1, keepdims=True)
    log_norm = z.max(axis=1) + np.log(np.exp(shifted).sum(axis=1))
    nll = log_norm - z[np.arange(n), targets]
    uniform = log_norm - z.mean(axis=1)
    e = np.float32(label_smoothing)
    return float(np.mean((1 - e) * nll + e * uniform))
