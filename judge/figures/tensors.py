"""Tensors as heat maps: chosen inputs, then each part of the expected and returned answer.

For deep-learning counterexamples (losses, batch norm, gradients, attention), whose arrays
have up to four dimensions and whose answers are often tuples such as (y, mean, var). Each
array is drawn by one 2-D slice over its last two axes (a vector as one row): for an answer,
the slice where it first differs from the expected one, for an input the first. Cells are
grey by value (one scale per panel); NaN and infinities, the usual result of an overflow,
are drawn red and named on hover; answer cells outside tolerance get a red outline. A
number (a loss) is written out instead of drawn.
"""
import math

from markupsafe import Markup

from judge.figures import markup as m

MAX_CELLS = 16  # rows and columns drawn per panel
WRITTEN = 6  # slices this narrow show their values in the cells
MAX_DEPTH = 6
NON_FINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


class Tensor:
    """A rectangular array read from untrusted JSON: its shape and its cells in row-major
    order, each a float (NaN and infinities included)."""

    def __init__(self, shape: tuple, cells: list):
        self.shape, self.cells = shape, cells

    @classmethod
    def read(cls, value) -> "Tensor | None":
        """A Tensor, or None for anything that is not a non-empty rectangular array."""
        if not isinstance(value, list):
            return None
        shape, cells = [], []
        if not _flatten(value, 0, shape, cells) or not cells:
            return None
        return cls(tuple(shape), cells)

    def plane(self, index: int) -> list:
        """Slice `index` over the leading axes, as rows of the last two axes."""
        cols = self.shape[-1]
        rows = self.shape[-2] if len(self.shape) > 1 else 1
        start = index * rows * cols
        return [self.cells[start + r * cols:start + (r + 1) * cols] for r in range(rows)]

    @property
    def plane_size(self) -> int:
        return (self.shape[-2] if len(self.shape) > 1 else 1) * self.shape[-1]

    def where(self, index: int) -> str:
        """The leading indices of plane `index`, e.g. "[0, 2]" of shape (2, 3, 4, 4)."""
        lead, parts = self.shape[:-2], []
        for size in reversed(lead):
            parts.append(index % size)
            index //= size
        return "[" + ", ".join(str(p) for p in reversed(parts)) + "]"


def _flatten(value, depth: int, shape: list, cells: list) -> bool:
    """Append `value`'s cells; False when it is ragged, too deep or holds non-numbers."""
    if not isinstance(value, list):
        if depth != len(shape):
            return False
        cell = _cell(value)
        if cell is None:
            return False
        cells.append(cell)
        return True
    if depth >= MAX_DEPTH:
        return False
    if depth == len(shape):
        shape.append(len(value))
    elif shape[depth] != len(value):
        return False
    return all(_flatten(item, depth + 1, shape, cells) for item in value)


def _cell(value) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        return NON_FINITE.get(value)
    if isinstance(value, (int, float)):
        try:
            return float(value)
        except OverflowError:
            return math.inf if value > 0 else -math.inf
    return None


def _text(value) -> str:
    """A number in full (a loss may differ in its sixth digit), else a short description."""
    cell = _cell(value) if not isinstance(value, list) else None
    return repr(cell) if cell is not None else m.brief(value, 40)


def _close(value: float, want: float) -> bool:
    """Within the comparators' default tolerance; infinities only equal to themselves."""
    if math.isnan(value) or math.isnan(want) or math.isinf(want) or math.isinf(value):
        return value == want
    return abs(value - want) <= 1e-9 + 1e-6 * abs(want)


def _first_difference(got: Tensor, expected: Tensor) -> int:
    """The plane holding the first cell outside tolerance (0 when none or shapes differ)."""
    if got.shape != expected.shape:
        return 0
    for position, (value, want) in enumerate(zip(got.cells, expected.cells)):
        if not _close(value, want):
            return position // expected.plane_size
    return 0


def _grey(value: float, low: float, high: float) -> tuple[str, str]:
    """The cell's fill and a readable text colour on it."""
    level = 0.5 if high == low else (value - low) / (high - low)
    shade = int(40 + 200 * level)
    return f"#{shade:02x}{shade:02x}{shade:02x}", "#000000" if shade > 140 else "#ffffff"


def _range(*planes) -> tuple:
    finite = [v for rows in planes for row in rows[:MAX_CELLS] for v in row[:MAX_CELLS]
              if math.isfinite(v)] or [0.0]
    return min(finite), max(finite)


def _short(value: float) -> str:
    return m.num(value, 3) if math.isfinite(value) else str(value)


