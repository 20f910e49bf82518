"""Reference convolution gradients: for each kernel tap (a, b), the strided view of the
padded input that the tap touches pairs with grad_output, once for the weight gradient and
once, scattered back, for the input gradient; the padding is cut off at the end."""
import numpy as np


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    weight = np.asarray(weight, dtype=np.float64)
    grad_output = np.asarray(grad_output, dtype=np.float64)
    n, c, height, width = x.shape
    _, _, k_height, k_width = weight.shape
    out_height, out_width = grad_output.shape[2:]
    p, s = padding, stride
    padded = np.zeros((n, c, height + 2 * p, width + 2 * p))
    padded[:, :, p:p + height, p:p + width] = x
    grad_padded = np.zeros_like(padded)
    grad_weight = np.zeros_like(weight)
    for a in range(k_height):
        rows = slice(a, a + (out_height - 1) * s + 1, s)
        for b in range(k_width):
            cols = slice(b, b + (out_width - 1) * s + 1, s)
            grad_weight[:, :, a, b] = np.einsum("nkij,ncij->kc", grad_output,
                                                padded[:, :, rows, cols])
            grad_padded[:, :, rows, cols] += np.einsum("nkij,kc->ncij", grad_output,
                                                       weight[:, :, a, b])
    return grad_padded[:, :, p:p + height, p:p + width], grad_weight
