"""Pictures of a failing counterexample for the result panel.

A failing submission comes back with a small counterexample (judge.display.to_display): plain
JSON inputs, the reference's `expected` and the submission's `got`. Two boxes or a matrix read
faster as a picture than as numbers, so a challenge names a figure kind in its challenge.toml
(`figure = "box_pair"`) and the page calls `render_figure(kind, counterexample)`.

`got` comes from untrusted code and can be any JSON, so the drawers read it defensively, draw
what they can and say what they could not; `render_figure` still catches whatever slips through,
because no picture is worth a broken page. Every piece of text goes through markupsafe. Nothing
here needs a script or an inline style (the CSP forbids both): SVG presentation attributes carry
the colours and `fig-*` classes, styled in static/figures.css, do the rest.
"""
import json
import logging
import math
from dataclasses import dataclass

from markupsafe import Markup

from judge.strategies import float_iou  # the same float formula as the map reference

log = logging.getLogger(__name__)

MAX_IMAGES = 6  # detection panels drawn; more would bury the one that matters
MAX_SIDE = 12  # rows and columns shown per matrix table
SVG_NS = "http://www.w3.org/2000/svg"

BLUE, PURPLE, GREEN = "#0969da", "#8250df", "#1a7f37"
RED, ORANGE, GREY, LIGHT = "#cf222e", "#bc4c00", "#8c959f", "#d0d7de"


# ----- reading untrusted JSON ------------------------------------------------------------------

def _number(value) -> float | None:
    """A finite float, else None: bools, "nan" strings, lists and huge ints cannot be drawn."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


def _row(value, length: int) -> list | None:
    """`length` finite numbers, or None."""
    if not isinstance(value, list) or len(value) != length:
        return None
    numbers = [_number(item) for item in value]
    return None if None in numbers else numbers


def _rows(value, length: int) -> list | None:
    """Every item as a row of `length` numbers, or None: half a set of boxes would mislead."""
    if not isinstance(value, list):
        return None
    rows = [_row(item, length) for item in value]
    return None if any(row is None for row in rows) else rows


def _indices(value, count: int) -> list | None:
    """A list of whole numbers naming boxes 0..count-1, or None."""
    if not isinstance(value, list):
        return None
    numbers = [_number(item) for item in value]
    if any(n is None or n != int(n) or not 0 <= n < count for n in numbers):
        return None
    return [int(n) for n in numbers]


def _matrix(value) -> list | None:
    """A list of lists (ragged allowed, cells anything), or None."""
    if isinstance(value, list) and all(isinstance(row, list) for row in value):
        return value
    return None


def _is_summary(value) -> bool:
    """judge.display's stand-in for an array or list too large to show."""
    return isinstance(value, dict) and "summary" in value


def _inputs(counterexample: dict) -> dict:
    inputs = counterexample.get("inputs")
    return inputs if isinstance(inputs, dict) else {}


# ----- text ---------------------------------------------------------------------------------

def _num(value: float, digits: int = 6) -> str:
    """A number short enough for a label: 4.0 -> "4", 0.14285714 -> "0.142857"."""
    return f"{value:.{digits}g}"


def _brief(value, limit: int = 60) -> str:
    """Any JSON value on one short line, to say what an undrawable answer was."""
    if _is_summary(value):
        text = str(value["summary"])
    else:
        try:
            text = json.dumps(value)
        except (TypeError, ValueError, RecursionError):
            text = type(value).__name__
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _box_text(box: list) -> str:
    return "(" + ", ".join(_num(v) for v in box) + ")"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


# ----- markup pieces ------------------------------------------------------------------------

def _join(parts) -> Markup:
    return Markup("").join(parts)


def _figure(kind: str, *parts) -> Markup:
    return Markup('<figure class="fig fig-{}">{}</figure>').format(kind, _join(parts))


def _note(text: str) -> Markup:
    return Markup('<p class="fig-note">{}</p>').format(text)


def _legend(items) -> Markup:
    """A list of (swatch class, text); the swatch is a CSS-coloured square."""
    lines = (Markup('<li><span class="fig-swatch {}"></span>{}</li>').format(swatch, text)
             for swatch, text in items)
    return Markup('<ul class="fig-legend">{}</ul>').format(_join(lines))


