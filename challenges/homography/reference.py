"""Reference homography from four correspondences: the normalised direct linear transform.

Each correspondence (x, y) -> (u, v) gives two linear equations in the nine entries of H;
four of them leave a one-dimensional null space, found by SVD. Both point sets are first
moved to their centroid and scaled to mean distance sqrt(2) (Hartley's normalisation), so
the equations are well conditioned whatever the coordinates' magnitude; the result is
mapped back and scaled so that H[2, 2] = 1.
"""
import numpy as np


def _normaliser(points):
    centre = points.mean(axis=0)
    scale = np.sqrt(2.0) / np.mean(np.linalg.norm(points - centre, axis=1))
    return np.array([[scale, 0.0, -scale * centre[0]],
                     [0.0, scale, -scale * centre[1]],
                     [0.0, 0.0, 1.0]])


def _moved(matrix, points):
    return points * matrix[0, 0] + matrix[:2, 2]


def homography(src, dst):
    src = np.asarray(src, dtype=np.float64)
    dst = np.asarray(dst, dtype=np.float64)
    t_src, t_dst = _normaliser(src), _normaliser(dst)
    rows = []
    for (x, y), (u, v) in zip(_moved(t_src, src), _moved(t_dst, dst)):
        rows.append([x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, -u])
        rows.append([0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, -v])
    null = np.linalg.svd(np.array(rows))[2][-1].reshape(3, 3)
    matrix = np.linalg.inv(t_dst) @ null @ t_src
    return matrix / matrix[2, 2]
