"""Correct: im2col as index arrays; grad_weight is one matrix product, grad_x a
scatter-add (np.add.at) of the column gradients back to the padded image."""
import numpy as np


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    n, c, h, w = x.shape
    k, _, kh, kw = weight.shape
    oh, ow = grad_output.shape[2:]
    p, s = padding, stride
    padded = np.zeros((n, c, h + 2 * p, w + 2 * p))
    padded[:, :, p:p + h, p:p + w] = x
    rows = (np.arange(oh) * s)[:, None, None, None] + np.arange(kh)[None, None, :, None]
    cols = (np.arange(ow) * s)[None, :, None, None] + np.arange(kw)[None, None, None, :]
    patches = padded[:, :, rows, cols]  # (n, c, oh, ow, kh, kw)
    columns = patches.transpose(0, 2, 3, 1, 4, 5).reshape(n * oh * ow, c * kh * kw)
    grads = grad_output.transpose(0, 2, 3, 1).reshape(n * oh * ow, k)
    grad_weight = (grads.T @ columns).reshape(k, c, kh, kw)
    grad_columns = (grads @ weight.reshape(k, -1)).reshape(n, oh, ow, c, kh, kw)
    grad_padded = np.zeros_like(padded)
    np.add.at(grad_padded, (slice(None), slice(None), rows, cols),
              grad_columns.transpose(0, 3, 1, 2, 4, 5))
    return grad_padded[:, :, p:p + h, p:p + w], grad_weight
