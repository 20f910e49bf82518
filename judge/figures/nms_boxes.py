"""NMS counterexamples: the expected and the returned kept boxes side by side."""
from markupsafe import Markup

from judge.figures import markup as m


def _nms_panel(title: str, boxes: list, scores: list, kept: list, frame: m.Frame,
               expected: list | None = None) -> Markup:
    """Every box, kept ones solid green with their position in the answer (#1 first);
    against `expected`, a box kept or suppressed the other way gets a red outline."""
    rank = {}
    for position, index in enumerate(kept, start=1):
        rank.setdefault(index, position)
    should_keep = set(expected) if expected is not None else set(rank)
    body, labels = [], m.Labels(frame)
    for index in sorted(range(len(boxes)), key=lambda i: i in rank):  # kept ones on top
        box, is_kept = boxes[index], index in rank
        classes = "fig-box " + ("fig-kept" if is_kept else "fig-suppressed")
        body.append(m.rect(box, frame, classes, m.GREEN if is_kept else m.GREY, dashed=not is_kept))
        if is_kept != (index in should_keep):
            body.append(m.rect(box, frame, "fig-wrong", m.RED, grow=0.8 * frame.unit))
        text = f"{index}: {m.num(scores[index], 3)}" + (f" #{rank[index]}" if is_kept else "")
        body.append(labels.top_left(box, text))
    svg = m.svg(frame, f"{title}: boxes kept and suppressed by NMS", body)
    return m.panel(title, svg, m.brief(kept, 120))


def _nms_notes(expected: list, got: list) -> list:
    notes = []
    if set(got) == set(expected) and got != expected:
        notes.append("The same boxes are kept, in a different order: the #n marks give each "
                     "box's place in the list, and it must follow descending score.")
    if len(set(got)) != len(got):
        notes.append("The answer names some boxes more than once.")
    return [m.note(text) for text in notes]


def draw(counterexample: dict) -> Markup | None:
    """The expected and the returned kept boxes side by side, differences outlined in red."""
    inputs = m.inputs(counterexample)
    boxes = m.rows(inputs.get("boxes"), 4)
    if not boxes:
        return None
    scores = m.row(inputs.get("scores"), len(boxes))
    expected = m.indices(counterexample.get("expected"), len(boxes))
    if scores is None or expected is None:
        return None
    frame = m.frame(boxes)
    got = m.indices(counterexample.get("got"), len(boxes))
    legend = m.legend([("fig-swatch-kept", "kept (solid), #n = place in the returned list"),
                      ("fig-swatch-suppressed", "suppressed (dashed)"),
                      ("fig-swatch-wrong", "kept or suppressed unlike the expected answer")])
    panels = [_nms_panel("expected", boxes, scores, expected, frame)]
    if got is None:
        note = m.undrawable(counterexample.get("got"),
                           f"a list of box indices from 0 to {len(boxes) - 1}")
        return m.figure("nms", m.panels(panels), legend, note)
    panels.append(_nms_panel("got", boxes, scores, got, frame, expected))
    return m.figure("nms", m.panels(panels), legend, *_nms_notes(expected, got))
