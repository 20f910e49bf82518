"""Images as small heat maps: chosen inputs, the expected and the returned output.

For image-processing counterexamples (blur, resize, Sobel, pooling, ...): each 2-D array is
drawn as a grid of grey cells (dark = low, light = high, one scale per panel) with its value
on hover, and cells of the answer outside tolerance of the expected one get a red outline. A
3-D array (C, H, W) shows its first channel. Arrays larger than judge.display's limit arrive
as summaries and are named, not drawn.
"""
from markupsafe import Markup

from judge.figures import markup as m

MAX_CELLS = 24  # rows and columns drawn per panel


def _plane(value):
    """A 2-D list of finite numbers (the first channel of a 3-D one), and a caption note."""
    note = ""
    if isinstance(value, list) and value and all(isinstance(r, list) for r in value) \
            and all(isinstance(c, list) for r in value for c in r):
        note = f"channel 0 of {len(value)}"
        value = value[0]
    if not isinstance(value, list) or not value:
        return None, note
    width = len(value[0]) if isinstance(value[0], list) else -1
    rows = m.rows(value, width) if width > 0 else None
    return rows, note


def _grey(value: float, low: float, high: float) -> str:
    level = 0.5 if high == low else (value - low) / (high - low)
    shade = int(40 + 200 * level)
    return f"#{shade:02x}{shade:02x}{shade:02x}"


def heatmap(title: str, rows: list, expected: list | None = None, note: str = "") -> Markup:
    """One panel: a grid of cells coloured by value; mismatches against `expected` outlined."""
    shown = [row[:MAX_CELLS] for row in rows[:MAX_CELLS]]
    values = [v for row in shown for v in row]
    low, high = min(values), max(values)
    frame = m.Frame(0, 0, max(len(r) for r in shown), len(shown))
    body = []
    for y, row in enumerate(shown):
        for x, value in enumerate(row):
            want = m.at(expected, y, x) if expected is not None else m.MISSING
            wrong = expected is not None and m.differs(value, want)
            hint = m.cell_text(value) + ("" if not wrong else (
                " (nothing expected here)" if want is m.MISSING else
                f" (expected {m.cell_text(want)})"))
            body.append(Markup(
                '<rect class="fig-cell{}" x="{}" y="{}" width="1" height="1" fill="{}" '
                'stroke="{}" stroke-width="{}"><title>{}</title></rect>').format(
                    " fig-wrong" if wrong else "", x, y, _grey(value, low, high),
                    m.RED if wrong else "none", "0.12" if wrong else "0", hint))
    size = f"{len(rows)} × {len(rows[0])}"
    cut = len(rows) > MAX_CELLS or len(rows[0]) > MAX_CELLS
    caption = ", ".join(part for part in (
        size, note, f"first {MAX_CELLS} rows and columns" if cut else "",
        f"values {m.num(low)} to {m.num(high)}") if part)
    return m.panel(title, m.svg(frame, f"{title} as a heat map", body), caption)


def draw(counterexample: dict, *, inputs: tuple = ("image",)) -> Markup | None:
    """The named input arrays, then expected and got; `inputs` lists parameter names."""
    given = m.inputs(counterexample)
    panels = []
    for name in inputs:
        rows, note = _plane(given.get(name))
        if rows is not None:
            panels.append(heatmap(name, rows, note=note))
    expected, note = _plane(counterexample.get("expected"))
    if expected is None:
        return None
    panels.append(heatmap("expected", expected, note=note))
    got, got_note = _plane(counterexample.get("got"))
    notes = []
    if got is None:
        notes.append(m.undrawable(counterexample.get("got"), "an array of numbers"))
    else:
        panels.append(heatmap("got", got, expected, got_note))
        if m.shape(got) != m.shape(expected):
            notes.append(m.note(f"Shapes differ: expected {m.shape(expected)}, "
                                f"got {m.shape(got)}."))
    legend = m.legend([("fig-swatch-wrong", "outside tolerance of the expected value")])
    return m.figure("heatmaps", m.panels(panels), legend, *notes)
