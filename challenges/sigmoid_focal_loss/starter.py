

def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    """Mean sigmoid focal loss (as in RetinaNet) over every element.

    logits, targets: float64 arrays of one shape; targets are 0.0 or 1.0.
    p = sigmoid(logits); ce = binary cross-entropy with logits; p_t = p t + (1 - p)(1 - t);
    loss = ce * (1 - p_t) ** gamma, times alpha t + (1 - alpha)(1 - t) when alpha >= 0
    (alpha = -1: no weighting). Returns the mean as a float, finite for every logit.
    """
    # Replace this placeholder with your implementation.
    return 0.0
