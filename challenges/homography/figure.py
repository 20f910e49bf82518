"""homography's counterexample figure: where the two matrices send the graded points.

Left, the src points (numbered) and the twelve check points inside their hull; right, the
dst points, where the expected H sends every check point (blue rings) and where the answer
sends it (purple dots, red with a line from the expected place when it is off by more than
the tolerance). The check points and the tolerance are the comparator's own (compare.py).
"""
import importlib.util
from pathlib import Path

import numpy as np
from markupsafe import Markup

from judge.figures import markup as m

_spec = importlib.util.spec_from_file_location("cvjudge_homography_figure_compare",
                                               Path(__file__).with_name("compare.py"))
compare = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare)

FAR = 4.0  # answer points further than this many picture widths away are not drawn


def _frame(points) -> m.Frame:
    return m.frame([[x, y, x, y] for x, y in points])


def _dot(point, frame: m.Frame, colour: str, classes: str, size: float = 1.2,
         ring: bool = False) -> Markup:
    return Markup('<circle class="{}" cx="{}" cy="{}" r="{}" fill="{}" stroke="{}"/>').format(
        classes, m.g(point[0]), m.g(point[1]), m.g(size * frame.unit),
        "none" if ring else colour, colour)


def _numbered(points, frame: m.Frame, colour: str) -> list:
    body = []
    for k, point in enumerate(points):
        body.append(_dot(point, frame, colour, "fig-point", 1.6))
        body.append(m.label(point[0] + 2 * frame.unit, point[1] - 2 * frame.unit, str(k)))
    return body


def _source(src) -> Markup:
    frame = _frame(src)
    body = [_dot(p, frame, m.GREY, "fig-check-point", 0.8)
            for p in compare.check_points(src)[4:]]
    body += _numbered(src, frame, m.BLUE)
    return m.panel("src", m.svg(frame, "The src points and the check points inside them", body),
                   "check points inside the hull in grey")


def _destination(dst, want, have, bad) -> tuple[Markup, int]:
    extent = _frame(np.vstack([dst, want]))
    reach = FAR * max(extent.width, extent.height)
    centre = np.array([extent.x + extent.width / 2, extent.y + extent.height / 2])
    near = np.isfinite(have).all(axis=1) & (np.abs(have - centre).max(axis=1) <= reach)
    frame = _frame(np.vstack([dst, want, have[near]]))
    body = [_dot(p, frame, m.BLUE, "fig-expected-point", 1.4, ring=True) for p in want]
    for k in np.flatnonzero(near):
        if bad[k]:
            body.append(Markup('<line class="fig-miss" x1="{}" y1="{}" x2="{}" y2="{}" '
                               'stroke="{}"/>').format(m.g(want[k][0]), m.g(want[k][1]),
                                                       m.g(have[k][0]), m.g(have[k][1]),
                                                       m.RED))
        body.append(_dot(have[k], frame, m.RED if bad[k] else m.PURPLE,
                         "fig-got-point" + (" fig-wrong" if bad[k] else ""), 0.8))
    body += _numbered(dst, frame, m.BLUE)
    svg = m.svg(frame, "The dst points, and where the expected and the returned matrices "
                       "send the check points", body)
    return m.panel("dst", svg, f"{int(bad.sum())} of {len(bad)} points off"), int((~near).sum())


def draw(counterexample: dict) -> Markup | None:
    inputs = m.inputs(counterexample)
    src, dst = m.rows(inputs.get("src"), 2), m.rows(inputs.get("dst"), 2)
    expected = m.rows(counterexample.get("expected"), 3)
    if not src or not dst or len(src) != 4 or len(dst) != 4 or expected is None \
            or len(expected) != 3:
        return None
    src, dst, expected = np.array(src), np.array(dst), np.array(expected)
    got = m.rows(counterexample.get("got"), 3)
    panels, notes = [_source(src)], []
    if got is None or len(got) != 3:
        notes.append(m.undrawable(counterexample.get("got"), "a 3 x 3 matrix of numbers"))
    else:
        points = compare.check_points(src)
        want, have = compare.mapped(expected, points), compare.mapped(np.array(got), points)
        panel, unseen = _destination(dst, want, have, compare.misplaced(expected, got, src))
        panels.append(panel)
        if unseen:
            notes.append(m.note(f"{m.plural(unseen, 'point')} of the answer land far outside "
                                "the picture (or at infinity) and are not drawn."))
    legend = m.legend([("fig-swatch-a", "given points; rings: where the expected H sends "
                                        "the check points"),
                       ("fig-swatch-b", "where the returned H sends them"),
                       ("fig-swatch-wrong", "more than 1e-6 × max(1, |point|) off")])
    return m.figure("homography", m.panels(panels), legend, *notes)
