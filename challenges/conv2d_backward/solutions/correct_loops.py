"""Correct: plain Python loops over every output value and kernel tap, on nested lists."""
import numpy as np


def conv2d_backward(x, weight, grad_output, stride=1, padding=0):
    n_batch, channels, height, width = x.shape
    kernels, _, kh, kw = weight.shape
    oh, ow = grad_output.shape[2:]
    p, s = padding, stride
    xs, ws, gs = x.tolist(), weight.tolist(), grad_output.tolist()
    gx = [[[[0.0] * width for _ in range(height)] for _ in range(channels)]
          for _ in range(n_batch)]
    gw = [[[[0.0] * kw for _ in range(kh)] for _ in range(channels)] for _ in range(kernels)]
    for n in range(n_batch):
        for k in range(kernels):
            for i in range(oh):
                for j in range(ow):
                    g = gs[n][k][i][j]
                    for c in range(channels):
                        image, grad_image = xs[n][c], gx[n][c]
                        kernel, grad_kernel = ws[k][c], gw[k][c]
                        for a in range(kh):
                            r = i * s + a - p
                            if not 0 <= r < height:
                                continue  # a padding row: no pixel, nothing to add
                            row, grad_row = image[r], grad_image[r]
                            k_row, gk_row = kernel[a], grad_kernel[a]
                            for b in range(kw):
                                q = j * s + b - p
                                if 0 <= q < width:
                                    gk_row[b] += g * row[q]
                                    grad_row[q] += g * k_row[b]
    return np.array(gx), np.array(gw)
