def rotated_iou(box_a, box_b):
    """IoU of two rotated rectangles.

    Each box is (cx, cy, w, h, angle): centre, width, height and a rotation in degrees; the
    corners are (cx, cy) + R(angle) (+-w/2, +-h/2) with R(t) = [[cos t, -sin t], [sin t, cos t]].
    Returns area(A and B) / area(A or B) as a float.
    """
    # Replace this placeholder with your implementation.
    return 0.0
