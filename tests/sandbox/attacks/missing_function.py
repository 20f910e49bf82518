"""Defines everything but the function the challenge asks for."""


def intersection_over_union(box_a, box_b):
    return 0.0
