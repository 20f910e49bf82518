"""Vectorised: every edge-edge crossing and every corner inside the other box, then the
convex polygon they span, sorted by angle around its centroid."""
import numpy as np


def _corners(box):
    cx, cy, w, h, angle = box
    t = np.deg2rad(angle % 360)
    rot = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
    local = np.array([[-w, -h], [w, -h], [w, h], [-w, h]]) / 2
    return local @ rot.T + np.array([cx, cy])


def _inside(points, poly, eps):
    edges = np.roll(poly, -1, axis=0) - poly
    rel = points[:, None, :] - poly[None, :, :]
    cross = edges[None, :, 0] * rel[..., 1] - edges[None, :, 1] * rel[..., 0]
    return (cross >= -eps).all(axis=1)


def _crossings(pa, pb):
    a0, a1 = pa, np.roll(pa, -1, axis=0)
    b0, b1 = pb, np.roll(pb, -1, axis=0)
    da, db = (a1 - a0)[:, None, :], (b1 - b0)[None, :, :]
    diff = b0[None, :, :] - a0[:, None, :]
    denom = da[..., 0] * db[..., 1] - da[..., 1] * db[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (diff[..., 0] * db[..., 1] - diff[..., 1] * db[..., 0]) / denom
        u = (diff[..., 0] * da[..., 1] - diff[..., 1] * da[..., 0]) / denom
    # Parallel (or collinear) edges cross nowhere useful: the corners found inside cover them.
    scale = np.linalg.norm(da, axis=-1) * np.linalg.norm(db, axis=-1)
    ok = (np.abs(denom) > 1e-9 * scale) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
    t = np.where(ok, t, 0.0)
    return (a0[:, None, :] + t[..., None] * da)[ok]


def rotated_iou(box_a, box_b):
    pa, pb = _corners(box_a), _corners(box_b)
    origin = (pa.mean(axis=0) + pb.mean(axis=0)) / 2
    pa, pb = pa - origin, pb - origin
    eps = 1e-12 * max(1.0, np.abs(np.concatenate([pa, pb])).max() ** 2)
    points = np.concatenate([pa[_inside(pa, pb, eps)], pb[_inside(pb, pa, eps)],
                             _crossings(pa, pb)])
    inter = 0.0
    if len(points) >= 3:
        centre = points.mean(axis=0)
        order = np.argsort(np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0]))
        x, y = points[order, 0], points[order, 1]
        inter = abs(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2
    return float(inter / (box_a[2] * box_a[3] + box_b[2] * box_b[3] - inter))