def _undrawable(got, wanted: str) -> Markup:
    reason = "too large to draw" if _is_summary(got) else f"not {wanted}"
    return _note(f"The answer {_brief(got)} could not be drawn: it is {reason}.")


def _panel(title: str, svg: Markup, caption: str = "") -> Markup:
    tail = Markup('<p class="fig-caption">{}</p>').format(caption) if caption else ""
    return Markup('<div class="fig-panel"><p class="fig-panel-title">{}</p>{}{}</div>').format(
        title, svg, tail)


def _panels(panels) -> Markup:
    return Markup('<div class="fig-panels">{}</div>').format(_join(panels))


# ----- SVG ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Frame:
    """The viewBox around some boxes; text and strokes scale with it so any units look alike."""
    x: float
    y: float
    width: float
    height: float

    @property
    def unit(self) -> float:
        return max(self.width, self.height) / 100


def _frame(boxes: list) -> _Frame:
    """Fit every box (x1, y1, x2, y2 in any corner order) with a margin for labels."""
    xs = [v for box in boxes for v in (box[0], box[2])]
    ys = [v for box in boxes for v in (box[1], box[3])]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0  # one point still gets a frame
    margin = 0.12 * span
    return _Frame(min(xs) - margin, min(ys) - margin, max(xs) - min(xs) + 2 * margin,
                  max(ys) - min(ys) + 2 * margin)


def _g(value: float) -> str:
    """A coordinate for an SVG attribute: precise, but no float noise."""
    return f"{value:.10g}"


def _svg(frame: _Frame, label: str, body) -> Markup:
    return Markup(
        '<svg xmlns="{}" class="fig-svg" viewBox="{} {} {} {}" role="img" aria-label="{}" '
        'font-size="{}" stroke-width="{}" font-family="sans-serif"><title>{}</title>{}</svg>'
    ).format(SVG_NS, _g(frame.x), _g(frame.y), _g(frame.width), _g(frame.height), label,
             _g(4 * frame.unit), _g(0.5 * frame.unit), label, _join(body))


def _extent(box: list, frame: _Frame, grow: float = 0.0) -> tuple:
    """x, y, width, height of a box drawn between its corners (x2 < x1 too), at least a
    little wide so a zero-area box stays visible; `grow` pads it on every side."""
    least = 0.8 * frame.unit
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    x = min(box[0], box[2]) - grow - max(0.0, least - width) / 2
    y = min(box[1], box[3]) - grow - max(0.0, least - height) / 2
    return x, y, max(width, least) + 2 * grow, max(height, least) + 2 * grow


def _rect(box: list, frame: _Frame, classes: str, stroke: str, *, fill: str = "none",
          dashed: bool = False, grow: float = 0.0) -> Markup:
    if box[0] == box[2] or box[1] == box[3]:
        classes += " fig-degenerate"
    x, y, width, height = _extent(box, frame, grow)
    dash = Markup(' stroke-dasharray="{0} {0}"').format(_g(1.5 * frame.unit)) if dashed else ""
    return Markup('<rect class="{}" x="{}" y="{}" width="{}" height="{}" fill="{}" '
                  'stroke="{}"{}/>').format(classes, _g(x), _g(y), _g(width), _g(height),
                                            fill, stroke, dash)


def _label(x: float, y: float, text: str, anchor: str = "start") -> Markup:
    return Markup('<text class="fig-label" x="{}" y="{}" text-anchor="{}">{}</text>').format(
        _g(x), _g(y), anchor, text)


class _Labels:
    """Places box labels, moving one down a line while it would overprint an earlier one
    (boxes sharing a corner are common in shrunk counterexamples)."""

    def __init__(self, frame: _Frame):
        self.unit = frame.unit
        self.placed = []  # (x, y, width) of each label so far

    def at(self, x: float, y: float, text: str) -> Markup:
        width = 2.4 * self.unit * len(text)  # about 0.6 em a character
        for _ in self.placed:  # bounded: a step can vanish in rounding on huge coordinates
            if not any(abs(y - py) < 4 * self.unit and x < px + pw and px < x + width
                       for px, py, pw in self.placed):
                break
            y += 4.5 * self.unit
        self.placed.append((x, y, width))
        return _label(x, y, text)

    def top_left(self, box: list, text: str, inside: bool = True) -> Markup:
        """At a box's top-left corner, inside it or just above it."""
        x, y = min(box[0], box[2]), min(box[1], box[3])
        return self.at(x + 0.5 * self.unit, y + (4 if inside else -1) * self.unit, text)


