"""Plain Python, one row at a time, on floats from tolist()."""
import math

CLIP = math.log(1000.0 / 16)


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    wx, wy, ww, wh = weights
    out = []
    for (x1, y1, x2, y2), (dx, dy, dw, dh) in zip(anchors.tolist(), deltas.tolist()):
        w, h = x2 - x1, y2 - y1
        cx, cy = x1 + 0.5 * w, y1 + 0.5 * h
        px = dx / wx * w + cx
        py = dy / wy * h + cy
        pw = math.exp(min(dw / ww, CLIP)) * w
        ph = math.exp(min(dh / wh, CLIP)) * h
        out.append([px - pw / 2, py - ph / 2, px + pw / 2, py + ph / 2])
    return out
