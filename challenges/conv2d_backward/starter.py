import numpy as np


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    """Gradients of L = sum(y * grad_output) for y = conv2d(x, weight, stride, padding).

    The forward pass is the cross-correlation of x (N, C, H, W) with weight (K, C, kh, kw)
    over the zero-padded input, without bias; grad_output has y's shape (N, K, oh, ow).
    Returns (grad_x, grad_weight) with the shapes of x and of weight.
    """
    # Replace this placeholder with your implementation.
    return np.zeros_like(x), np.zeros_like(weight)
