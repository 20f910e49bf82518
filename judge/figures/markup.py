"""Shared pieces for the counterexample drawers: reading untrusted JSON, text, markup, SVG.

A counterexample's `got` comes from untrusted code and can be any JSON, so every reader here
returns None rather than raising when a value is not what a drawer wants, and every piece of
text goes through markupsafe. Nothing needs a script or an inline style (the CSP forbids
both): SVG presentation attributes carry the colours and `fig-*` classes, styled in
web/static/figures.css, do the rest.
"""
import math
from dataclasses import dataclass

from markupsafe import Markup

from judge.literal import python_literal

MAX_SIDE = 12  # rows and columns shown per matrix table
SVG_NS = "http://www.w3.org/2000/svg"

BLUE, PURPLE, GREEN = "#0969da", "#8250df", "#1a7f37"
RED, ORANGE, GREY, LIGHT = "#cf222e", "#bc4c00", "#8c959f", "#d0d7de"


# ----- reading untrusted JSON ------------------------------------------------------------------

def number(value) -> float | None:
    """A finite float, else None: bools, "nan" strings, lists and huge ints cannot be drawn."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


def row(value, length: int) -> list | None:
    """`length` finite numbers, or None."""
    if not isinstance(value, list) or len(value) != length:
        return None
    numbers = [number(item) for item in value]
    return None if None in numbers else numbers


def rows(value, length: int) -> list | None:
    """Every item as a row of `length` numbers, or None: half a set of boxes would mislead."""
    if not isinstance(value, list):
        return None
    rows = [row(item, length) for item in value]
    return None if any(row is None for row in rows) else rows


def indices(value, count: int) -> list | None:
    """A list of whole numbers naming boxes 0..count-1, or None."""
    if not isinstance(value, list):
        return None
    numbers = [number(item) for item in value]
    if any(n is None or n != int(n) or not 0 <= n < count for n in numbers):
        return None
    return [int(n) for n in numbers]


def matrix(value) -> list | None:
    """A list of lists (ragged allowed, cells anything), or None."""
    if isinstance(value, list) and all(isinstance(row, list) for row in value):
        return value
    return None


def is_summary(value) -> bool:
    """judge.display's stand-in for an array or list too large to show."""
    return isinstance(value, dict) and "summary" in value


def inputs(counterexample: dict) -> dict:
    inputs = counterexample.get("inputs")
    return inputs if isinstance(inputs, dict) else {}


# ----- text ---------------------------------------------------------------------------------

def num(value: float, digits: int = 6) -> str:
    """A number short enough for a label: 4.0 -> "4", 0.14285714 -> "0.142857"."""
    return f"{value:.{digits}g}"


# `got` as drawers see it when the call crashed or ran out of time: a summary, which every
# drawer already treats as undrawable, that reads "no answer"
NO_ANSWER = {"summary": "no answer", "shape": [], "head": []}


def brief(value, limit: int = 60) -> str:
    """Any JSON value on one short line, to say what an undrawable answer was."""
    if is_summary(value):
        text = str(value["summary"])
    else:
        try:
            text = python_literal(value, 4 * limit)
        except RecursionError:
            text = type(value).__name__
    return text if len(text) <= limit else text[:limit - 1] + "…"


def box_text(box: list) -> str:
    return "(" + ", ".join(num(v) for v in box) + ")"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


# ----- markup pieces ------------------------------------------------------------------------

def join(parts) -> Markup:
    return Markup("").join(parts)


def figure(kind: str, *parts) -> Markup:
    return Markup('<figure class="fig fig-{}">{}</figure>').format(kind, join(parts))


def note(text: str) -> Markup:
    return Markup('<p class="fig-note">{}</p>').format(text)


def legend(items) -> Markup:
    """A list of (swatch class, text); the swatch is a CSS-coloured square."""
    lines = (Markup('<li><span class="fig-swatch {}"></span>{}</li>').format(swatch, text)
             for swatch, text in items)
    return Markup('<ul class="fig-legend">{}</ul>').format(join(lines))