def heatmap(title: str, rows: list, expected: list | None, caption: str,
            scale: tuple | None = None) -> Markup:
    """One slice as a grid of cells; non-finite cells red; mismatches against `expected`
    outlined; grey levels span `scale` (low, high), by default the slice's own range.
    Slices of at most WRITTEN columns carry their values in the cells."""
    shown = [row[:MAX_CELLS] for row in rows[:MAX_CELLS]]
    low, high = scale or _range(rows)
    written = len(shown[0]) <= WRITTEN
    body = []
    for y, row in enumerate(shown):
        for x, value in enumerate(row):
            want = expected[y][x] if expected is not None else None
            wrong = want is not None and not _close(value, want)
            hint = m.num(value, 7) if math.isfinite(value) else str(value)
            if wrong:
                hint += f" (expected {m.num(want, 7) if math.isfinite(want) else want})"
            fill, ink = _grey(value, low, high) if math.isfinite(value) else (m.RED, "#ffffff")
            body.append(Markup(
                '<rect class="fig-cell{}" x="{}" y="{}" width="1" height="1" fill="{}" '
                'stroke="{}" stroke-width="{}"><title>{}</title></rect>').format(
                    " fig-wrong" if wrong else "", x, y, fill,
                    m.RED if wrong else m.LIGHT, "0.12" if wrong else "0.02", hint))
            if written:
                body.append(Markup(
                    '<text class="fig-cell-label" x="{}" y="{}" text-anchor="middle" '
                    'font-size="0.24" fill="{}">{}</text>').format(x + 0.5, y + 0.6, ink,
                                                                  _short(value)))
    if len(rows) > MAX_CELLS or len(rows[0]) > MAX_CELLS:
        caption += f", first {MAX_CELLS} rows and columns"
    caption += f", values {m.num(low)} to {m.num(high)}"
    frame = m.Frame(0, 0, max(len(r) for r in shown), len(shown))
    return m.panel(title, m.svg(frame, f"{title} as a heat map", body), caption)


def _caption(tensor: Tensor, index: int) -> str:
    shape = " × ".join(str(n) for n in tensor.shape)
    if len(tensor.shape) == 1:
        return m.plural(tensor.shape[0], "value")
    if len(tensor.shape) == 2:
        return shape
    return f"slice {tensor.where(index)} of {shape}"


def _shape_text(tensor: Tensor) -> str:
    return " × ".join(str(n) for n in tensor.shape)


class Answer:
    """One answer (or one item of a tuple answer): what to draw and what to say about it."""

    def __init__(self, name: str, want, have):
        self.name, self.want, self.have = name, want, have
        self.expected = None if _is_number(want) else Tensor.read(want)
        self.got = None if have is m.MISSING or self.expected is None else Tensor.read(have)
        self.same_shape = self.got is not None and self.got.shape == self.expected.shape
        self.index = _first_difference(self.got, self.expected) if self.same_shape else 0

    @property
    def right(self) -> bool:
        if _is_number(self.want):
            cell = _cell(self.have) if not isinstance(self.have, list) else None
            return cell is not None and _close(cell, float(self.want))
        return self.same_shape and all(
            _close(g, w) for g, w in zip(self.got.cells, self.expected.cells))

    def panels(self) -> list:
        if self.expected is None:
            return []
        want = self.expected.plane(self.index)
        if not self.same_shape:
            panels = [heatmap(f"{self.name}, expected", want, None,
                              _caption(self.expected, self.index))]
            if self.got is not None:
                panels.append(heatmap(f"{self.name}, got", self.got.plane(0), None,
                                      _caption(self.got, 0)))
            return panels
        have = self.got.plane(self.index)
        scale = _range(want, have)
        return [heatmap(f"{self.name}, expected", want, None,
                        _caption(self.expected, self.index), scale),
                heatmap(f"{self.name}, got", have, want, _caption(self.got, self.index),
                        scale)]

    def notes(self) -> list:
        if _is_number(self.want):
            if self.have is m.MISSING:
                return []
            return [m.note(f"{self.name}: expected {_text(self.want)}, got "
                           f"{_text(self.have)}.")]
        if self.expected is None or self.have is m.MISSING:
            return []
        if self.got is None:
            return [m.undrawable(self.have, f"an array for {self.name}")]
        if not self.same_shape:
            return [m.note(f"{self.name}: expected shape {_shape_text(self.expected)}, "
                           f"got {_shape_text(self.got)}.")]
        return []


def _is_number(value) -> bool:
    return m.number(value) is not None


def draw(counterexample: dict, *, inputs: tuple = (), outputs: tuple | None = None
         ) -> Markup | None:
    """The named inputs, then the answer; `outputs` names the items of a tuple answer.

    Of a tuple answer only the wrong items are drawn (all of them when the answer is not a
    tuple of the right length); an input of the same shape as the first wrong item is
    shown at the same slice.
    """
    given = m.inputs(counterexample)
    expected, got = counterexample.get("expected"), counterexample.get("got")
    notes = []
    if outputs:
        if not isinstance(expected, list) or len(expected) != len(outputs):
            return None
        items = got if isinstance(got, list) and len(got) == len(outputs) else None
        answers = [Answer(name, want, items[k] if items else m.MISSING)
                   for k, (name, want) in enumerate(zip(outputs, expected))]
        if items is None:
            notes.append(m.undrawable(got, f"a tuple of {len(outputs)} items"))
        else:
            right = [a.name for a in answers if a.right]
            answers = [a for a in answers if not a.right] or answers
            if right and len(right) < len(outputs):
                notes.append(m.note(f"{', '.join(right)}: as expected."))
    else:
        answers = [Answer("answer", expected, got)]
    focus = next((a for a in answers if a.same_shape), None)
    panels = []
    for name in inputs:
        tensor = Tensor.read(given.get(name))
        if tensor is not None:
            index = focus.index if focus and tensor.shape == focus.expected.shape else 0
            panels.append(heatmap(name, tensor.plane(index), None, _caption(tensor, index)))
    said = [note for answer in answers for note in answer.notes()]
    for answer in answers:
        panels += answer.panels()
    notes = said + notes
    if not panels:  # nothing to draw: the page's text says it all
        return None
    legend = m.legend([("fig-swatch-wrong", "outside tolerance of the expected value, "
                                            "or not a finite number")])
    return m.figure("tensors", m.panels(panels), legend, *notes)
