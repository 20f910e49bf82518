def hungarian_matching(cost):
    """A minimum-cost assignment of rows to columns.

    cost: (N, M) float64 numpy array of finite costs, N, M >= 0.
    Returns min(N, M) pairs (row, column), each row and each column used at most once,
    whose total cost is the smallest possible; any optimal assignment, in any order.
    """
    # Replace this placeholder with your implementation.
    return [(i, i) for i in range(min(cost.shape))]
