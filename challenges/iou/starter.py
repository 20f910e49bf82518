def iou(box_a, box_b):
    """Intersection over Union of two axis-aligned boxes.

    box_a, box_b: tuples (x1, y1, x2, y2) with x1 <= x2 and y1 <= y2, continuous coordinates.
    Returns intersection area / union area as a float, or 0.0 when the union area is 0.
    """
    # Replace this placeholder with your implementation.
    return 0.0
