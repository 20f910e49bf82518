"""Turn inputs and answers into JSON-safe data a person (or the web page) can read."""
import math

import numpy as np

MAX_ITEMS = 400  # larger arrays and lists are summarised, not dumped


def to_display(value):
    """Plain JSON data: small arrays become nested lists, large ones a summary."""
    if isinstance(value, np.ndarray):
        if value.size > MAX_ITEMS:
            return {"summary": f"{value.dtype} array of shape {tuple(value.shape)}",
                    "shape": list(value.shape),
                    "head": to_display(value.reshape(-1)[:8])}
        return to_display(value.tolist())
    if isinstance(value, np.generic):
        return to_display(value.item())
    if isinstance(value, (list, tuple)):
        if len(value) > MAX_ITEMS:
            return {"summary": f"{type(value).__name__} of length {len(value)}",
                    "shape": [len(value)], "head": [to_display(v) for v in value[:8]]}
        return [to_display(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # "nan", "inf": JSON has no literal for them
    if isinstance(value, dict):
        return {str(k): to_display(v) for k, v in value.items()}
    return value
