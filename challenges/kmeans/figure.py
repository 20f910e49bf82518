"""k-means counterexamples as a scatter plot of the first two coordinates.

Points are coloured by their expected label; a point whose returned label differs gets a
red ring. Expected centroids are drawn as crosses in their cluster's colour, returned ones
as hollow diamonds (red when outside tolerance). Centroids far outside the points' area
(the unused ones a test places far away) are listed instead of squashing the picture.
"""
from markupsafe import Markup

from judge.figures import markup as m
from judge.figures.label_maps import PALETTE


def _coords(rows: list) -> list:
    """(x, y) of every row: its first two coordinates, y = 0 when D = 1."""
    return [(row[0], row[1] if len(row) > 1 else 0.0) for row in rows]


def _table(value) -> list | None:
    """Rows of equal length of finite numbers, or None."""
    if not isinstance(value, list) or not value or not isinstance(value[0], list):
        return None
    return m.rows(value, len(value[0]))


def _labels(value, count: int) -> list | None:
    if not isinstance(value, list) or len(value) != count:
        return None
    numbers = [m.number(v) for v in value]
    if any(n is None or n != int(n) for n in numbers):
        return None
    return [int(n) for n in numbers]


def _colour(label: int) -> str:
    return PALETTE[label % len(PALETTE)]


def _cross(x: float, y: float, size: float, colour: str, text: str) -> Markup:
    lines = (Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>')
             .format(m.g(x - dx), m.g(y - dy), m.g(x + dx), m.g(y + dy), colour, m.g(size / 3))
             for dx, dy in ((size, size), (size, -size)))
    return Markup('<g class="fig-centroid"><title>{}</title>{}</g>').format(text, m.join(lines))


def _diamond(x: float, y: float, size: float, colour: str, text: str) -> Markup:
    corners = " ".join(f"{m.g(px)},{m.g(py)}" for px, py in
                       ((x, y - size), (x + size, y), (x, y + size), (x - size, y)))
    return Markup('<polygon class="fig-centroid-got" points="{}" fill="none" stroke="{}" '
                  'stroke-width="{}"><title>{}</title></polygon>').format(
                      corners, colour, m.g(size / 4), text)


def _close(a: list, b: list) -> bool:
    return len(a) == len(b) and all(abs(u - v) <= 1e-9 + 1e-6 * abs(v) for u, v in zip(a, b))


def draw(counterexample: dict) -> Markup | None:
    """Points, expected and returned centroids and labels, mismatches in red."""
    points = _table(m.inputs(counterexample).get("points"))
    expected = counterexample.get("expected")
    if points is None or not isinstance(expected, list) or len(expected) != 2:
        return None
    want_centroids, want_labels = _table(expected[0]), _labels(expected[1], len(points))
    if want_centroids is None or want_labels is None:
        return None
    got = counterexample.get("got")
    got_centroids = got_labels = None
    if isinstance(got, list) and len(got) == 2:
        got_centroids, got_labels = _table(got[0]), _labels(got[1], len(points))
    xy = _coords(points)
    box = [min(x for x, _ in xy), min(y for _, y in xy), max(x for x, _ in xy),
           max(y for _, y in xy)]
    span = max(box[2] - box[0], box[3] - box[1], 1.0)

    def inside(x, y):
        return box[0] - span <= x <= box[2] + span and box[1] - span <= y <= box[3] + span

    shown = [(x, y) for x, y in _coords(want_centroids + (got_centroids or [])) if inside(x, y)]
    frame = m.frame([[x, y, x, y] for x, y in xy + shown])
    size = 2.4 * frame.unit
    body, away = [], []
    for index, ((x, y), label) in enumerate(zip(xy, want_labels)):
        wrong = got_labels is not None and got_labels[index] != label
        text = f"point {index}: label {label}" + (
            f", got {got_labels[index]}" if wrong else "")
        body.append(Markup('<circle class="fig-point{}" cx="{}" cy="{}" r="{}" fill="{}" '
                           'stroke="{}" stroke-width="{}"><title>{}</title></circle>').format(
            " fig-wrong" if wrong else "", m.g(x), m.g(y), m.g(size * 0.7), _colour(label),
            m.RED if wrong else "none", m.g(size / 3), text))
    for index, (x, y) in enumerate(_coords(want_centroids)):
        text = f"centroid {index}: expected {m.box_text(want_centroids[index])}"
        if inside(x, y):
            body.append(_cross(x, y, size, _colour(index), text))
        else:
            away.append(f"centroid {index} expected at {m.box_text(want_centroids[index])}")
    for index, (x, y) in enumerate(_coords(got_centroids or [])):
        right = index < len(want_centroids) and _close(got_centroids[index],
                                                       want_centroids[index])
        text = f"centroid {index}: got {m.box_text(got_centroids[index])}"
        if inside(x, y):
            body.append(_diamond(x, y, size * 1.3, m.GREY if right else m.RED, text))
        elif not right:
            away.append(f"centroid {index} returned at {m.box_text(got_centroids[index])}")
    notes = []
    if got_centroids is None or got_labels is None:
        notes.append(m.undrawable(got, "(centroids, labels) of the right sizes"))
    elif len(got_centroids) != len(want_centroids):
        notes.append(m.note(f"Expected {m.plural(len(want_centroids), 'centroid')}, got "
                            f"{len(got_centroids)}."))
    if len(points[0]) > 2:
        notes.append(m.note(f"Only the first two of {len(points[0])} coordinates are drawn."))
    if away:
        notes.append(m.note("Off the picture: " + "; ".join(away) + "."))
    svg = m.svg(frame, "points and centroids", body)
    legend = m.legend([("fig-swatch-wrong", "a label or a centroid that differs")])
    key = m.note("Colours are the expected labels; crosses the expected centroids, diamonds "
                 "the returned ones.")
    return m.figure("kmeans", svg, legend, key, *notes)
