def coco_ap(detections, ground_truths):
    """COCO-style AP averaged over the IoU thresholds 0.50, 0.55, ..., 0.95.

    detections: list of (image_id, class_id, score, x1, y1, x2, y2) tuples.
    ground_truths: list of (image_id, class_id, x1, y1, x2, y2) tuples.
    Returns a float in [0, 1]; 0.0 when there are no ground truths.
    """
    # Replace this placeholder with your implementation.
    return 0.0
