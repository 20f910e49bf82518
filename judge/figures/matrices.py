"""Matrix counterexamples: inputs, expected and returned output as tables, wrong cells marked."""
from markupsafe import Markup

from judge.figures import markup as m


def draw(counterexample: dict) -> Markup | None:
    """Image, kernel, expected and returned output as tables, wrong cells highlighted."""
    inputs = m.inputs(counterexample)
    image, kernel = m.matrix(inputs.get("image")), m.matrix(inputs.get("kernel"))
    expected = m.matrix(counterexample.get("expected"))
    if image is None or kernel is None or expected is None:
        return None
    tables = [m.table("image", image), m.table("kernel", kernel), m.table("expected", expected)]
    got = m.matrix(counterexample.get("got"))
    notes = []
    if got is None:
        notes.append(m.undrawable(counterexample.get("got"), "a 2-D array"))
    else:
        tables.append(m.table("got", got, expected))
        if m.shape(got) != m.shape(expected):
            notes.append(m.note(f"Shapes differ: expected {m.shape(expected)}, got {m.shape(got)}."))
    return m.figure("matrices", Markup('<div class="fig-tables">{}</div>').format(m.join(tables)),
                   *notes)
