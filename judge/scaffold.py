"""`cvjudge new <id>`: a challenge folder that passes the loader, ready to be filled in.

The scaffold is a complete small challenge (add two numbers) except for its reference, which
returns the starter's placeholder until the author writes it: `cvjudge check <id>` fails
until then (the reference is not accepted, the starter is not rejected), and passes once
the reference is real. Every file says what it is for; docs/authoring.md says the rest.
"""
import json
from pathlib import Path

from judge.catalogue import ID_PATTERN, load_challenge


def files(cid: str) -> dict:
    title = cid.replace("_", " ").capitalize()
    return {
        "challenge.toml": f'''# Schema: challenges/challenge.schema.json (docs/authoring.md explains the keys)
title = "{title}"
difficulty = "easy"
tags = ["new"]

[function]
name = "{cid}"

[function.params]  # in the order of the def line; kinds: judge/params.py
a = "number"
b = "number"

[compare]
kind = "float"
rtol = 1e-6
atol = 1e-9
''',
        "statement.md": f'''# {title}

Say what the function computes and why it matters, in your own words.

## Contract

```python
def {cid}(a, b) -> float
```

- `a`, `b`: numbers. Return their sum.

## Limits

One CPU and 256 MB of memory; each call has a time limit.
''',
        "starter.py": f'''def {cid}(a, b):
    """Return a + b."""
    # Replace this placeholder with your implementation.
    return 0.0
''',
        "reference.py": f'''"""The trusted reference for {cid}: runs on the host, never in the sandbox.

This scaffold returns the starter's placeholder; write the real answer here.
"""


def {cid}(a, b):
    return 0.0
''',
        "properties.py": '''"""Hidden checks: each property names what it checks, so a failure teaches."""
from hypothesis import strategies as st

from judge.properties import Property

small = st.integers(-100, 100)

PROPERTIES = [
    Property("small_integers", "Two small whole numbers.", st.tuples(small, small), weight=2,
             explicit=((0, 0), (-1, 1))),
    Property("floats", "Two floats of any sign.",
             st.tuples(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))),
    Property("quick", "Answers within the time limit.", st.just((1, 2)), max_examples=1,
             size="two small numbers", time_limit_s=0.1),
]
''',
        "examples.json": json.dumps([{"args": {"a": 1, "b": 2}, "expected": 3.0,
                                      "explanation": "1 + 2 = 3."}], indent=2) + "\n",
        "solutions/correct_plain.py": f"def {cid}(a, b):\n    return a + b\n",
        "solutions/correct_builtin.py": f"def {cid}(a, b):\n    return sum((a, b))\n",
        "solutions/wrong_subtracts.py": f"# expect: wrong_answer\ndef {cid}(a, b):\n    return a - b\n",
    }


def scaffold(root: Path, cid: str) -> Path:
    """Write challenges/<cid>/ under `root`; refuses a bad id or an existing folder."""
    if not ID_PATTERN.fullmatch(cid):
        raise ValueError(f"the id must match {ID_PATTERN.pattern}: {cid!r}")
    folder = Path(root) / cid
    if folder.exists():
        raise ValueError(f"{folder} already exists")
    for name, text in files(cid).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    load_challenge(folder)  # the scaffold must always pass the loader
    return folder
