"""Boxes A and B of an IoU counterexample, their shaded overlap, expected against returned IoU."""
from markupsafe import Markup

from judge.figures import markup as m


def _intersection(a: list, b: list) -> list | None:
    """The overlap of the two drawn rectangles, if it has an area."""
    x1 = max(min(a[0], a[2]), min(b[0], b[2]))
    y1 = max(min(a[1], a[3]), min(b[1], b[3]))
    x2 = min(max(a[0], a[2]), max(b[0], b[2]))
    y2 = min(max(a[1], a[3]), max(b[1], b[3]))
    return [x1, y1, x2, y2] if x2 > x1 and y2 > y1 else None


def _box_remark(name: str, box: list) -> str:
    """Why a box may look odd: it is reversed or has no area."""
    if box[2] < box[0] or box[3] < box[1]:
        return f"{name} has x2 < x1 or y2 < y1; it is drawn between its corners."
    if box[0] == box[2] or box[1] == box[3]:
        return f"{name} has zero area; it is drawn as a small mark with a cross."
    return ""


def draw(counterexample: dict) -> Markup | None:
    """Boxes A and B, their shaded overlap, and the expected against the returned IoU."""
    inputs = m.inputs(counterexample)
    a, b = m.row(inputs.get("box_a"), 4), m.row(inputs.get("box_b"), 4)
    if a is None or b is None:
        return None
    frame = m.spread_frame([a, b])
    overlap = _intersection(a, b)
    b_drawn = m.fanned(b, m.copies([a, b])[1], frame)  # identical to A: drawn just apart
    body = [m.rect(overlap, frame, "fig-overlap", "none", fill=m.LIGHT)] if overlap else []
    body += [m.rect(a, frame, "fig-box fig-box-a", m.BLUE),
             m.rect(b_drawn, frame, "fig-box fig-box-b", m.PURPLE),
             m.Labels(frame).top_left(a, "A"),  # A top-left, B bottom-right: apart when aligned
             m.label(max(b_drawn[0], b_drawn[2]) - 0.5 * frame.unit,
                     max(b_drawn[1], b_drawn[3]) - frame.unit, "B", anchor="end")]
    body += [m.zero_area_mark(box, frame, colour)
             for box, colour in ((a, m.BLUE), (b_drawn, m.PURPLE)) if m.zero_area(box)]
    area = "no overlap" if overlap is None else (
        f"intersection {m.num(overlap[2] - overlap[0])} × {m.num(overlap[3] - overlap[1])}")
    legend = m.legend([("fig-swatch-a", f"A = {m.box_text(a)}"),
                      ("fig-swatch-b", f"B = {m.box_text(b)}"),
                      ("fig-swatch-overlap", area)])
    values = (f"expected IoU {m.brief(counterexample.get('expected'))}, "
              f"got {m.brief(counterexample.get('got'))}")
    remarks = [m.note(r) for r in (_box_remark("A", a), _box_remark("B", b)) if r]
    if a == b:
        remarks.append(m.note("A and B are the same box; B is drawn slightly apart."))
    svg = m.svg(frame, "Box A and box B with their intersection shaded", body)
    return m.figure("box-pair", svg, legend, m.note(values), *remarks)