def undrawable(got, wanted: str) -> Markup:
    if got is NO_ANSWER:
        return note("The code gave no answer for this input (see the message), so only the "
                    "expected answer is drawn.")
    reason = "too large to draw" if is_summary(got) else f"not {wanted}"
    return note(f"The answer {brief(got)} could not be drawn: it is {reason}.")


def panel(title: str, svg: Markup, caption: str = "") -> Markup:
    tail = Markup('<p class="fig-caption">{}</p>').format(caption) if caption else ""
    return Markup('<div class="fig-panel"><p class="fig-panel-title">{}</p>{}{}</div>').format(
        title, svg, tail)


def panels(panels) -> Markup:
    return Markup('<div class="fig-panels">{}</div>').format(join(panels))


# ----- SVG ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Frame:
    """The viewBox around some boxes; text and strokes scale with it so any units look alike."""
    x: float
    y: float
    width: float
    height: float

    @property
    def unit(self) -> float:
        return max(self.width, self.height) / 100


def frame(boxes: list) -> Frame:
    """Fit every box (x1, y1, x2, y2 in any corner order) with a margin for labels."""
    xs = [v for box in boxes for v in (box[0], box[2])]
    ys = [v for box in boxes for v in (box[1], box[3])]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0  # one point still gets a frame
    margin = 0.12 * span
    return Frame(min(xs) - margin, min(ys) - margin, max(xs) - min(xs) + 2 * margin,
                  max(ys) - min(ys) + 2 * margin)


def g(value: float) -> str:
    """A coordinate for an SVG attribute: precise, but no float noise."""
    return f"{value:.10g}"


def svg(frame: Frame, label: str, body) -> Markup:
    return Markup(
        '<svg xmlns="{}" class="fig-svg" viewBox="{} {} {} {}" role="img" aria-label="{}" '
        'font-size="{}" stroke-width="{}" font-family="sans-serif"><title>{}</title>{}</svg>'
    ).format(SVG_NS, g(frame.x), g(frame.y), g(frame.width), g(frame.height), label,
             g(4 * frame.unit), g(0.5 * frame.unit), label, join(body))


def extent(box: list, frame: Frame, grow: float = 0.0) -> tuple:
    """x, y, width, height of a box drawn between its corners (x2 < x1 too), at least a
    little wide so a zero-area box stays visible; `grow` pads it on every side."""
    least = 0.8 * frame.unit
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    x = min(box[0], box[2]) - grow - max(0.0, least - width) / 2
    y = min(box[1], box[3]) - grow - max(0.0, least - height) / 2
    return x, y, max(width, least) + 2 * grow, max(height, least) + 2 * grow


def rect(box: list, frame: Frame, classes: str, stroke: str, *, fill: str = "none",
          dashed: bool = False, grow: float = 0.0) -> Markup:
    if box[0] == box[2] or box[1] == box[3]:
        classes += " fig-degenerate"
    x, y, width, height = extent(box, frame, grow)
    dash = Markup(' stroke-dasharray="{0} {0}"').format(g(1.5 * frame.unit)) if dashed else ""
    return Markup('<rect class="{}" x="{}" y="{}" width="{}" height="{}" fill="{}" '
                  'stroke="{}"{}/>').format(classes, g(x), g(y), g(width), g(height),
                                            fill, stroke, dash)


def label(x: float, y: float, text: str, anchor: str = "start") -> Markup:
    return Markup('<text class="fig-label" x="{}" y="{}" text-anchor="{}">{}</text>').format(
        g(x), g(y), anchor, text)


MAX_FAN = 6  # copies of one box drawn apart; later copies share the last offset


def copies(boxes: list) -> list:
    """For each box, how many identical boxes come before it (0 for the first of its kind)."""
    seen, counts = {}, []
    for box in boxes:
        key = tuple(box)
        counts.append(seen.get(key, 0))
        seen[key] = counts[-1] + 1
    return counts


