import numpy as np
import pytest

from judge import wire


def roundtrip(value):
    return wire.decode(wire.unpack_body(wire.pack({"v": wire.encode(value)})[4:])["v"])


def test_plain_values_roundtrip():
    value = [1, 2.5, None, True, "x", [1, [2]]]
    assert roundtrip(value) == value


def test_tuples_stay_tuples():
    value = [(1, 0.0, 0.5, 1.0, 2.0, 3.0, 4.0), (2, 1, 0.1, 0.0, 0.0, 1.0, 1.0)]
    back = roundtrip(value)
    assert back == value and all(type(t) is tuple for t in back)


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "uint8", "bool"])
def test_arrays_roundtrip_exactly(dtype):
    array = (np.arange(24).reshape(2, 3, 4) % 5).astype(dtype)
    back = roundtrip(array)
    assert back.dtype == array.dtype and back.shape == array.shape
    assert np.array_equal(back, array)


def test_empty_array_keeps_its_shape():
    back = roundtrip(np.zeros((0, 4)))
    assert back.shape == (0, 4)


def test_float_bits_survive():
    values = np.array([0.1, 1 / 3, np.nextafter(0.5, 1.0), -0.0, np.inf])
    assert roundtrip(values).tobytes() == values.tobytes()


def test_numpy_scalars_become_plain_numbers():
    assert roundtrip(np.float32(0.5)) == 0.5
    assert type(roundtrip(np.int64(3))) is int


def test_unknown_types_are_refused():
    class Sneaky:
        def __eq__(self, other):
            return True
    with pytest.raises(TypeError):
        wire.encode(Sneaky())
    with pytest.raises(TypeError):
        wire.encode(np.array([object()]))
    with pytest.raises(TypeError):
        wire.encode({1, 2})


def test_float_subclass_loses_its_methods():
    class Anything(float):
        def __eq__(self, other):
            return True
    assert type(wire.encode(Anything(0.25))) is float


@pytest.mark.parametrize("bad", [
    {"__ndarray__": "object", "shape": [1], "data": ""},
    {"__ndarray__": "float64", "shape": [2], "data": "AAAA"},
    {"__ndarray__": "float64", "shape": [-1], "data": ""},
    {"__ndarray__": "float64", "shape": [1], "data": "not base64!"},
    {"__tuple__": 5},
    {"anything": 1},
])
def test_malformed_values_are_rejected(bad):
    with pytest.raises(wire.WireError):
        wire.decode(bad)


def test_deep_nesting_is_rejected():
    value = []
    for _ in range(wire.MAX_DEPTH + 5):
        value = [value]
    with pytest.raises(wire.WireError):
        wire.decode(value)


def test_frames_are_read_back_from_a_stream():
    data = wire.pack({"a": 1}) + wire.pack({"b": 2})
    position = 0

    def read_exact(n):
        nonlocal position
        chunk = data[position:position + n]
        position += n
        return chunk

    assert wire.read_frame(read_exact) == {"a": 1}
    assert wire.read_frame(read_exact) == {"b": 2}
    assert wire.read_frame(read_exact) is None


@pytest.mark.parametrize("body", [b"[1, 2]", b"\xff\xfe", b"{", b"1"])
def test_bad_frame_bodies_are_rejected(body):
    with pytest.raises(wire.WireError):
        wire.unpack_body(body)


def test_oversized_frames_are_rejected():
    header = wire.HEADER.pack(wire.MAX_FRAME + 1)
    with pytest.raises(wire.WireError):
        wire.read_frame(lambda n: header[:n])
