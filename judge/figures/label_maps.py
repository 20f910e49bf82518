"""Label images and masks as coloured grids: input mask, expected labels, returned labels.

For connected components and other exact integer outputs: 0 is background (white), every
other label gets a colour from a fixed palette with its number written in the cell, and cells
whose returned label differs from the expected one are outlined in red.
"""
from markupsafe import Markup

from judge.figures import markup as m

MAX_CELLS = 20
PALETTE = ("#0969da", "#1a7f37", "#bc4c00", "#8250df", "#bf3989", "#1b7c83", "#9a6700",
           "#57606a", "#cf222e", "#0550ae", "#116329", "#953800")


def _labels(value):
    """A 2-D list of whole numbers (bools count as 0/1), else None."""
    if not isinstance(value, list) or not value or not isinstance(value[0], list):
        return None
    width = len(value[0])
    rows = []
    for row in value:
        if not isinstance(row, list) or len(row) != width:
            return None
        cells = []
        for cell in row:
            number = float(cell) if isinstance(cell, bool) else m.number(cell)
            if number is None or number != int(number):
                return None
            cells.append(int(number))
        rows.append(cells)
    return rows


def _colour(label: int) -> str:
    return "#ffffff" if label == 0 else PALETTE[(label - 1) % len(PALETTE)]


def label_map(title: str, rows: list, expected: list | None = None) -> Markup:
    shown = [row[:MAX_CELLS] for row in rows[:MAX_CELLS]]
    frame = m.Frame(0, 0, max(len(r) for r in shown), len(shown))
    body = []
    for y, row in enumerate(shown):
        for x, label in enumerate(row):
            want = m.at(expected, y, x) if expected is not None else m.MISSING
            wrong = expected is not None and (want is m.MISSING or want != label)
            body.append(Markup(
                '<rect class="fig-cell{}" x="{}" y="{}" width="1" height="1" fill="{}" '
                'stroke="{}" stroke-width="{}"/>').format(
                    " fig-wrong" if wrong else "", x, y, _colour(label),
                    m.RED if wrong else m.LIGHT, "0.12" if wrong else "0.03"))
            if label:
                body.append(Markup(
                    '<text class="fig-cell-label" x="{}" y="{}" text-anchor="middle" '
                    'font-size="0.45" fill="#ffffff">{}</text>').format(x + 0.5, y + 0.65, label))
    cut = len(rows) > MAX_CELLS or len(rows[0]) > MAX_CELLS
    caption = f"{len(rows)} × {len(rows[0])}" + (
        f", first {MAX_CELLS} rows and columns" if cut else "")
    return m.panel(title, m.svg(frame, f"{title}: labels by colour", body), caption)


def draw(counterexample: dict, *, inputs: tuple = ("mask",)) -> Markup | None:
    """The named input masks, then the expected and the returned label images."""
    given = m.inputs(counterexample)
    panels = [label_map(name, rows) for name in inputs
              if (rows := _labels(given.get(name))) is not None]
    expected = _labels(counterexample.get("expected"))
    if expected is None:
        return None
    panels.append(label_map("expected", expected))
    got = _labels(counterexample.get("got"))
    notes = []
    if got is None:
        notes.append(m.undrawable(counterexample.get("got"), "a 2-D array of whole numbers"))
    else:
        panels.append(label_map("got", got, expected))
        if m.shape(got) != m.shape(expected):
            notes.append(m.note(f"Shapes differ: expected {m.shape(expected)}, "
                                f"got {m.shape(got)}."))
    legend = m.legend([("fig-swatch-wrong", "label differs from the expected one")])
    return m.figure("label-maps", m.panels(panels), legend, *notes)
