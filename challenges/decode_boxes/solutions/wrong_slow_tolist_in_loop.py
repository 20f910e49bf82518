"""A plain loop over the rows that converts the whole input with tolist() inside the loop:
every row pays for all N rows, so the whole is quadratic."""
# expect: time_limit_exceeded
import math


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    wx, wy, ww, wh = weights
    clip = math.log(1000 / 16)
    out = []
    for i in range(len(anchors)):
        x1, y1, x2, y2 = anchors.tolist()[i]
        dx, dy, dw, dh = deltas.tolist()[i]
        w, h = x2 - x1, y2 - y1
        cx, cy = x1 + 0.5 * w, y1 + 0.5 * h
        px, py = dx / wx * w + cx, dy / wy * h + cy
        pw, ph = math.exp(min(dw / ww, clip)) * w, math.exp(min(dh / wh, clip)) * h
        out.append([px - pw / 2, py - ph / 2, px + pw / 2, py + ph / 2])
    return out
