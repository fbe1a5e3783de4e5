"""string_grouper as a peer: TF-IDF of character 3-grams, cosine similarity, connected components.

Its README's recipe for deduplicating one column is ``group_similar_strings(pd.Series(names))`` with
the defaults (3-grams, ``min_similarity`` 0.8, up to 20 matches per string, centroid representative).
The speed runs use exactly that (``python -m benchmarks.peers string_grouper ...``, through
:func:`string_grouper_groups`). For quality, ``min_similarity`` is also tuned on train-split pools over
a small grid, since it is the one knob the README invites users to set. Names go in as they are:
string_grouper's own ASCII normalisation handles accents but drops letters of other scripts.
Pair scores are ``compute_pairwise_similarities(series1, series2)``, the cosine of each aligned pair.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

from benchmarks.datasets import ClusterRow, PairRow
from benchmarks.peers import Peer, tuning

__all__ = ["DEFAULT_MIN_SIMILARITY", "StringGrouperPeer", "string_grouper_groups"]

DEFAULT_MIN_SIMILARITY = 0.8
MIN_SIMILARITY_GRID = (0.8, 0.5, 0.6, 0.7, 0.9)  # the default first, so it wins ties


def string_grouper_groups(names: list[str], **options: float) -> list[str]:
    """string_grouper's group of each name (its representative's row index as a string), in order."""
    import pandas as pd
    from string_grouper import group_similar_strings

    out = group_similar_strings(pd.Series(names, dtype=object), **options)
    # 0.8 returns a frame with the representative's row index; older versions a Series of strings
    if isinstance(out, pd.DataFrame):
        col = "group_rep_index" if "group_rep_index" in out.columns else out.columns[0]
        return [str(v) for v in out[col].tolist()]
    return [str(v) for v in out.tolist()]


class StringGrouperPeer(Peer):
    """``group_similar_strings`` at a train-tuned ``min_similarity``; pair score = TF-IDF cosine."""

    name = "string_grouper"
    package, imports, distributions = "string_grouper", ("pandas", "string_grouper"), ("string_grouper",)

    def __init__(self) -> None:
        self.min_similarity = DEFAULT_MIN_SIMILARITY
        self.pair_threshold = DEFAULT_MIN_SIMILARITY
        self.setup = self._setup(f"{DEFAULT_MIN_SIMILARITY:g} (README default)")

    @staticmethod
    def _setup(value: str) -> str:
        return (
            "group_similar_strings(pd.Series(names)) with README defaults (char 3-gram TF-IDF, cosine, "
            f"20 matches/string, connected components), raw names; min_similarity {value}"
        )

    def fit_clusters(self, train: Sequence[ClusterRow]) -> None:
        pools = tuning.train_pools(train)
        if not pools:
            return

        def labels_for(names: Sequence[str], types: Sequence[str]) -> dict[float, list[Hashable]]:
            return {m: self._groups(names, m) for m in MIN_SIMILARITY_GRID}

        self.min_similarity, score = tuning.best_candidate(MIN_SIMILARITY_GRID, pools, labels_for)
        grid = ", ".join(f"{m:g}" for m in sorted(MIN_SIMILARITY_GRID))
        self.setup = self._setup(
            f"{self.min_similarity:g} (tuned on train pools over {grid}; train score {score:.3f})"
        )

    @staticmethod
    def _groups(names: Sequence[str], min_similarity: float) -> list[Hashable]:
        if len(names) < 2:
            return list(range(len(names)))
        return list(string_grouper_groups(list(names), min_similarity=min_similarity))

    def cluster(self, names: Sequence[str], types: Sequence[str]) -> list[Hashable]:
        return self._groups(names, self.min_similarity)

    def fit_pairs(self, train: Sequence[PairRow]) -> None:
        self.pair_threshold = DEFAULT_MIN_SIMILARITY
        value = f"{DEFAULT_MIN_SIMILARITY:g} (README default; no train split)"
        if train:
            scores = self.score_pairs([(r.name1, r.name2) for r in train])
            # a cut is a min_similarity, so it comes from the same grid as for clustering
            y = [r.is_match for r in train]
            self.pair_threshold = tuning.best_pair_threshold(y, scores, MIN_SIMILARITY_GRID)
            grid = ", ".join(f"{m:g}" for m in sorted(MIN_SIMILARITY_GRID))
            value = f"{self.pair_threshold:g} (best F1 on the train split over {grid})"
        self.setup = (
            "compute_pairwise_similarities(series1, series2): char 3-gram TF-IDF cosine of each pair "
            f"(README defaults), raw names; match threshold {value}"
        )

    def score_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        import pandas as pd
        from string_grouper import compute_pairwise_similarities

        if not pairs:
            return np.zeros(0, dtype=np.float64)
        left = pd.Series([a for a, _ in pairs], dtype=object)
        right = pd.Series([b for _, b in pairs], dtype=object)
        sims = compute_pairwise_similarities(left, right).to_numpy(dtype=np.float64)
        return np.clip(np.nan_to_num(sims, nan=0.0), 0.0, 1.0)
