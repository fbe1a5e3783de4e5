"""Peer systems, run side by side with namerec on the same inputs (issue 4).

Every peer is a :class:`Peer`: it says whether it can run here (:meth:`Peer.unavailable`) and on a
dataset (:meth:`Peer.supports`), may tune itself on the train split (:meth:`Peer.fit_clusters`,
:meth:`Peer.fit_pairs`), and then clusters a pool of names (:meth:`Peer.cluster`) and, where it has
a pair score, scores aligned pairs (:meth:`Peer.score_pairs`). A peer that cannot run gets an explicit
"n/a" with its reason in the report, never a silent gap. :func:`all_peers` lists them in report order.

``python -m benchmarks.peers string_grouper IN.csv OUT.csv [TIMING.json]`` runs string_grouper in its
own process for the speed runs (see ``__main__``).
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Hashable, Iterator, Sequence

import numpy as np

from benchmarks import baseline
from benchmarks.datasets import ClusterRow, PairRow

__all__ = ["BaselinePeer", "Peer", "all_peers", "quiet"]


@contextlib.contextmanager
def quiet(logger_name: str) -> Iterator[None]:
    """Keep a peer library's log lines, warnings and prints off the terminal (the benchmarks print
    their own progress)."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


class Peer:
    """The interface the quality runs call. Subclasses override what they support."""

    #: short label used in tables and plots
    name: str = "peer"
    #: one line for the report: the set-up used and why (documented recommendation, tuned value)
    setup: str = ""
    #: decision threshold of :meth:`score_pairs` (scores >= threshold are matches)
    pair_threshold: float = 0.5

    #: label for "not installed" messages, the modules it imports, and the distributions it reports
    package: str = ""
    imports: tuple[str, ...] = ()
    distributions: tuple[str, ...] = ()

    def version(self) -> str:
        """The versions of :attr:`distributions`, or "own code" for peers written here from a description."""
        from importlib.metadata import version

        return ", ".join(f"{name} {version(name)}" for name in self.distributions) or "own code"

    def unavailable(self) -> str | None:
        """Why the peer cannot run on this machine (a module of :attr:`imports` is missing), else None."""
        import importlib

        for module in self.imports:
            try:
                importlib.import_module(module)
            except ImportError as exc:
                return f"n/a: {self.package or module} not installed (pip install -e '.[bench]'): {exc}"
        return None

    def supports(self, dataset: str, entity_types: Sequence[str]) -> str | None:
        """Why the peer does not apply to this dataset (e.g. persons only), else None."""
        return None

    def fit_clusters(self, train: Sequence[ClusterRow]) -> None:
        """Tune on the train split of a cluster file before :meth:`cluster` is called on its pools."""

    def fit_pairs(self, train: Sequence[PairRow]) -> None:
        """Tune on the train split of a pair file before :meth:`score_pairs` is called on its test split."""

    def cluster(self, names: Sequence[str], types: Sequence[str]) -> list[Hashable]:
        """One cluster label per name, in input order."""
        raise NotImplementedError

    def score_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray | None:
        """A score in [0, 1] per pair (higher = more alike), or None when the peer has no pair score."""
        return None


class BaselinePeer(Peer):
    """The plain rapidfuzz baseline: anyascii + casefold, Jaro-Winkler >= 0.9, connected components."""

    name = "rapidfuzz JW>=0.9"
    setup = "anyascii + casefold key, Jaro-Winkler >= 0.9 on whole keys, connected components (no tuning)"
    pair_threshold = baseline.JW_THRESHOLD
    distributions = ("rapidfuzz",)

    def cluster(self, names: Sequence[str], types: Sequence[str]) -> list[Hashable]:
        return list(baseline.baseline_labels(names))

    def score_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        return baseline.jw_pair_scores(pairs)


def all_peers() -> list[Peer]:
    """Every peer, in report order."""
    # imported here: the peer modules import this one for Peer
    from benchmarks.peers.dedupe_peer import DedupePeer
    from benchmarks.peers.keycollision import FingerprintPeer, NGramFingerprintPeer, PhoneticPeer
    from benchmarks.peers.splink_peer import SplinkPeer
    from benchmarks.peers.string_grouper_peer import StringGrouperPeer

    return [
        BaselinePeer(),
        FingerprintPeer(),
        NGramFingerprintPeer(),
        PhoneticPeer(),
        StringGrouperPeer(),
        SplinkPeer(),
        DedupePeer(),
    ]
