"""Sutherland-Hodgman clipping of A's polygon by B's four edges, shoelace on the result,
all on absolute coordinates."""
import math


def _corners(cx, cy, w, h, angle):
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    return [(cx + c * x - s * y, cy + s * x + c * y)
            for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))]


def _shoelace(points):
    total = 0.0
    for i in range(len(points)):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % len(points)]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def rotated_iou(box_a, box_b):
    poly = _corners(*box_a)
    clipper = _corners(*box_b)
    for i in range(4):
        ax, ay = clipper[i]
        bx, by = clipper[(i + 1) % 4]
        kept = []
        for j in range(len(poly)):
            px, py = poly[j]
            qx, qy = poly[(j + 1) % len(poly)]
            p_in = (bx - ax) * (py - ay) - (by - ay) * (px - ax)
            q_in = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax)
            if p_in >= 0:
                kept.append((px, py))
            if (p_in >= 0) != (q_in >= 0):
                t = p_in / (p_in - q_in)
                kept.append((px + t * (qx - px), py + t * (qy - py)))
        poly = kept
        if not poly:
            return 0.0
    inter = _shoelace(poly)
    return inter / (box_a[2] * box_a[3] + box_b[2] * box_b[3] - inter)