# ----- box_pair (iou) -----------------------------------------------------------------------

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
        return f"{name} has zero area; it is drawn as a small mark."
    return ""


def draw_box_pair(counterexample: dict) -> Markup | None:
    """Boxes A and B, their shaded overlap, and the expected against the returned IoU."""
    inputs = _inputs(counterexample)
    a, b = _row(inputs.get("box_a"), 4), _row(inputs.get("box_b"), 4)
    if a is None or b is None:
        return None
    frame = _frame([a, b])
    overlap = _intersection(a, b)
    body = [_rect(overlap, frame, "fig-overlap", "none", fill=LIGHT)] if overlap else []
    body += [_rect(a, frame, "fig-box fig-box-a", BLUE),
             _rect(b, frame, "fig-box fig-box-b", PURPLE),
             _Labels(frame).top_left(a, "A"),  # A top-left, B bottom-right: apart when aligned
             _label(max(b[0], b[2]) - 0.5 * frame.unit, max(b[1], b[3]) - frame.unit, "B",
                    anchor="end")]
    area = "no overlap" if overlap is None else (
        f"intersection {_num(overlap[2] - overlap[0])} × {_num(overlap[3] - overlap[1])}")
    legend = _legend([("fig-swatch-a", f"A = {_box_text(a)}"),
                      ("fig-swatch-b", f"B = {_box_text(b)}"),
                      ("fig-swatch-overlap", area)])
    values = (f"expected IoU {_brief(counterexample.get('expected'))}, "
              f"got {_brief(counterexample.get('got'))}")
    remarks = [_note(r) for r in (_box_remark("A", a), _box_remark("B", b)) if r]
    svg = _svg(frame, "Box A and box B with their intersection shaded", body)
    return _figure("box-pair", svg, legend, _note(values), *remarks)


# ----- nms_boxes ----------------------------------------------------------------------------

def _nms_panel(title: str, boxes: list, scores: list, kept: list, frame: _Frame,
               expected: list | None = None) -> Markup:
    """Every box, kept ones solid green with their position in the answer (#1 first);
    against `expected`, a box kept or suppressed the other way gets a red outline."""
    rank = {}
    for position, index in enumerate(kept, start=1):
        rank.setdefault(index, position)
    should_keep = set(expected) if expected is not None else set(rank)
    body, labels = [], _Labels(frame)
    for index in sorted(range(len(boxes)), key=lambda i: i in rank):  # kept ones on top
        box, is_kept = boxes[index], index in rank
        classes = "fig-box " + ("fig-kept" if is_kept else "fig-suppressed")
        body.append(_rect(box, frame, classes, GREEN if is_kept else GREY, dashed=not is_kept))
        if is_kept != (index in should_keep):
            body.append(_rect(box, frame, "fig-wrong", RED, grow=0.8 * frame.unit))
        text = f"{index}: {_num(scores[index], 3)}" + (f" #{rank[index]}" if is_kept else "")
        body.append(labels.top_left(box, text))
    svg = _svg(frame, f"{title}: boxes kept and suppressed by NMS", body)
    return _panel(title, svg, _brief(kept, 120))


def _nms_notes(expected: list, got: list) -> list:
    notes = []
    if set(got) == set(expected) and got != expected:
        notes.append("The same boxes are kept, in a different order: the #n marks give each "
                     "box's place in the list, and it must follow descending score.")
    if len(set(got)) != len(got):
        notes.append("The answer names some boxes more than once.")
    return [_note(text) for text in notes]


def draw_nms_boxes(counterexample: dict) -> Markup | None:
    """The expected and the returned kept boxes side by side, differences outlined in red."""
    inputs = _inputs(counterexample)
    boxes = _rows(inputs.get("boxes"), 4)
    if not boxes:
        return None
    scores = _row(inputs.get("scores"), len(boxes))
    expected = _indices(counterexample.get("expected"), len(boxes))
    if scores is None or expected is None:
        return None
    frame = _frame(boxes)
    got = _indices(counterexample.get("got"), len(boxes))
    legend = _legend([("fig-swatch-kept", "kept (solid), #n = place in the returned list"),
                      ("fig-swatch-suppressed", "suppressed (dashed)"),
                      ("fig-swatch-wrong", "kept or suppressed unlike the expected answer")])
    panels = [_nms_panel("expected", boxes, scores, expected, frame)]
    if got is None:
        note = _undrawable(counterexample.get("got"),
                           f"a list of box indices from 0 to {len(boxes) - 1}")
        return _figure("nms", _panels(panels), legend, note)
    panels.append(_nms_panel("got", boxes, scores, got, frame, expected))
    return _figure("nms", _panels(panels), legend, *_nms_notes(expected, got))


