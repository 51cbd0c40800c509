"""The one way a pair's cosine is computed, whichever side or batch asks for it."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[np.float32]


def cosines(left: Matrix, right: Matrix | NDArray[np.float64]) -> Matrix:
    """``left @ right.T`` in float64, rounded once to float32.

    The products of float32 vectors are exact in float64 and the sum's error is far below a
    float32 step, so a pair's cosine comes out the same bits whichever side (and batch)
    computes it, unless a sum lands within 1e-16 of a float32 rounding edge. In float32,
    FAISS's search and a matrix product summed in different orders and disagreed in the
    fourth decimal of a score now and then.
    """
    # copy=False: rows already widened (history.DecidedRows) are used as they are.
    wide_left = left.astype(np.float64, copy=False)
    return (wide_left @ right.astype(np.float64, copy=False).T).astype(np.float32)
