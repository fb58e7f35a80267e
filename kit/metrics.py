"""Measures of judgement: discernment d', response bias c, Brier score, agreement, effect size.

Discernment separates skill from scepticism: a student who calls everything
false gets every false item right but has d' near 0 and a strong bias c > 0.

* **d'** (signal detection): z(hit rate) - z(false-alarm rate), where a hit is
  judging a credible item credible and a false alarm is judging a
  non-credible item credible. Rates use the log-linear correction (add 0.5 to
  each count and 1 to each total; Hautus 1995) so 0 % and 100 % stay finite.
* **c**: -(z(hit rate) + z(false-alarm rate)) / 2. Positive c means a
  tendency to say "not credible"; negative, to say "credible".
* **Brier score**: mean of (p - outcome)^2 where p is the stated probability
  that the item is credible; 0 is perfect, 0.25 is always saying 50 %.
* **Cohen's kappa**: agreement of two annotators beyond chance.
* **Effect size** of a pre/post change: mean difference / SD of differences (d_z).

>>> j = [Judgement(credible=True, said_credible=True, confidence=90),
...      Judgement(credible=False, said_credible=False, confidence=80),
...      Judgement(credible=True, said_credible=False, confidence=60),
...      Judgement(credible=False, said_credible=False, confidence=70)]
>>> m = discernment(j)
>>> round(m.d_prime, 2), round(m.bias_c, 2), round(m.brier, 3)
(0.97, 0.48, 0.125)
>>> round(cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]), 2)
0.5
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from statistics import NormalDist, mean, stdev
from typing import Sequence

_Z = NormalDist().inv_cdf


@dataclass(frozen=True)
class Judgement:
    """One credibility judgement: the truth, what the student said, and how sure (50-100)."""

    credible: bool
    said_credible: bool
    confidence: int


@dataclass(frozen=True)
class Discernment:
    n: int
    hits: int
    misses: int
    false_alarms: int
    correct_rejections: int
    d_prime: float
    bias_c: float
    brier: float

    @property
    def accuracy(self) -> float:
        return (self.hits + self.correct_rejections) / self.n if self.n else float("nan")

    def explain(self) -> str:
        """A plain-language reading of the figures, for students."""
        if self.n == 0:
            return "No credibility judgements yet."
        skill = (
            "you told accurate and inaccurate claims apart well" if self.d_prime >= 1.5 else
            "you told accurate and inaccurate claims apart somewhat" if self.d_prime >= 0.5 else
            "you did not yet tell accurate and inaccurate claims apart"
        )
        lean = (
            "you leaned towards calling claims not credible (sceptical bias)" if self.bias_c > 0.25 else
            "you leaned towards calling claims credible (trusting bias)" if self.bias_c < -0.25 else
            "you did not lean strongly either way"
        )
        calibration = (
            "your confidence matched your accuracy well" if self.brier <= 0.15 else
            "your confidence was sometimes higher than your accuracy" if self.brier <= 0.3 else
            "your confidence often did not match your accuracy"
        )
        return (
            f"Over {self.n} judgements (d' = {self.d_prime + 0.0:.2f}, c = {self.bias_c + 0.0:.2f}, Brier = {self.brier:.3f}): "
            f"{skill}; {lean}; {calibration}."
        )


def discernment(judgements: Sequence[Judgement]) -> Discernment:
    """d', c and Brier score of a set of judgements (see the module docstring)."""
    hits = sum(j.credible and j.said_credible for j in judgements)
    misses = sum(j.credible and not j.said_credible for j in judgements)
    false_alarms = sum(not j.credible and j.said_credible for j in judgements)
    rejections = sum(not j.credible and not j.said_credible for j in judgements)
    signal, noise = hits + misses, false_alarms + rejections
    hit_rate = (hits + 0.5) / (signal + 1)
    fa_rate = (false_alarms + 0.5) / (noise + 1)
    z_hit, z_fa = _Z(hit_rate), _Z(fa_rate)
    return Discernment(
        n=len(judgements), hits=hits, misses=misses, false_alarms=false_alarms, correct_rejections=rejections,
        d_prime=(z_hit - z_fa) + 0.0 if signal and noise else float("nan"),  # + 0.0: never "-0.00"
        bias_c=-(z_hit + z_fa) / 2 + 0.0 if signal and noise else float("nan"),
        brier=brier(judgements),
    )


def brier(judgements: Sequence[Judgement]) -> float:
    """Mean squared error of the stated probability that each item is credible."""
    if not judgements:
        return float("nan")
    errors = []
    for j in judgements:
        p = j.confidence / 100 if j.said_credible else 1 - j.confidence / 100
        errors.append((p - (1.0 if j.credible else 0.0)) ** 2)
    return sum(errors) / len(errors)


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa between two equal-length label sequences (1 = perfect, 0 = chance)."""
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two non-empty label lists of the same length")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def paired_effect_size(before: Sequence[float], after: Sequence[float]) -> float:
    """d_z: mean of (after - before) divided by the SD of the differences.

    >>> round(paired_effect_size([0.4, 0.5, 0.6, 0.5], [0.6, 0.6, 0.8, 0.6]), 2)
    2.6
    """
    if len(before) != len(after) or len(before) < 2:
        raise ValueError("an effect size needs at least two paired scores")
    differences = [y - x for x, y in zip(before, after)]
    spread = stdev(differences)
    if spread == 0:
        return math.inf if mean(differences) else 0.0
    return mean(differences) / spread
