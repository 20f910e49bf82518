"""RoI Align counterexample: the feature map with the first wrong box, its bins and its sample
points (green on the map, red off it and so contributing 0), then that box's expected and
returned output, one channel, as heat maps."""
from markupsafe import Markup

from judge.figures import markup as m
from judge.figures.heatmaps import heatmap
from judge.geometry import roi_grid, sample_positions

MAX_SAMPLES = 24  # per axis; more would be a smear of dots


def _grid3(value):
    """A (C, H, W) list of finite numbers, or None."""
    if not isinstance(value, list) or not value or not all(isinstance(p, list) and p for p in value):
        return None
    width = len(value[0][0]) if isinstance(value[0][0], list) else 0
    planes = [m.rows(p, width) for p in value]
    return None if width == 0 or None in planes or len({len(p) for p in planes}) != 1 else planes


def _outputs(value, k: int, channels: int):
    """Box k's (C, PH, PW) output as lists of rows, or None."""
    if not isinstance(value, list) or k >= len(value):
        return None
    planes = _grid3(value[k])
    return planes if planes is not None and len(planes) == channels else None


def _first_wrong(expected, got, count: int, channels: int) -> tuple:
    """(box, channel) of the first output plane that differs (or is missing)."""
    for k in range(count):
        want = _outputs(expected, k, channels)
        have = _outputs(got, k, channels)
        for c in range(channels):
            if have is None or m.shape(have[c]) != m.shape(want[c]) or any(
                    m.differs(h, w) for hr, wr in zip(have[c], want[c]) for h, w in zip(hr, wr)):
                return k, c
    return 0, 0


def _map_panel(plane: list, roi, size, scale, ratio, aligned) -> Markup:
    height, width = len(plane), len(plane[0])
    (sy, rh, gh), (sx, rw, gw) = roi_grid(roi, size, scale, ratio, aligned)
    ys = sample_positions(sy, rh, size[0], min(gh, MAX_SAMPLES))
    xs = sample_positions(sx, rw, size[1], min(gw, MAX_SAMPLES))
    box = [sx, sy, sx + rw, sy + rh]
    frame = m.frame([[-0.5, -0.5, width - 0.5, height - 0.5], box] + [[x, y, x, y] for x in xs for y in ys])
    values = [v for row in plane for v in row]
    low, high = min(values), max(values)
    body = []
    for y, row in enumerate(plane):  # value f[y][x] sits at the point (x, y)
        for x, value in enumerate(row):
            shade = 0.5 if high == low else (value - low) / (high - low)
            grey = int(120 + 120 * shade)
            body.append(Markup('<rect class="fig-cell" x="{}" y="{}" width="1" height="1" '
                               'fill="#{:02x}{:02x}{:02x}"><title>{}</title></rect>').format(
                x - 0.5, y - 0.5, grey, grey, grey, f"f[{y}][{x}] = {m.num(value)}"))
    body.append(m.rect(box, frame, "fig-box fig-roi", m.BLUE))
    for p in range(1, size[0]):
        y = sy + p * rh / size[0]
        body.append(Markup('<line class="fig-bin" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>')
                    .format(m.g(box[0]), m.g(y), m.g(box[2]), m.g(y), m.BLUE))
    for p in range(1, size[1]):
        x = sx + p * rw / size[1]
        body.append(Markup('<line class="fig-bin" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>')
                    .format(m.g(x), m.g(box[1]), m.g(x), m.g(box[3]), m.BLUE))
    for y in ys:
        for x in xs:
            off = y < -1 or y > height or x < -1 or x > width
            body.append(Markup('<circle class="fig-sample" cx="{}" cy="{}" r="{}" fill="{}"/>')
                        .format(m.g(x), m.g(y), m.g(0.8 * frame.unit), m.RED if off else m.GREEN))
    caption = (f"box from ({m.num(sx)}, {m.num(sy)}), {m.num(rw)} × {m.num(rh)} cells; "
               f"{gh} × {gw} samples per bin")
    return m.panel("feature map and sample points",
                   m.svg(frame, "The box, its bins and its sample points on the feature map", body),
                   caption)


def draw(counterexample: dict) -> Markup | None:
    """The first box whose output differs, on the map and as expected and returned outputs."""
    given = m.inputs(counterexample)
    features = _grid3(given.get("features"))
    boxes = m.rows(given.get("rois"), 4)
    size = m.row(given.get("output_size"), 2)
    scale, ratio = m.number(given.get("spatial_scale")), m.number(given.get("sampling_ratio"))
    aligned = given.get("aligned")
    if features is None or not boxes or size is None or scale is None or ratio is None \
            or not isinstance(aligned, bool) or min(size) < 1:
        return None
    size = (int(size[0]), int(size[1]))
    expected = counterexample.get("expected")
    k, c = _first_wrong(expected, counterexample.get("got"), len(boxes), len(features))
    want = _outputs(expected, k, len(features))
    if want is None:
        return None
    panels = [_map_panel(features[c], boxes[k], size, scale, int(ratio), aligned),
              heatmap("expected", want[c], note=f"box {k}, channel {c}")]
    have = _outputs(counterexample.get("got"), k, len(features))
    notes = []
    if have is None:
        notes.append(m.undrawable(counterexample.get("got"),
                                  "an array of shape (K, C, PH, PW)"))
    else:
        panels.append(heatmap("got", have[c], want[c], f"box {k}, channel {c}"))
    legend = m.legend([("fig-swatch-a", "box and bins on the feature map"),
                       ("fig-swatch-kept", "sample point on the map"),
                       ("fig-swatch-wrong", "sample point off the map (contributes 0), or a "
                                            "wrong output cell")])
    notes.append(m.note("Feature value f[y][x] sits at the point (x, y): cell centres are whole "
                        "coordinates."))
    return m.figure("roi-align", m.panels(panels), legend, *notes)
