"""Summaries of repeated measurements, ratios between them, and scaling exponents."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def summary(values: Sequence[float]) -> dict[str, float]:
    """Median, min, max and the spread ((max - min) / median) of repeated measurements."""
    if not values:
        raise ValueError("no values to summarize")
    median = statistics.median(values)
    low, high = min(values), max(values)
    spread = (high - low) / median if median else 0.0
    return {
        "median": median,
        "min": low,
        "max": high,
        "spread": spread,
        "n": len(values),
    }


def ratio_summary(numerators: Sequence[float], denominators: Sequence[float]) -> dict[str, float]:
    """numerator / denominator per repetition (paired in order, the shorter list sets how many),
    summarized; a single denominator is used against every numerator."""
    if len(denominators) == 1:
        denominators = list(denominators) * len(numerators)
    if len(numerators) == 1:
        numerators = list(numerators) * len(denominators)
    pairs = list(zip(numerators, denominators, strict=False))
    if not pairs or any(den <= 0 for _, den in pairs):
        raise ValueError("ratios need positive denominators")
    return summary([num / den for num, den in pairs])


def fit_exponent(rows: Sequence[float], seconds: Sequence[float]) -> dict[str, float]:
    """Least-squares slope of log(seconds) against log(rows): time ~ c * rows^exponent.

    1 means linear, 2 quadratic, below 1 a fixed cost that larger inputs amortize.
    Needs two points or more with distinct row counts.
    """
    points = [(math.log(r), math.log(s)) for r, s in zip(rows, seconds, strict=True) if r > 0 < s]
    if len({x for x, _ in points}) < 2:
        raise ValueError("an exponent needs two or more distinct row counts")
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    syy = sum((y - mean_y) ** 2 for _, y in points)
    slope = sxy / sxx
    r2 = (sxy * sxy) / (sxx * syy) if syy else 1.0
    return {
        "exponent": slope,
        "coefficient": math.exp(mean_y - slope * mean_x),
        "r2": r2,
        "fitted_points": len(points),
    }
