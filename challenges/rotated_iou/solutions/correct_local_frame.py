"""Works in A's own frame: A becomes the axis-aligned rectangle |x| <= w/2, |y| <= h/2, B is
moved and turned into that frame, and B's polygon is cut by A's four half-planes."""
import math


def _cut(poly, inside, cross):
    out = []
    for i, p in enumerate(poly):
        q = poly[(i + 1) % len(poly)]
        if inside(p):
            out.append(p)
        if inside(p) != inside(q):
            out.append(cross(p, q))
    return out


def rotated_iou(box_a, box_b):
    ax, ay, aw, ah, a_angle = box_a
    bx, by, bw, bh, b_angle = box_b
    ta = math.radians(a_angle % 360)
    ca, sa = math.cos(ta), math.sin(ta)
    dx, dy = bx - ax, by - ay
    cx, cy = ca * dx + sa * dy, -sa * dx + ca * dy  # B's centre in A's frame
    tb = math.radians((b_angle - a_angle) % 360)
    cb, sb = math.cos(tb), math.sin(tb)
    poly = [(cx + cb * u - sb * v, cy + sb * u + cb * v)
            for u, v in ((-bw / 2, -bh / 2), (bw / 2, -bh / 2), (bw / 2, bh / 2), (-bw / 2, bh / 2))]
    for axis, limit in ((0, aw / 2), (0, -aw / 2), (1, ah / 2), (1, -ah / 2)):
        def inside(p, axis=axis, limit=limit):
            return p[axis] <= limit if limit > 0 else p[axis] >= limit

        def cross(p, q, axis=axis, limit=limit):
            t = (limit - p[axis]) / (q[axis] - p[axis])
            return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))

        poly = _cut(poly, inside, cross)
        if not poly:
            return 0.0
    inter = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]))) / 2
    return inter / (aw * ah + bw * bh - inter)
