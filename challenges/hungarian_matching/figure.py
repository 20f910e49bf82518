"""Assignment counterexample: the cost matrix twice, with an optimal assignment's cells and
the returned assignment's cells filled in; cells of a row or column used twice in red."""
import math

from markupsafe import Markup

from judge.figures import markup as m

MAX_SIDE = 12
PICK, CLASH = "#dafbe1", "#ffebe9"


def _pairs(value) -> list | None:
    """(row, column) whole numbers from untrusted JSON, or None."""
    if not isinstance(value, list):
        return None
    pairs = []
    for item in value:
        pair = m.row(item, 2)
        if pair is None or any(v != int(v) for v in pair):
            return None
        pairs.append((int(pair[0]), int(pair[1])))
    return pairs


def _total(cost: list, pairs: list) -> float | None:
    inside = [(r, c) for r, c in pairs if 0 <= r < len(cost) and 0 <= c < len(cost[0])]
    return math.fsum(cost[r][c] for r, c in inside) if len(inside) == len(pairs) else None


def _grid(title: str, cost: list, pairs: list) -> Markup:
    rows, cols = min(len(cost), MAX_SIDE), min(len(cost[0]), MAX_SIDE)
    used_rows = [r for r, _ in pairs]
    used_cols = [c for _, c in pairs]
    frame = m.Frame(-1, -1, cols + 1, rows + 1)
    body = []
    for c in range(cols):
        body.append(Markup('<text class="fig-label" x="{}" y="-0.3" text-anchor="middle" '
                           'font-size="0.28">{}</text>').format(c + 0.5, c))
    for r in range(rows):
        body.append(Markup('<text class="fig-label" x="-0.3" y="{}" text-anchor="end" '
                           'font-size="0.28">{}</text>').format(r + 0.65, r))
        for c in range(cols):
            picked = (r, c) in pairs
            clash = picked and (used_rows.count(r) > 1 or used_cols.count(c) > 1)
            fill = CLASH if clash else PICK if picked else "#ffffff"
            stroke = m.RED if clash else m.GREEN if picked else m.LIGHT
            body.append(Markup(
                '<rect class="fig-cell{}" x="{}" y="{}" width="1" height="1" fill="{}" '
                'stroke="{}" stroke-width="{}"/>').format(
                    " fig-pick" if picked else "", c, r, fill, stroke,
                    "0.08" if picked else "0.03"))
            body.append(Markup('<text class="fig-cell-label" x="{}" y="{}" text-anchor="middle" '
                               'font-size="0.32">{}</text>').format(
                                   c + 0.5, r + 0.62, m.num(cost[r][c], 4)))
    total = _total(cost, pairs)
    caption = (f"{m.plural(len(pairs), 'pair')}, total "
               f"{m.num(total, 10) if total is not None else 'undefined (a pair is out of range)'}")
    if len(cost) > MAX_SIDE or len(cost[0]) > MAX_SIDE:
        caption += f"; first {MAX_SIDE} rows and columns shown"
    return m.panel(title, m.svg(frame, f"{title}: chosen cells of the cost matrix", body),
                   caption)


def draw(counterexample: dict) -> Markup | None:
    """An optimal assignment and the returned one on the same cost matrix."""
    cost = m.matrix(m.inputs(counterexample).get("cost"))
    if not cost or not cost[0]:
        return None
    cost = m.rows(cost, len(cost[0]))
    expected = _pairs(counterexample.get("expected"))
    if cost is None or expected is None:
        return None
    panels = [_grid("an optimal assignment", cost, expected)]
    got = _pairs(counterexample.get("got"))
    notes = []
    if got is None:
        notes.append(m.undrawable(counterexample.get("got"), "a list of (row, column) pairs"))
    else:
        panels.append(_grid("your assignment", cost, got))
    legend = m.legend([("fig-swatch-kept", "chosen cell"),
                       ("fig-swatch-wrong", "row or column chosen more than once")])
    return m.figure("assignment", m.panels(panels), legend, *notes)
