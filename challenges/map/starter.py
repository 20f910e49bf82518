def mean_average_precision(detections, ground_truths, iou_threshold=0.5):
    """Mean over classes of the area under the interpolated precision-recall curve.

    detections: list of (image_id, class_id, score, x1, y1, x2, y2) tuples.
    ground_truths: list of (image_id, class_id, x1, y1, x2, y2) tuples.
    iou_threshold: a detection is a true positive when its matched IoU is >= this value.
    Returns a float in [0, 1]; 0.0 when there are no ground truths.
    """
    # Replace this placeholder with your implementation.
    return 0.0
