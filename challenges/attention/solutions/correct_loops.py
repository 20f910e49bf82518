"""Correct: plain Python over every (leading index, query), skipping masked keys and
subtracting the row maximum before math.exp."""
import math

import numpy as np


def attention(q, k, v, mask=None):
    lead = q.shape[:-2]
    lq, d = q.shape[-2:]
    lk, dv = v.shape[-2:]
    qs = q.reshape(-1, lq, d).tolist()
    ks = k.reshape(-1, lk, d).tolist()
    vs = v.reshape(-1, lk, dv).tolist()
    allowed = [[True] * lk for _ in range(lq)] if mask is None else mask.tolist()
    scale = 1.0 / math.sqrt(d)
    out = []
    for qb, kb, vb in zip(qs, ks, vs):
        rows = []
        for i, query in enumerate(qb):
            keys = [j for j in range(lk) if allowed[i][j]]
            scores = [sum(a * b for a, b in zip(query, kb[j])) * scale for j in keys]
            top = max(scores)
            weights = [math.exp(s - top) for s in scores]
            total = sum(weights)
            row = [0.0] * dv
            for w, j in zip(weights, keys):
                value = vb[j]
                for c in range(dv):
                    row[c] += w * value[c]
            rows.append([x / total for x in row])
        out.append(rows)
    return np.array(out).reshape(lead + (lq, dv))
