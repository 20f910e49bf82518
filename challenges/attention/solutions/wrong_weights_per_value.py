"""Wrong (too slow): recomputes the query's whole softmax for every output element, so the
work is multiplied by Lk * dv."""
# expect: time_limit_exceeded
import math

import numpy as np


def attention(q, k, v, mask=None):
    lq, d = q.shape[-2:]
    lk, dv = v.shape[-2:]
    qs, ks, vs = (a.reshape((-1,) + a.shape[-2:]).tolist() for a in (q, k, v))
    allowed = np.ones((lq, lk), dtype=bool) if mask is None else mask
    out = np.zeros((len(qs), lq, dv))
    for b in range(len(qs)):
        for i in range(lq):
            for c in range(dv):
                for j in range(lk):
                    if not allowed[i, j]:
                        continue
                    scores = [sum(x * y for x, y in zip(qs[b][i], ks[b][m])) / math.sqrt(d)
                              for m in range(lk) if allowed[i, m]]
                    top = max(scores)
                    norm = sum(math.exp(s - top) for s in scores)
                    s = sum(x * y for x, y in zip(qs[b][i], ks[b][j])) / math.sqrt(d)
                    out[b, i, c] += math.exp(s - top) / norm * vs[b][j][c]
    return out.reshape(q.shape[:-1] + (dv,))
