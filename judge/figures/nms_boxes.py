"""NMS counterexamples: the expected and the returned kept boxes side by side.

Answers are lists of kept indices (greedy and class-aware NMS) or lists of (index, score)
pairs (soft-NMS, whose scores change as boxes are selected). The `classes` option names an
input of per-box class ids, shown in each box's label.
"""
from markupsafe import Markup

from judge.figures import markup as m


def _answer(value, count: int):
    """(indices, final scores or None) from a list of indices or of (index, score) pairs."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        if any(len(v) != 2 for v in value):
            return None
        indices = m.indices([v[0] for v in value], count)
        scores = [m.number(v[1]) for v in value]
        return None if indices is None or None in scores else (indices, scores)
    indices = m.indices(value, count)
    return None if indices is None else (indices, None)


def _label(index: int, score: float, cls, rank, final) -> str:
    text = f"{index}: {m.num(score, 3)}" + (f" c{m.num(cls)}" if cls is not None else "")
    if rank is not None:
        text += f" #{rank}" + (f" → {m.num(final, 3)}" if final is not None else "")
    return text


def _nms_panel(title: str, boxes: list, scores: list, classes, answer: tuple, frame: m.Frame,
               expected: tuple | None = None) -> Markup:
    """Every box, kept ones solid green with their position in the answer (#1 first) and,
    for pairs, their returned score; against `expected`, a box kept or suppressed the other
    way, or returned with another score, gets a red outline."""
    kept, finals = answer
    rank, final = {}, {}
    for position, index in enumerate(kept, start=1):
        rank.setdefault(index, position)
        if finals is not None:
            final.setdefault(index, finals[position - 1])
    want_final = {}
    if expected is not None and expected[1] is not None:
        for index, score in zip(*expected):
            want_final.setdefault(index, score)
    should_keep = set(expected[0]) if expected is not None else set(rank)
    body, labels = [], m.Labels(frame)
    copy = m.copies(boxes)
    for index in sorted(range(len(boxes)), key=lambda i: i in rank):  # kept ones on top
        box, is_kept = m.fanned(boxes[index], copy[index], frame), index in rank
        css = "fig-box " + ("fig-kept" if is_kept else "fig-suppressed")
        body.append(m.rect(box, frame, css, m.GREEN if is_kept else m.GREY, dashed=not is_kept))
        if m.zero_area(box):
            body.append(m.zero_area_mark(box, frame, m.GREEN if is_kept else m.GREY))
        rescored = (is_kept and index in want_final
                    and m.differs(final.get(index), want_final[index]))
        if is_kept != (index in should_keep) or rescored:
            body.append(m.rect(box, frame, "fig-wrong", m.RED, grow=0.8 * frame.unit))
        cls = classes[index] if classes is not None else None
        body.append(labels.top_left(box, _label(index, scores[index], cls, rank.get(index),
                                                final.get(index))))
    svg = m.svg(frame, f"{title}: boxes kept and suppressed by NMS", body)
    shown = kept if finals is None else [[i, s] for i, s in zip(kept, finals)]
    return m.panel(title, svg, m.brief(shown, 120))


def _order_note(expected: list, got: list, scores: list) -> str:
    """Why the same kept boxes come in another order: a tie broken the wrong way, or scores."""
    first = next(i for i, (a, b) in enumerate(zip(expected, got)) if a != b)
    want, have = expected[first], got[first]
    if scores[want] == scores[have]:
        return (f"The same boxes are kept, in a different order: boxes {want} and {have} tie at "
                f"score {m.num(scores[want], 6)}, and ties between equal scores are broken by "
                f"the lower index first, so #{first + 1} is box {want}.")
    return ("The same boxes are kept, in a different order: the #n marks give each box's place "
            "in the list, and it must follow descending score.")


def _swap_note(expected: list, got: list, scores: list) -> str | None:
    """A box kept in place of an equally scored one: the tie was broken the wrong way."""
    for have in got:
        for want in expected:
            if have not in expected and want not in got and scores[have] == scores[want]:
                return (f"Box {have} was kept instead of box {want}: they tie at score "
                        f"{m.num(scores[want], 6)}, and ties between equal scores are visited "
                        f"lower index first, so box {min(have, want)} comes first.")
    return None


def _nms_notes(expected: list, got: list, scores: list) -> list:
    notes = []
    if set(got) == set(expected) and got != expected and len(got) == len(expected):
        notes.append(_order_note(expected, got, scores))
    elif (swap := _swap_note(expected, got, scores)) is not None:
        notes.append(swap)
    if len(set(got)) != len(got):
        notes.append("The answer names some boxes more than once.")
    return [m.note(text) for text in notes]


def _degenerate_legend(boxes: list) -> list:
    """Legend lines for what only degenerate inputs show: only those that are drawn."""
    lines = []
    if any(m.zero_area(box) for box in boxes):
        lines.append(("fig-swatch-zero", "× zero-area box (a point or a segment)"))
    if any(m.copies(boxes)):
        lines.append(("fig-swatch-copy", "identical boxes, drawn slightly apart"))
    return lines


def draw(counterexample: dict, *, classes: str | None = None) -> Markup | None:
    """The expected and the returned kept boxes side by side, differences outlined in red."""
    inputs = m.inputs(counterexample)
    boxes = m.rows(inputs.get("boxes"), 4)
    if not boxes:
        return None
    scores = m.row(inputs.get("scores"), len(boxes))
    expected = _answer(counterexample.get("expected"), len(boxes))
    labels = m.row(inputs.get(classes), len(boxes)) if classes else None
    if scores is None or expected is None or (classes and labels is None):
        return None
    frame = m.spread_frame(boxes)
    got = _answer(counterexample.get("got"), len(boxes))
    unlike = "kept or suppressed unlike the expected answer" + (
        "" if expected[1] is None else ", or returned with another score")
    legend = m.legend([("fig-swatch-kept", "kept (solid), #n = place in the returned list"),
                       ("fig-swatch-suppressed", "suppressed (dashed)"),
                       ("fig-swatch-wrong", unlike), *_degenerate_legend(boxes)])
    panels = [_nms_panel("expected", boxes, scores, labels, expected, frame)]
    if got is None:
        note = m.undrawable(counterexample.get("got"),
                           f"a list of box indices from 0 to {len(boxes) - 1}")
        return m.figure("nms", m.panels(panels), legend, note)
    panels.append(_nms_panel("got", boxes, scores, labels, got, frame, expected))
    return m.figure("nms", m.panels(panels), legend, *_nms_notes(expected[0], got[0], scores))
