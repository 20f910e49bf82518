"""Length-prefixed JSON frames and the plain-data value encoding shared by host and runner.

This module is copied into the sandbox image next to the runner, so it must stay
standard-library + numpy only and must never import anything else from `judge`.
Nothing is ever pickled: arrays travel as dtype + shape + base64 bytes.
"""
import base64
import json
import struct

HEADER = struct.Struct(">I")
MAX_FRAME = 64 * 1024 * 1024  # any frame (a timed input can be large)
# One answer of the submission: above the largest legitimate answer of any challenge (a
# 1024 x 1024 float64 image is 11 MB encoded; tests/unit/test_wire.py checks the catalogue).
MAX_REPLY = 16 * 1024 * 1024
ARRAY_DTYPES = frozenset(
    ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
     "float16", "float32", "float64"]
)
MAX_DEPTH = 32


class WireError(ValueError):
    """A frame or value that does not follow the protocol."""


def pack(message: dict) -> bytes:
    """Serialise one message as a 4-byte big-endian length followed by UTF-8 JSON."""
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_FRAME:
        raise WireError(f"frame of {len(body)} bytes exceeds {MAX_FRAME}")
    return HEADER.pack(len(body)) + body


def unpack_body(body: bytes) -> dict:
    """Parse a frame body; anything but a JSON object is a protocol error."""
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise WireError(f"undecodable frame: {exc}") from None
    if not isinstance(message, dict):
        raise WireError("frame is not a JSON object")
    return message


def read_frame(read_exact) -> dict | None:
    """Read one frame with `read_exact(n) -> bytes`; None on a clean end of stream."""
    body = read_frame_body(read_exact)
    return None if body is None else unpack_body(body)


def read_frame_body(read_exact) -> bytes | None:
    """Read one frame's raw body; None on a clean end of stream."""
    header = read_exact(HEADER.size)
    if not header:
        return None
    if len(header) != HEADER.size:
        raise WireError("truncated frame header")
    (size,) = HEADER.unpack(header)
    if size > MAX_FRAME:
        raise WireError(f"frame of {size} bytes exceeds {MAX_FRAME}")
    body = read_exact(size)
    if len(body) != size:
        raise WireError("truncated frame body")
    return body


def call_body(args, check_inputs: bool = False) -> bytes:
    """The encoded request for one call of the submission with positional `args`; with
    `check_inputs` the runner also reports which arguments the call changed in place."""
    request = {"op": "call", "args": encode(list(args))}
    if check_inputs:
        request["check_inputs"] = True
    return json.dumps(request, separators=(",", ":")).encode("utf-8")


PLAIN = frozenset([int, float, str, bool, type(None)])  # exact types that travel as they are


def encode(value, depth: int = 0):
    """Turn a Python/numpy value into JSON-safe data; unknown types raise TypeError."""
    if type(value) in PLAIN:
        return value
    if depth > MAX_DEPTH:
        raise TypeError("value is nested too deeply")
    if type(value) is tuple:
        return {"__tuple__": _encode_items(value, depth)}
    if type(value) is list:
        return _encode_items(value, depth)
    import numpy as np

    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, (bytes, complex)) or not isinstance(value, (bool, int, float)):
            raise TypeError(f"unsupported numpy scalar {type(value).__name__}")
        return value
    if isinstance(value, (int, float)):  # subclasses: keep only the plain number
        return int(value) if isinstance(value, int) else float(value)
    if isinstance(value, np.ndarray):
        dtype = value.dtype.name
        if dtype not in ARRAY_DTYPES:
            raise TypeError(f"unsupported array dtype {dtype}")
        data = np.ascontiguousarray(value, dtype=value.dtype.newbyteorder("<"))
        return {"__ndarray__": dtype, "shape": list(value.shape),
                "data": base64.b64encode(data.tobytes()).decode("ascii")}
    raise TypeError(f"unsupported type {type(value).__name__}")


def _encode_items(items, depth: int) -> list:
    # Plain items are kept inline: long lists of numbers are the common, hot case.
    return [v if type(v) in PLAIN else encode(v, depth + 1) for v in items]


def decode(data, depth: int = 0):
    """Inverse of `encode`, validating everything (the data may come from untrusted code)."""
    if type(data) in PLAIN:
        return data
    if depth > MAX_DEPTH:
        raise WireError("value is nested too deeply")
    if type(data) is list:
        return _decode_items(data, depth)
    if type(data) is dict:
        if len(data) == 1 and type(data.get("__tuple__")) is list:
            return tuple(_decode_items(data["__tuple__"], depth))
        if set(data) == {"__ndarray__", "shape", "data"}:
            import numpy as np

            return _decode_array(np, data)
    raise WireError(f"malformed value of type {type(data).__name__}")


def _decode_items(items: list, depth: int) -> list:
    return [v if type(v) in PLAIN else decode(v, depth + 1) for v in items]


def _decode_array(np, data):
    dtype, shape, payload = data["__ndarray__"], data["shape"], data["data"]
    if dtype not in ARRAY_DTYPES:
        raise WireError(f"unsupported array dtype {dtype!r}")
    if not (isinstance(shape, list) and len(shape) <= 8
            and all(type(n) is int and 0 <= n for n in shape)):
        raise WireError("malformed array shape")
    count = 1
    for n in shape:
        count *= n
    dt = np.dtype(dtype).newbyteorder("<")
    if isinstance(payload, list):  # hand-written form, as in examples.json
        array = np.asarray(payload, dtype=dt)
        if array.size != count:
            raise WireError("array data does not match its shape")
        return array.reshape(shape).astype(dt.newbyteorder("="))
    if not isinstance(payload, str):
        raise WireError("malformed array data")
    try:
        raw = base64.b64decode(payload, validate=True)
    except ValueError:
        raise WireError("array data is not base64") from None
    if len(raw) != count * dt.itemsize:
        raise WireError("array data does not match its shape")
    return np.frombuffer(raw, dtype=dt).reshape(shape).astype(dt.newbyteorder("="))
