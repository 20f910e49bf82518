def nms(boxes, scores, iou_threshold):
    """Greedy non-maximum suppression.

    boxes: (N, 4) float64 numpy array of (x1, y1, x2, y2) rows, continuous coordinates.
    scores: (N,) float64 numpy array. N may be 0.
    iou_threshold: float in [0, 1]; a box is dropped when its IoU with an already-kept box
        is strictly greater than this.
    Returns the kept indices (a list of ints or a 1-D integer array) in the order kept.
    """
    # Replace this placeholder with your implementation.
    return []
