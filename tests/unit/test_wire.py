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


def attached_roundtrip(value):
    attachments = wire.Attachments()
    body = wire.pack({"v": wire.encode(value, attachments=attachments)}, attachments)[4:]
    message = wire.unpack_body(body)
    return body, wire.decode(message["v"], blobs=message.get("__blobs__"))


def test_large_arrays_travel_as_raw_attachments():
    image = np.arange(200_000, dtype=np.float64).reshape(400, 500) / 7
    labels = np.arange(6, dtype=np.int64)  # small: stays inline as base64
    body, (back_image, back_labels) = attached_roundtrip((image, labels))
    assert body.startswith(wire.MAGIC) and len(body) < image.nbytes + 500
    assert back_image.tobytes() == image.tobytes() and back_image.flags.writeable
    assert np.array_equal(back_labels, labels)


def test_plain_messages_stay_json():
    body, back = attached_roundtrip([1, 2.5, "x"])
    assert body.startswith(b"{") and back == [1, 2.5, "x"]


@pytest.mark.parametrize("blob", [[0, 10 ** 9], [-1, 8], [0], "0,8", [0.0, 8], [4, 8]])
def test_attachments_that_do_not_fit_are_refused(blob):
    message = {"__ndarray__": "float64", "shape": [1], "blob": blob}
    with pytest.raises(wire.WireError):
        wire.decode(message, blobs=memoryview(b"\x00" * 8))


def test_a_reference_to_attachments_without_any_is_refused():
    with pytest.raises(wire.WireError):
        wire.decode({"__ndarray__": "float64", "shape": [1], "blob": [0, 8]})
    forged = wire.unpack_body(b'{"__blobs__": "AAAA", "v": 1}')
    assert "__blobs__" not in forged


@pytest.mark.parametrize("body", [wire.MAGIC, wire.MAGIC + b"\x00\x00\x00\x09{}",
                                  wire.MAGIC + b"\x00\x00\x00\x02[]"])
def test_broken_binary_frames_are_refused(body):
    with pytest.raises(wire.WireError):
        wire.unpack_body(body)