# ----- detections (map) ---------------------------------------------------------------------

def match_detections(detections: list, ground_truths: list, iou_threshold: float):
    """The map statement's greedy matching, to show where the points come from.

    Detections are visited by descending score (ties in input order); each takes the still
    unmatched ground truth of its image and class with the highest IoU (ties: the first), and is
    a true positive when that IoU is >= the threshold. Returns (true positive per detection,
    matched per ground truth).
    """
    true_positive = [False] * len(detections)
    matched = [False] * len(ground_truths)
    for d in sorted(range(len(detections)), key=lambda i: -detections[i][2]):
        image, cls, _score, *box = detections[d]
        best, best_iou = None, -1.0
        for g, (g_image, g_cls, *g_box) in enumerate(ground_truths):
            if not matched[g] and (g_image, g_cls) == (image, cls):
                overlap = float_iou(box, g_box)
                if overlap > best_iou:
                    best, best_iou = g, overlap
        if best is not None and best_iou >= iou_threshold:
            true_positive[d] = matched[best] = True
    return true_positive, matched


def _image_panel(image: float, detections: list, hits: list, ground_truths: list,
                 matched: list) -> Markup:
    """One image: ground truths dashed (green matched, orange missed), detections solid
    (green true positive, red false positive) labelled with class and score."""
    dets = [(row, hit) for row, hit in zip(detections, hits) if row[0] == image]
    gts = [(row, hit) for row, hit in zip(ground_truths, matched) if row[0] == image]
    frame = _frame([row[3:] for row, _ in dets] + [row[2:] for row, _ in gts])
    body, labels = [], _Labels(frame)
    for row, hit in gts:
        box, classes = row[2:], "fig-gt " + ("fig-matched" if hit else "fig-missed")
        body.append(_rect(box, frame, classes, GREEN if hit else ORANGE, dashed=True))
        body.append(labels.at(min(box[0], box[2]) + 0.5 * frame.unit,  # bottom-left, inside
                              max(box[1], box[3]) - frame.unit, f"c{_num(row[1])}"))
    for row, hit in dets:
        classes = "fig-det " + ("fig-tp" if hit else "fig-fp")
        body.append(_rect(row[3:], frame, classes, GREEN if hit else RED))
        body.append(labels.top_left(row[3:], f"c{_num(row[1])} {_num(row[2], 3)}", inside=False))
    title = f"image {_num(image)}"
    return _panel(title, _svg(frame, f"{title}: detections and ground truths", body),
                  f"{_plural(len(dets), 'detection')}, {_plural(len(gts), 'ground truth')}")


def draw_detections(counterexample: dict) -> Markup | None:
    """One panel per image showing which detections matched which ground truths."""
    inputs = _inputs(counterexample)
    detections = _rows(inputs.get("detections"), 7)
    ground_truths = _rows(inputs.get("ground_truths"), 6)
    threshold = _number(inputs.get("iou_threshold"))
    if detections is None or ground_truths is None or threshold is None:
        return None
    if not detections and not ground_truths:
        return None
    hits, matched = match_detections(detections, ground_truths, threshold)
    images = sorted({row[0] for row in detections + ground_truths})
    panels = [_image_panel(image, detections, hits, ground_truths, matched)
              for image in images[:MAX_IMAGES]]
    tp, missed = sum(hits), matched.count(False)
    legend = _legend([
        ("fig-swatch-tp", f"{_plural(tp, 'true positive')} (solid green)"),
        ("fig-swatch-fp", f"{_plural(len(hits) - tp, 'false positive')} (solid red)"),
        ("fig-swatch-matched", "matched ground truth (dashed green)"),
        ("fig-swatch-missed", f"{_plural(missed, 'missed ground truth')} (dashed orange)")])
    notes = [f"Matched greedily by score at IoU ≥ {_num(threshold)}; labels give class and "
             f"score. Expected mAP {_brief(counterexample.get('expected'))}, "
             f"got {_brief(counterexample.get('got'))}."]
    if len(images) > MAX_IMAGES:
        notes.append(f"Showing {MAX_IMAGES} of {len(images)} images.")
    return _figure("detections", _panels(panels), legend, *map(_note, notes))


