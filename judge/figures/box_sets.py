"""Sets of boxes drawn together, with the answer as tables (and, for box answers, drawn too).

For challenges whose inputs are whole arrays of boxes: `inputs` names them (each set gets its
own colour and index labels), and `answer` says what comes back: "table" for a matrix such as
pairwise IoUs (expected and returned tables, wrong cells marked), "boxes" for one box per row
such as decoded boxes (also drawn: expected solid green, returned rows that differ in red).
"""
from markupsafe import Markup

from judge.figures import markup as m

MAX_BOXES = 30  # boxes drawn per set; the tables show the first rows anyway
STYLES = ((m.BLUE, "fig-swatch-a"), (m.PURPLE, "fig-swatch-b"), (m.GREY, "fig-swatch-suppressed"))
ANSWERS = ("table", "boxes")


def _tag(name: str) -> str:
    """Label prefix of a set: `boxes_a` -> "a", so its boxes read a0, a1, ...; else none."""
    return name.rsplit("_", 1)[-1] if "_" in name else ""


def _count(n: int) -> str:
    return f"{n} box" if n == 1 else f"{n} boxes"


def _row_differs(row, want) -> bool:
    return want is None or len(row) != len(want) or any(m.differs(v, w) for v, w in zip(row, want))


def _box_marks(sets, expected, got, frame) -> list:
    body, labels = [], m.Labels(frame)
    for k, (name, boxes) in enumerate(sets):
        colour = STYLES[k % len(STYLES)][0]
        for i, box in enumerate(boxes[:MAX_BOXES]):
            body.append(m.rect(box, frame, "fig-box fig-input", colour,
                               dashed=expected is not None))
            body.append(labels.top_left(box, f"{_tag(name)}{i}"))
    for box in (expected or [])[:MAX_BOXES]:
        body.append(m.rect(box, frame, "fig-box fig-expected", m.GREEN))
    for i, box in enumerate((got or [])[:MAX_BOXES]):
        want = expected[i] if expected and i < len(expected) else None
        if box is not None and _row_differs(box, want):
            body.append(m.rect(box, frame, "fig-box fig-wrong", m.RED))
    return body


def draw(counterexample: dict, *, inputs: tuple = ("boxes",),
         answer: str = "table") -> Markup | None:
    """The input box sets in one picture, then the expected and the returned answer."""
    if answer not in ANSWERS:
        return None
    given = m.inputs(counterexample)
    sets = [(name, m.rows(given.get(name), 4)) for name in inputs]
    expected = m.matrix(counterexample.get("expected"))
    if not sets or any(boxes is None for _, boxes in sets) or expected is None:
        return None
    got_value = counterexample.get("got")
    got = m.matrix(got_value)
    drawn_expected = m.rows(expected, 4) if answer == "boxes" else None
    drawn_got = [m.row(r, 4) for r in got] if answer == "boxes" and got is not None else None
    everything = [box for _, boxes in sets for box in boxes[:MAX_BOXES]] + (drawn_expected or [])
    parts = []
    if everything:
        frame = m.frame(everything)
        body = _box_marks(sets, drawn_expected, drawn_got, frame)
        parts.append(m.svg(frame, "The input boxes" + (" with the expected and returned boxes"
                                                       if answer == "boxes" else ""), body))
    items = [(STYLES[k % len(STYLES)][1], f"{name}: {_count(len(boxes))}"
              + (f", first {MAX_BOXES} drawn" if len(boxes) > MAX_BOXES else ""))
             for k, (name, boxes) in enumerate(sets)]
    if drawn_expected is not None:
        items += [("fig-swatch-kept", "expected boxes"),
                  ("fig-swatch-wrong", "returned boxes that differ from the expected ones")]
    tables = [m.table("expected", expected)]
    notes = []
    if answer == "table" and len(sets) == 2:
        notes.append(m.note(f"Row i is {inputs[0]}[i], column j is {inputs[1]}[j]."))
    if got is None:
        notes.append(m.undrawable(got_value, "an array of rows"))
    else:
        tables.append(m.table("got", got, expected))
        if m.shape(got) != m.shape(expected):
            notes.append(m.note(f"Shapes differ: expected {m.shape(expected)}, "
                                f"got {m.shape(got)}."))
    parts += [m.legend(items), Markup('<div class="fig-tables">{}</div>').format(m.join(tables))]
    return m.figure("box-sets", *parts, *notes)
