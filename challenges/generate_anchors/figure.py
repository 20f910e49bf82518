"""Anchors counterexample: the map's locations as dots, and the anchors of the first location
whose rows differ, expected (solid green) against returned (dashed red where wrong)."""
from markupsafe import Markup

from judge.figures import markup as m

MAX_DOTS = 400  # locations drawn; a shrunk counterexample has far fewer


def _count(value) -> int | None:
    number = m.number(value)
    return int(number) if number is not None and number == int(number) and number >= 1 else None


def _first_wrong(expected: list, got: list | None, per_location: int) -> int:
    """The first location (row-major index) with a row missing or outside tolerance."""
    for index, want in enumerate(expected):
        have = got[index] if got is not None and index < len(got) else None
        if have is None or any(m.differs(h, w) for h, w in zip(have, want)):
            return index // per_location
    return 0


def _dot(x: float, y: float, frame: m.Frame, current: bool) -> Markup:
    radius = (1.2 if current else 0.6) * frame.unit
    return Markup('<circle class="fig-location" cx="{}" cy="{}" r="{}" fill="{}"/>').format(
        m.g(x), m.g(y), m.g(radius), m.BLUE if current else m.GREY)


def draw(counterexample: dict) -> Markup | None:
    """The anchors of the first wrong location on top of the grid of anchor positions."""
    given = m.inputs(counterexample)
    height, width, stride = (_count(given.get(name)) for name in
                             ("feature_height", "feature_width", "stride"))
    sizes, ratios = given.get("sizes"), given.get("aspect_ratios")
    expected = m.rows(counterexample.get("expected"), 4)
    if None in (height, width, stride) or not expected or not isinstance(sizes, list) \
            or not isinstance(ratios, list) or not sizes or not ratios:
        return None
    per_location = len(sizes) * len(ratios)
    got = m.rows(counterexample.get("got"), 4)
    location = _first_wrong(expected, got, per_location)
    row, col = divmod(location, width)
    first = location * per_location
    want = expected[first:first + per_location]
    have = got[first:first + per_location] if got is not None else []
    dots = [(x * stride, y * stride) for y in range(height) for x in range(width)][:MAX_DOTS]
    frame = m.frame(want + have + [[x, y, x, y] for x, y in dots])
    body = [_dot(x, y, frame, (x, y) == (col * stride, row * stride)) for x, y in dots]
    labels = m.Labels(frame)
    for a, box in enumerate(want):
        body.append(m.rect(box, frame, "fig-box fig-expected", m.GREEN))
        body.append(labels.top_left(box, f"#{a}", inside=False))
    for a, box in enumerate(have):
        wrong = a >= len(want) or any(m.differs(h, w) for h, w in zip(box, want[a]))
        if wrong:
            body.append(m.rect(box, frame, "fig-box fig-got fig-wrong", m.RED, dashed=True))
            body.append(m.label(max(box[0], box[2]) - 0.5 * frame.unit,
                                max(box[1], box[3]) - frame.unit, f"got #{a}", anchor="end"))
    title = f"location (y={row}, x={col}), rows {first} to {first + per_location - 1}"
    svg = m.svg(frame, f"Anchors at {title}", body)
    legend = m.legend([("fig-swatch-kept", "expected anchors (#a = base anchor)"),
                       ("fig-swatch-wrong", "returned anchors that differ (dashed)")])
    notes = [m.note(f"Dots are the {m.plural(height * width, 'location')} "
                    f"(x·stride, y·stride); the blue one is {title}.")]
    if got is None:
        notes.append(m.undrawable(counterexample.get("got"), "a list of (x1, y1, x2, y2) rows"))
    elif len(got) != len(expected):
        notes.append(m.note(f"Expected {len(expected)} rows, got {len(got)}."))
    return m.figure("anchors", m.panel("anchors", svg), legend, *notes)
