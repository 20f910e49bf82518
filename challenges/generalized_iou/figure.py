"""GIoU counterexamples: boxes A and B, their overlap, and the enclosing box C dashed, so the
area GIoU penalises (inside C, outside both boxes) is visible at a glance."""
from markupsafe import Markup

from judge.figures import markup as m


def _corners(a: list, b: list, low, high) -> list:
    """Per axis, `low` of the two lower edges and `high` of the two upper ones."""
    return [low(min(a[0], a[2]), min(b[0], b[2])), low(min(a[1], a[3]), min(b[1], b[3])),
            high(max(a[0], a[2]), max(b[0], b[2])), high(max(a[1], a[3]), max(b[1], b[3]))]


def _area(box: list) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def draw(counterexample: dict) -> Markup | None:
    """A, B, the shaded overlap and the dashed enclosing box, with the values behind GIoU."""
    inputs = m.inputs(counterexample)
    a, b = m.row(inputs.get("box_a"), 4), m.row(inputs.get("box_b"), 4)
    if a is None or b is None:
        return None
    enclosing = _corners(a, b, min, max)
    overlap = _corners(a, b, max, min)
    inter = _area(overlap)
    frame = m.frame([enclosing])
    body = [m.rect(enclosing, frame, "fig-box fig-enclosing", m.GREY, dashed=True)]
    if inter > 0:
        body.append(m.rect(overlap, frame, "fig-overlap", "none", fill=m.LIGHT))
    body += [m.rect(a, frame, "fig-box fig-box-a", m.BLUE),
             m.rect(b, frame, "fig-box fig-box-b", m.PURPLE)]
    labels = m.Labels(frame)
    body += [labels.top_left(a, "A"), labels.top_left(b, "B"),
             m.label(enclosing[2] - 0.5 * frame.unit, enclosing[3] - frame.unit, "C",
                     anchor="end")]
    union = _area(a) + _area(b) - inter
    hull = _area(enclosing)
    legend = m.legend([("fig-swatch-a", f"A = {m.box_text(a)}"),
                       ("fig-swatch-b", f"B = {m.box_text(b)}"),
                       ("fig-swatch-overlap", f"intersection {m.num(inter)}"),
                       ("fig-swatch-suppressed", f"C = {m.box_text(enclosing)}, "
                                                 f"area {m.num(hull)}")])
    notes = [f"Union {m.num(union)}, IoU {m.num(inter / union) if union > 0 else 0}, "
             f"penalty (|C| - union) / |C| = "
             f"{m.num((hull - union) / hull) if hull > 0 else 0}.",
             f"Expected GIoU {m.brief(counterexample.get('expected'))}, "
             f"got {m.brief(counterexample.get('got'))}."]
    svg = m.svg(frame, "Boxes A and B inside their enclosing box C", body)
    return m.figure("giou", svg, legend, *map(m.note, notes))