def fanned(box: list, copy: int, frame: Frame) -> list:
    """Where to draw the `copy`-th duplicate of a box: shifted down-right a step per copy,
    so identical boxes read as a stack instead of one outline."""
    step = 1.6 * frame.unit * min(copy, MAX_FAN)
    return [box[0] + step, box[1] + step, box[2] + step, box[3] + step]


def zero_area(box: list) -> bool:
    return box[0] == box[2] or box[1] == box[3]


def zero_area_mark(box: list, frame: Frame, stroke: str) -> Markup:
    """A small cross on a zero-area box (a point or a segment), which no outline shows."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    r = 1.2 * frame.unit
    return Markup('<path class="fig-zero-area" d="M{} {}L{} {}M{} {}L{} {}" stroke="{}"/>').format(
        g(cx - r), g(cy - r), g(cx + r), g(cy + r), g(cx - r), g(cy + r), g(cx + r), g(cy - r),
        stroke)


def spread_frame(boxes: list) -> Frame:
    """`frame(boxes)` grown to hold the fanned-out copies of identical boxes too."""
    base = frame(boxes)
    most = min(max(copies(boxes), default=0), MAX_FAN)
    if not most:
        return base
    extra = 1.6 * base.unit * most
    return Frame(base.x, base.y, base.width + extra, base.height + extra)


class Labels:
    """Places box labels, moving one down a line while it would overprint an earlier one
    (boxes sharing a corner are common in shrunk counterexamples)."""

    def __init__(self, frame: Frame):
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
        return label(x, y, text)

    def top_left(self, box: list, text: str, inside: bool = True) -> Markup:
        """At a box's top-left corner, inside it or just above it."""
        x, y = min(box[0], box[2]), min(box[1], box[3])
        return self.at(x + 0.5 * self.unit, y + (4 if inside else -1) * self.unit, text)



# ----- tables -------------------------------------------------------------------------------

MISSING = object()  # no expected cell at that place


def at(rows: list, row: int, col: int):
    if row < len(rows) and isinstance(rows[row], list) and col < len(rows[row]):
        return rows[row][col]
    return MISSING


def differs(value, want) -> bool:
    """Outside the comparator's tolerance (1e-9 + 1e-6 |expected|), or nothing expected."""
    if want is MISSING:
        return True
    have, want_number = number(value), number(want)
    if have is None or want_number is None:
        return value != want  # "nan" matches only "nan"
    return abs(have - want_number) > 1e-9 + 1e-6 * abs(want_number)


def cell_text(value) -> str:
    """7 significant digits, enough to show any gap the comparator would refuse."""
    found = number(value)
    return num(found, 7) if found is not None else brief(value, 12)


def cell(value, expected: list | None, row: int, col: int) -> Markup:
    want = MISSING if expected is None else at(expected, row, col)
    if expected is None or not differs(value, want):
        return Markup("<td>{}</td>").format(cell_text(value))
    hint = "nothing expected here" if want is MISSING else f"expected {cell_text(want)}"
    return Markup('<td class="fig-diff" title="{}">{}</td>').format(hint, cell_text(value))


def shape(rows: list) -> str:
    widths = {len(row) for row in rows}
    if len(widths) > 1:
        return f"{len(rows)} rows of unequal length"
    return f"{len(rows)} × {max(widths, default=0)}"


def table(title: str, rows: list, expected: list | None = None) -> Markup:
    """A matrix as an HTML table, cut to MAX_SIDE rows and columns; against `expected`,
    differing cells get the fig-diff class."""
    lines = []
    for r, row in enumerate(rows[:MAX_SIDE]):
        cells = (cell(value, expected, r, c) for c, value in enumerate(row[:MAX_SIDE]))
        lines.append(Markup("<tr>{}</tr>").format(join(cells)))
    caption = f"{title} ({shape(rows)})"
    if len(rows) > MAX_SIDE or any(len(row) > MAX_SIDE for row in rows):
        caption += f", first {MAX_SIDE} rows and columns shown"
    return Markup('<table class="fig-matrix"><caption>{}</caption><tbody>{}</tbody></table>'
                  ).format(caption, join(lines))
