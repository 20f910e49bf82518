"""Hypothesis strategies shared by the challenges' properties, one module per kind of input.

Every module says in its docstring which knife-edges it avoids: inputs where rounding, not
the algorithm, would decide the answer, so that a correct solution is never rejected.

- boxes: axis-aligned boxes and pairs with known relations, IoU-vs-threshold safety checks
- scenes: detection-evaluation scenes (detections, ground truths, threshold)
- scores: score lists with and without ties
- arrays: shapes and arrays with exact (dyadic or integer) values, large seeded arrays
- masks: binary masks, including corner-touching and winding ones
- logits: logits of huge magnitude for softmax, cross-entropy and sigmoid losses
- tensors: (N, C, H, W) batches, convolution geometries, attention shapes and masks
- clusters: k-means point sets and starts, and the check that every assignment is clear
- points: well-spread point sets, clear nearest-centroid decisions
- rotated: pairs of rotated boxes with known relations, kept well conditioned
- features: feature maps and RoI Align boxes, samples kept off the map's edges
- costs: cost matrices for assignment problems (whole, dyadic or two-decimal entries, greedy traps)
"""
