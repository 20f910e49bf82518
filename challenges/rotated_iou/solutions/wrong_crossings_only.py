"""Builds the overlap from the points where edges cross, forgetting corners that lie inside
the other box (so a box nested in another has no overlap)."""
# expect: wrong_answer
import math


def _corners(cx, cy, w, h, angle):
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    return [(cx + c * x - s * y, cy + s * x + c * y)
            for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))]


def _side(a, b, p):
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])


def _inside(p, poly, strict=False):
    sides = [_side(poly[i], poly[(i + 1) % 4], p) for i in range(4)]
    return all(v > 0 for v in sides) if strict else all(v >= -1e-9 for v in sides)


def _crossings(pa, pb):
    found = []
    for i in range(4):
        p, r = pa[i], (pa[(i + 1) % 4][0] - pa[i][0], pa[(i + 1) % 4][1] - pa[i][1])
        for j in range(4):
            q, s = pb[j], (pb[(j + 1) % 4][0] - pb[j][0], pb[(j + 1) % 4][1] - pb[j][1])
            denom = r[0] * s[1] - r[1] * s[0]
            if denom == 0:
                continue
            t = ((q[0] - p[0]) * s[1] - (q[1] - p[1]) * s[0]) / denom
            u = ((q[0] - p[0]) * r[1] - (q[1] - p[1]) * r[0]) / denom
            if 0 <= t <= 1 and 0 <= u <= 1:
                found.append((p[0] + t * r[0], p[1] + t * r[1]))
    return found


def _area_sorted(points):
    if len(points) < 3:
        return 0.0
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    points = sorted(points, key=lambda p: math.atan2(p[1] - my, p[0] - mx))
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2)
                   in zip(points, points[1:] + points[:1]))) / 2


def rotated_iou(box_a, box_b):
    pa, pb = _corners(*box_a), _corners(*box_b)
    inter = _area_sorted(_crossings(pa, pb))
    return inter / (box_a[2] * box_a[3] + box_b[2] * box_b[3] - inter)
