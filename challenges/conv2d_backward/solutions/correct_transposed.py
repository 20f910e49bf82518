"""Correct: the textbook route. grad_x is a full correlation of the stride-dilated
grad_output with the flipped kernel, padded back to the input's size where the stride left
rows and columns uncovered; grad_weight correlates the padded input with the dilated
grad_output."""
import numpy as np


def _correlate(image, kernel):
    """Valid 2-D correlation of (N, C, H, W) with (C, kh, kw) summed over C -> (N, H', W')."""
    kh, kw = kernel.shape[1:]
    out_h, out_w = image.shape[2] - kh + 1, image.shape[3] - kw + 1
    out = np.zeros((image.shape[0], out_h, out_w))
    for a in range(kh):
        for b in range(kw):
            out += np.einsum("nchw,c->nhw", image[:, :, a:a + out_h, b:b + out_w],
                             kernel[:, a, b])
    return out


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    n, c, h, w = x.shape
    k, _, kh, kw = weight.shape
    oh, ow = grad_output.shape[2:]
    p, s = padding, stride
    # grad_output with s - 1 zeros between neighbours, then rows/columns the stride left out
    dilated = np.zeros((n, k, (oh - 1) * s + 1, (ow - 1) * s + 1))
    dilated[:, :, ::s, ::s] = grad_output
    extra_h = h + 2 * p - kh - (oh - 1) * s
    extra_w = w + 2 * p - kw - (ow - 1) * s
    full = np.pad(dilated, ((0, 0), (0, 0), (kh - 1, kh - 1 + extra_h), (kw - 1, kw - 1 + extra_w)))
    flipped = weight[:, :, ::-1, ::-1]
    grad_padded = np.stack([_correlate(full, flipped[:, ch]) for ch in range(c)], axis=1)
    padded = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    grad_weight = np.empty_like(weight)
    for kk in range(k):
        for ch in range(c):
            grad_weight[kk, ch] = _correlate(padded[:, ch:ch + 1].transpose(1, 0, 2, 3),
                                             dilated[:, kk])[0, :kh, :kw]
    return grad_padded[:, :, p:p + h, p:p + w], grad_weight
