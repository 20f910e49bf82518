"""homography's comparator: H[2, 2] must be 1, and H must move points where the expected H
does. Two answers that agree on the four correspondences are the same homography, so the
entries are not compared directly; the four src points and twelve fixed points inside their
convex hull are mapped by both and must land within 1e-6 * max(1, |expected point|)."""
import numpy as np

from judge.comparators.arrays import as_array, shape_message
from judge.comparators.show import show

# Convex weights of the four src points: every check point lies inside their hull.
INSIDE = np.array([[0.35, 0.35, 0.15, 0.15], [0.35, 0.15, 0.35, 0.15],
                   [0.35, 0.15, 0.15, 0.35], [0.15, 0.35, 0.35, 0.15],
                   [0.15, 0.35, 0.15, 0.35], [0.15, 0.15, 0.35, 0.35],
                   [0.7, 0.1, 0.1, 0.1], [0.1, 0.7, 0.1, 0.1], [0.1, 0.1, 0.7, 0.1],
                   [0.1, 0.1, 0.1, 0.7], [0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4]])


def check_points(src) -> np.ndarray:
    """The four src points followed by the twelve points inside their convex hull."""
    src = np.asarray(src, dtype=np.float64)
    return np.vstack([src, INSIDE @ src])


def mapped(matrix, points) -> np.ndarray:
    """Points mapped by a 3 x 3 matrix; NaN or inf where the third coordinate is 0."""
    with np.errstate(all="ignore"):  # an answer may overflow; it then compares as wrong
        homogeneous = np.column_stack([points, np.ones(len(points))]) @ np.asarray(matrix).T
        return homogeneous[:, :2] / homogeneous[:, 2:]


def misplaced(expected, got, src) -> np.ndarray:
    """Per check point: does the answer put it outside tolerance of the expected place?"""
    points = check_points(src)
    want, have = mapped(expected, points), mapped(got, points)
    with np.errstate(all="ignore"):
        off = np.linalg.norm(have - want, axis=1)
        return ~(off <= 1e-6 * np.maximum(1.0, np.linalg.norm(want, axis=1)))


def compare(expected, got, args):
    expected = np.asarray(expected, dtype=np.float64)
    matrix = as_array(got)
    wrong = shape_message(expected, got, matrix)
    if wrong:
        return wrong
    if not np.isfinite(matrix).all():
        return "expected finite numbers, got " + show(matrix.tolist())
    if not abs(matrix[2, 2] - 1.0) <= 1e-9:
        return f"expected H[2, 2] = 1 (within 1e-9), got {show(float(matrix[2, 2]))}"
    bad = misplaced(expected, matrix, args[0])
    if not bad.any():
        return None
    k = int(np.argmax(bad))
    point = check_points(args[0])[k]
    where = f"src point {k}" if k < 4 else f"check point {k} inside the src hull"
    want, have = mapped(expected, point[None])[0], mapped(matrix, point[None])[0]
    return (f"{int(bad.sum())} of 16 points land elsewhere; first {where} "
            f"{show(tuple(point.tolist()))}: expected {show(tuple(want.tolist()))}, "
            f"got {show(tuple(have.tolist()))}")
