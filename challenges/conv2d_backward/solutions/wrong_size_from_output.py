"""Wrong: rebuilds the input size from the output's, (o - 1) * s + k - 2p, which is short
by the rows and columns no window reaches, so grad_x has the wrong shape there."""
# expect: wrong_answer
import numpy as np


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    n, c = x.shape[:2]
    k, _, kh, kw = weight.shape
    oh, ow = grad_output.shape[2:]
    p, s = padding, stride
    h, w = (oh - 1) * s + kh - 2 * p, (ow - 1) * s + kw - 2 * p
    padded = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    grad_padded = np.zeros((n, c, h + 2 * p, w + 2 * p))
    grad_weight = np.zeros_like(weight)
    for a in range(kh):
        for b in range(kw):
            view = (slice(None), slice(None), slice(a, a + s * oh, s), slice(b, b + s * ow, s))
            grad_weight[:, :, a, b] = np.einsum("nkij,ncij->kc", grad_output, padded[view])
            grad_padded[view] += np.einsum("nkij,kc->ncij", grad_output, weight[:, :, a, b])
    return grad_padded[:, :, p:p + h, p:p + w], grad_weight
