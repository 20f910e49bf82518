"""Wrong (too slow): gradient checking as the solution. Every input value and every weight
is nudged by +-1 and the loss recomputed with a full forward pass, so the work is the
forward pass's times the number of values (exact here, since the loss is linear)."""
# expect: time_limit_exceeded
import numpy as np


def _loss(x, weight, grad_output, stride, padding):
    kh, kw = weight.shape[2:]
    oh, ow = grad_output.shape[2:]
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    total = 0.0
    for a in range(kh):
        for b in range(kw):
            window = padded[:, :, a:a + stride * oh:stride, b:b + stride * ow:stride]
            total += np.einsum("ncij,kc,nkij->", window, weight[:, :, a, b], grad_output)
    return total


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    grads = []
    for target in (x, weight):
        grad = np.zeros_like(target)
        for index in np.ndindex(target.shape):
            keep = target[index]
            target[index] = keep + 1.0
            up = _loss(x, weight, grad_output, stride, padding)
            target[index] = keep - 1.0
            down = _loss(x, weight, grad_output, stride, padding)
            target[index] = keep
            grad[index] = (up - down) / 2.0
        grads.append(grad)
    return grads[0], grads[1]
