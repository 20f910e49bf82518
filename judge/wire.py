"""Length-prefixed frames and the plain-data value encoding shared by host and runner.

This module is copied into the sandbox image next to the runner, so it must stay
standard-library + numpy only and must never import anything else from `judge`.
Nothing is ever pickled. A frame body is UTF-8 JSON, or, when it carries large arrays, a
binary frame: MAGIC, the JSON's length, the JSON, then the arrays' raw bytes, which the JSON
refers to by offset and length. Small arrays travel inside the JSON as base64. Raw bytes
cost a copy where base64 in JSON cost an encoding and a parse, which for an 8 MB image is
most of the time a fast submission takes; the judge's timing should measure the code.
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
MAGIC = b"\x00CVJ"  # starts a binary frame (JSON never starts with a NUL byte)
BLOB_MIN = 4096  # arrays this large (bytes) travel as attachments when a frame allows them


class Attachments:
    """The raw array bytes of one binary frame, collected while encoding its message."""

    def __init__(self):
        self.parts, self.size = [], 0

    def add(self, data: bytes) -> list:
        self.parts.append(data)
        self.size += len(data)
        return [self.size - len(data), len(data)]


class WireError(ValueError):
    """A frame or value that does not follow the protocol."""


def pack(message: dict, attachments: Attachments | None = None) -> bytes:
    """Serialise one message as a 4-byte big-endian length and its body."""
    body = body_of(message, attachments)
    if len(body) > MAX_FRAME:
        raise WireError(f"frame of {len(body)} bytes exceeds {MAX_FRAME}")
    return HEADER.pack(len(body)) + body


def body_of(message: dict, attachments: Attachments | None = None) -> bytes:
    """A frame body: JSON, or a binary frame when arrays were attached while encoding."""
    text = json.dumps(message, separators=(",", ":")).encode("utf-8")
    if attachments is None or not attachments.parts:
        return text
    return b"".join([MAGIC, HEADER.pack(len(text)), text, *attachments.parts])


def unpack_body(body: bytes) -> dict:
    """Parse a frame body; anything but a JSON object is a protocol error.

    A binary frame's raw bytes are under the key "__blobs__" (a memoryview), for `decode`.
    """
    blobs = None
    if body[:len(MAGIC)] == MAGIC:
        start = len(MAGIC) + HEADER.size
        if len(body) < start:
            raise WireError("truncated binary frame")
        (size,) = HEADER.unpack(body[len(MAGIC):start])
        if start + size > len(body):
            raise WireError("binary frame shorter than its JSON")
        blobs = memoryview(body)[start + size:]
        body = body[start:start + size]
    try:
        message = json.loads(body.decode("utf-8") if isinstance(body, bytes) else bytes(body))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise WireError(f"undecodable frame: {exc}") from None
    if not isinstance(message, dict):
        raise WireError("frame is not a JSON object")
    message.pop("__blobs__", None)  # only ever the frame's own attachments
    if blobs is not None:
        message["__blobs__"] = blobs
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
    attachments = Attachments()
    request = {"op": "call", "args": encode(list(args), attachments=attachments)}
    if check_inputs:
        request["check_inputs"] = True
    return body_of(request, attachments)


PLAIN = frozenset([int, float, str, bool, type(None)])  # exact types that travel as they are


def encode(value, depth: int = 0, attachments: Attachments | None = None):
    """Turn a Python/numpy value into JSON-safe data; unknown types raise TypeError.

    With `attachments`, large arrays go there as raw bytes and the data refers to them.
    """
    if type(value) in PLAIN:
        return value
    if depth > MAX_DEPTH:
        raise TypeError("value is nested too deeply")
    if type(value) is tuple:
        return {"__tuple__": _encode_items(value, depth, attachments)}
    if type(value) is list:
        return _encode_items(value, depth, attachments)
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
        if attachments is not None and data.nbytes >= BLOB_MIN:
            return {"__ndarray__": dtype, "shape": list(value.shape),
                    "blob": attachments.add(data.tobytes())}
        return {"__ndarray__": dtype, "shape": list(value.shape),
                "data": base64.b64encode(data.tobytes()).decode("ascii")}
    raise TypeError(f"unsupported type {type(value).__name__}")


def _encode_items(items, depth: int, attachments=None) -> list:
    # Plain items are kept inline: long lists of numbers are the common, hot case.
    return [v if type(v) in PLAIN else encode(v, depth + 1, attachments) for v in items]


def decode(data, depth: int = 0, blobs=None):
    """Inverse of `encode`, validating everything (the data may come from untrusted code).

    `blobs`: the raw bytes of the binary frame the data came in (unpack_body's "__blobs__").
    """
    if type(data) in PLAIN:
        return data
    if depth > MAX_DEPTH:
        raise WireError("value is nested too deeply")
    if type(data) is list:
        return _decode_items(data, depth, blobs)
    if type(data) is dict:
        if len(data) == 1 and type(data.get("__tuple__")) is list:
            return tuple(_decode_items(data["__tuple__"], depth, blobs))
        if set(data) == {"__ndarray__", "shape", "data"}:
            import numpy as np

            return _decode_array(np, data)
        if set(data) == {"__ndarray__", "shape", "blob"}:
            import numpy as np

            return _decode_attached(np, data, blobs)
    raise WireError(f"malformed value of type {type(data).__name__}")


def _decode_items(items: list, depth: int, blobs=None) -> list:
    return [v if type(v) in PLAIN else decode(v, depth + 1, blobs) for v in items]


def _array_type(np, dtype, shape):
    """Validated (numpy dtype in little-endian order, element count) of an encoded array."""
    if dtype not in ARRAY_DTYPES:
        raise WireError(f"unsupported array dtype {dtype!r}")
    if not (isinstance(shape, list) and len(shape) <= 8
            and all(type(n) is int and 0 <= n for n in shape)):
        raise WireError("malformed array shape")
    count = 1
    for n in shape:
        count *= n
    return np.dtype(dtype).newbyteorder("<"), count


def _decode_attached(np, data, blobs):
    """An array whose bytes are attached to the frame, copied out (writable, native order)."""
    dt, count = _array_type(np, data["__ndarray__"], data["shape"])
    place = data["blob"]
    if not isinstance(blobs, memoryview):
        raise WireError("array data refers to attachments the frame does not have")
    if not (type(place) is list and len(place) == 2 and all(type(n) is int and n >= 0
                                                             for n in place)):
        raise WireError("malformed array attachment")
    offset, length = place
    if length != count * dt.itemsize or offset + length > len(blobs):
        raise WireError("array data does not match its shape")
    array = np.frombuffer(blobs[offset:offset + length], dtype=dt).reshape(data["shape"])
    return array.astype(dt.newbyteorder("="), copy=True)


def _decode_array(np, data):
    dt, count = _array_type(np, data["__ndarray__"], data["shape"])
    payload, shape = data["data"], data["shape"]
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
