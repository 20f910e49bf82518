"""Wrong: takes grad_x as the full correlation of grad_output with the kernel as it is,
forgetting that the backward pass of a correlation flips the kernel."""
# expect: wrong_answer
import numpy as np


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    n, c, h, w = x.shape
    k, _, kh, kw = weight.shape
    oh, ow = grad_output.shape[2:]
    p, s = padding, stride
    dilated = np.zeros((n, k, (oh - 1) * s + 1, (ow - 1) * s + 1))
    dilated[:, :, ::s, ::s] = grad_output
    extra_h = h + 2 * p - kh - (oh - 1) * s
    extra_w = w + 2 * p - kw - (ow - 1) * s
    full = np.pad(dilated, ((0, 0), (0, 0), (kh - 1, kh - 1 + extra_h), (kw - 1, kw - 1 + extra_w)))
    grad_padded = np.zeros((n, c, h + 2 * p, w + 2 * p))
    for a in range(kh):
        for b in range(kw):
            window = full[:, :, a:a + h + 2 * p, b:b + w + 2 * p]
            grad_padded += np.einsum("nkhw,kc->nchw", window, weight[:, :, a, b])
    padded = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    grad_weight = np.zeros_like(weight)
    for a in range(kh):
        for b in range(kw):
            grad_weight[:, :, a, b] = np.einsum(
                "nkij,ncij->kc", grad_output, padded[:, :, a:a + s * oh:s, b:b + s * ow:s])
    return grad_padded[:, :, p:p + h, p:p + w], grad_weight
