def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    """Gaussian soft non-maximum suppression.

    boxes: (N, 4) float64 numpy array of (x1, y1, x2, y2) rows; scores: (N,) float64. N >= 0.
    Repeatedly select the candidate with the highest current score (ties: lower index),
    then multiply every other candidate's score by exp(-IoU(selected, it)**2 / sigma) and
    drop candidates whose score fell below score_threshold.
    Returns [(index, score at selection), ...] in selection order.
    """
    # Replace this placeholder with your implementation.
    return []