# ----- matrices (conv2d) --------------------------------------------------------------------

_MISSING = object()  # no expected cell at that place


def _at(rows: list, row: int, col: int):
    if row < len(rows) and isinstance(rows[row], list) and col < len(rows[row]):
        return rows[row][col]
    return _MISSING


def _differs(value, want) -> bool:
    """Outside the comparator's tolerance (1e-9 + 1e-6 |expected|), or nothing expected."""
    if want is _MISSING:
        return True
    have, want_number = _number(value), _number(want)
    if have is None or want_number is None:
        return value != want  # "nan" matches only "nan"
    return abs(have - want_number) > 1e-9 + 1e-6 * abs(want_number)


def _cell_text(value) -> str:
    """7 significant digits, enough to show any gap the comparator would refuse."""
    number = _number(value)
    return _num(number, 7) if number is not None else _brief(value, 12)


def _cell(value, expected: list | None, row: int, col: int) -> Markup:
    want = _MISSING if expected is None else _at(expected, row, col)
    if expected is None or not _differs(value, want):
        return Markup("<td>{}</td>").format(_cell_text(value))
    hint = "nothing expected here" if want is _MISSING else f"expected {_cell_text(want)}"
    return Markup('<td class="fig-diff" title="{}">{}</td>').format(hint, _cell_text(value))


def _shape(rows: list) -> str:
    widths = {len(row) for row in rows}
    if len(widths) > 1:
        return f"{len(rows)} rows of unequal length"
    return f"{len(rows)} × {max(widths, default=0)}"


def _table(title: str, rows: list, expected: list | None = None) -> Markup:
    """A matrix as an HTML table, cut to MAX_SIDE rows and columns; against `expected`,
    differing cells get the fig-diff class."""
    lines = []
    for r, row in enumerate(rows[:MAX_SIDE]):
        cells = (_cell(value, expected, r, c) for c, value in enumerate(row[:MAX_SIDE]))
        lines.append(Markup("<tr>{}</tr>").format(_join(cells)))
    caption = f"{title} ({_shape(rows)})"
    if len(rows) > MAX_SIDE or any(len(row) > MAX_SIDE for row in rows):
        caption += f", first {MAX_SIDE} rows and columns shown"
    return Markup('<table class="fig-matrix"><caption>{}</caption><tbody>{}</tbody></table>'
                  ).format(caption, _join(lines))


def draw_matrices(counterexample: dict) -> Markup | None:
    """Image, kernel, expected and returned output as tables, wrong cells highlighted."""
    inputs = _inputs(counterexample)
    image, kernel = _matrix(inputs.get("image")), _matrix(inputs.get("kernel"))
    expected = _matrix(counterexample.get("expected"))
    if image is None or kernel is None or expected is None:
        return None
    tables = [_table("image", image), _table("kernel", kernel), _table("expected", expected)]
    got = _matrix(counterexample.get("got"))
    notes = []
    if got is None:
        notes.append(_undrawable(counterexample.get("got"), "a 2-D array"))
    else:
        tables.append(_table("got", got, expected))
        if _shape(got) != _shape(expected):
            notes.append(_note(f"Shapes differ: expected {_shape(expected)}, got {_shape(got)}."))
    return _figure("matrices", Markup('<div class="fig-tables">{}</div>').format(_join(tables)),
                   *notes)


# ----- registry -----------------------------------------------------------------------------

FIGURES = {
    "box_pair": draw_box_pair,
    "nms_boxes": draw_nms_boxes,
    "detections": draw_detections,
    "matrices": draw_matrices,
}


def render_figure(kind: str | None, counterexample: dict | None) -> Markup | None:
    """The figure a challenge asks for, or None (the page then shows the text alone)."""
    drawer = FIGURES.get(kind) if isinstance(kind, str) else None
    if drawer is None or not isinstance(counterexample, dict):
        return None
    try:
        return drawer(counterexample)
    except Exception:  # a drawing must never break the result page
        log.exception("could not draw a %s figure", kind)
        return None
