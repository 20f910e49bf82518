"""Displayed values (judge.display's plain data) written as Python literals: `1.0`, `None`,
`True`, `[3, 1]`, `'text'`, never JSON's `null`/`true` or numpy's `np.float64(1.0)`.

Statements and the code people write speak Python, so inputs, expected values and answers
are shown the same way on the result page, in figures and in the terminal.
"""
import math

NON_FINITE = {"nan": "nan", "inf": "inf", "-inf": "-inf"}  # how judge.display writes them


def python_literal(value, limit: int = 4000) -> str:
    """`value` as Python source, cut to `limit` characters with a note of the rest."""
    text = "".join(_parts(value, 0))
    if len(text) <= limit:
        return text
    return f"{text[:limit]} … ({len(text):,} characters in all)"


def _parts(value, depth: int):
    if value is None or isinstance(value, bool):
        yield repr(value)
    elif isinstance(value, int):
        yield str(value)
    elif isinstance(value, float):
        yield repr(value) if math.isfinite(value) else str(value)
    elif isinstance(value, str):
        yield NON_FINITE.get(value, repr(value))
    elif isinstance(value, dict) and set(value) == {"summary", "shape", "head"}:
        head = ", ".join("".join(_parts(v, depth + 1)) for v in value["head"])
        yield f"<{value['summary']}, starting {head}, …>"
    elif isinstance(value, dict):
        yield "{"
        for index, (key, item) in enumerate(value.items()):
            yield (", " if index else "") + repr(str(key)) + ": "
            yield from _parts(item, depth + 1)
        yield "}"
    elif isinstance(value, (list, tuple)):
        opening, closing = ("[", "]") if isinstance(value, list) else ("(", ")")
        yield opening
        for index, item in enumerate(value):
            if index:
                yield ", "
            yield from _parts(item, depth + 1)
        yield "," + closing if isinstance(value, tuple) and len(value) == 1 else closing
    else:
        yield type(value).__name__
