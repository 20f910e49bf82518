"""Two rotated boxes `(cx, cy, w, h, angle_degrees)` drawn as polygons, with the values."""
from markupsafe import Markup

from judge.figures import markup as m
from judge.geometry import clip_convex, rotated_corners


def _polygon(points, classes: str, stroke: str, fill: str = "none") -> Markup:
    text = " ".join(f"{m.g(x)},{m.g(y)}" for x, y in points)
    return Markup('<polygon class="{}" points="{}" fill="{}" stroke="{}"/>').format(
        classes, text, fill, stroke)


def draw(counterexample: dict, *, inputs: tuple = ("box_a", "box_b")) -> Markup | None:
    """Both boxes, their shaded overlap, and the expected against the returned value."""
    given = m.inputs(counterexample)
    boxes = [m.row(given.get(name), 5) for name in inputs[:2]]
    if len(boxes) != 2 or None in boxes:
        return None
    corners = [rotated_corners(box) for box in boxes]
    points = [p for poly in corners for p in poly]
    frame = m.frame([(x, y, x, y) for x, y in points])
    overlap = clip_convex(corners[0], corners[1])
    body = [_polygon(overlap, "fig-overlap", "none", m.LIGHT)] if len(overlap) >= 3 else []
    body += [_polygon(corners[0], "fig-box fig-box-a", m.BLUE),
             _polygon(corners[1], "fig-box fig-box-b", m.PURPLE)]
    labels = m.Labels(frame)
    for name, (cx, cy, *_rest) in zip(("A", "B"), boxes):
        body.append(labels.at(cx, cy, name))
    legend = m.legend([("fig-swatch-a", f"A = {m.box_text(boxes[0])}"),
                       ("fig-swatch-b", f"B = {m.box_text(boxes[1])}"),
                       ("fig-swatch-overlap", "intersection")])
    values = (f"expected {m.brief(counterexample.get('expected'))}, "
              f"got {m.brief(counterexample.get('got'))}")
    svg = m.svg(frame, "Two rotated boxes with their intersection shaded", body)
    axes = ("y grows downwards here, as in an image, so a positive angle (counter-clockwise "
            "with y up) turns the box clockwise on screen.")
    return m.figure("rotated-boxes", svg, legend, m.note(values), m.note(axes))
