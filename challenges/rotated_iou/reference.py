"""Reference rotated IoU: clip one rectangle by the other (Sutherland-Hodgman) and take
areas with the shoelace formula, in coordinates centred between the two boxes."""
import math


def corners(box, ox, oy):
    """Counter-clockwise corners of (cx, cy, w, h, degrees), relative to (ox, oy)."""
    cx, cy, w, h, angle = (float(v) for v in box)
    t = math.radians(angle % 360.0)  # exact reduction: huge angles keep their precision
    c, s = math.cos(t), math.sin(t)
    cx, cy = cx - ox, cy - oy
    return [(cx + c * dx - s * dy, cy + s * dx + c * dy)
            for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))]


def clip(subject, clipper):
    """The part of convex polygon `subject` inside convex counter-clockwise `clipper`."""
    for i in range(len(clipper)):
        (ax, ay), (bx, by) = clipper[i], clipper[(i + 1) % len(clipper)]
        points, subject = subject, []
        for j in range(len(points)):
            p, q = points[j], points[(j + 1) % len(points)]
            sp = (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)  # > 0: left of the edge
            sq = (bx - ax) * (q[1] - ay) - (by - ay) * (q[0] - ax)
            if sp >= 0:
                subject.append(p)
            if (sp >= 0) != (sq >= 0):
                t = sp / (sp - sq)
                subject.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
        if not subject:
            break
    return subject


def area(polygon):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2)
                   in zip(polygon, polygon[1:] + polygon[:1]))) / 2


def rotated_iou(box_a, box_b):
    ox, oy = (box_a[0] + box_b[0]) / 2, (box_a[1] + box_b[1]) / 2
    inter = area(clip(corners(box_a, ox, oy), corners(box_b, ox, oy)))
    union = box_a[2] * box_a[3] + box_b[2] * box_b[3] - inter
    return inter / union
