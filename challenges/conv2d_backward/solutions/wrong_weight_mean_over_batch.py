"""Wrong: averages grad_weight over the batch instead of summing it."""
# expect: wrong_answer
import numpy as np


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    p, s = padding, stride
    kh, kw = weight.shape[2:]
    oh, ow = grad_output.shape[2:]
    h, w = x.shape[2:]
    padded = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    grad_padded = np.zeros_like(padded)
    grad_weight = np.zeros_like(weight)
    for a in range(kh):
        for b in range(kw):
            view = (slice(None), slice(None), slice(a, a + s * oh, s), slice(b, b + s * ow, s))
            grad_weight[:, :, a, b] = np.einsum("nkij,ncij->kc", grad_output, padded[view])
            grad_padded[view] += np.einsum("nkij,kc->ncij", grad_output, weight[:, :, a, b])
    return grad_padded[:, :, p:p + h, p:p + w], grad_weight / x.shape[0]
