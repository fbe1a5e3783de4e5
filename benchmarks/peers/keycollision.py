"""OpenRefine-style key collision clustering, written here from OpenRefine's published description.

OpenRefine's "Clustering in depth" page describes its key collision methods, which it recommends
trying from strict to lax: fingerprint, then n-gram fingerprint, then phonetic keys. Names with the
same key form one cluster; there is no score, so a pair scores 1.0 when the keys collide and 0.0
otherwise. Each method is its own peer so every method's numbers can be reported.

Two choices of ours, both stated in each peer's ``setup``:

- ASCII folding uses anyascii rather than OpenRefine's table of "extended western characters", so
  Cyrillic, Greek or CJK names get a Latin key too (OpenRefine would keep them as they are). It runs
  first, so whatever it emits (capitals, apostrophes) is lowercased and cleaned by the later steps.
- OpenRefine's phonetic keyer is Metaphone3, which has no Python package here. The phonetic peer
  uses Double Metaphone (the ``doublemetaphone`` package, a core dependency of namerec): the primary
  code of each fingerprint token, sorted and deduplicated, so token order does not matter.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence

import numpy as np

from benchmarks.peers import Peer

__all__ = [
    "FingerprintPeer",
    "KeyCollisionPeer",
    "NGramFingerprintPeer",
    "PhoneticPeer",
    "fingerprint",
    "ngram_fingerprint",
    "phonetic_key",
]

# after anyascii everything is ASCII: punctuation and control characters are the non-alphanumeric,
# non-whitespace characters
_PUNCT_CTRL = re.compile(r"[^0-9A-Za-z\s]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _ascii_lower(name: str) -> str:
    from anyascii import anyascii

    return anyascii(name).strip().lower()


def _tokens(name: str) -> list[str]:
    """Trimmed, ASCII, lowercased, punctuation-free whitespace tokens, sorted and deduplicated."""
    return sorted(set(_PUNCT_CTRL.sub("", _ascii_lower(name)).split()))


def fingerprint(name: str) -> str:
    """OpenRefine's fingerprint key: "Tom  Cruise" and "cruise, tom" both give "cruise tom"."""
    return " ".join(_tokens(name))


def ngram_fingerprint(name: str, n: int = 2) -> str:
    """OpenRefine's n-gram fingerprint: sorted unique character n-grams, joined ("Paris" -> "arispari").

    Whitespace and punctuation are removed before the n-grams are taken. A string shorter than ``n``
    is its own key, so that it still collides with itself.
    """
    s = _NOT_ALNUM.sub("", _ascii_lower(name))
    if len(s) < n:
        return s
    return "".join(sorted({s[i : i + n] for i in range(len(s) - n + 1)}))


def phonetic_key(name: str) -> str:
    """Double Metaphone primary code of each fingerprint token, sorted and deduplicated.

    A token with no code (e.g. "h") keeps its letters, so it is not silently dropped.
    """
    from doublemetaphone import doublemetaphone

    codes = {doublemetaphone(tok)[0] or tok for tok in _tokens(name)}
    return " ".join(sorted(codes))


class KeyCollisionPeer(Peer):
    """Clusters = names with the same non-empty key; a pair scores 1.0 exactly when the keys collide."""

    pair_threshold = 0.5

    def key(self, name: str) -> str:
        raise NotImplementedError

    def cluster(self, names: Sequence[str], types: Sequence[str]) -> list[Hashable]:
        ids: dict[str, int] = {}
        labels: list[Hashable] = []
        for i, name in enumerate(names):
            k = self.key(name)
            # a name with an empty key (only punctuation, say) collides with nothing
            labels.append(ids.setdefault(k, len(ids)) if k else -1 - i)
        return labels

    def score_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        scores = []
        for a, b in pairs:
            ka = self.key(a)
            scores.append(1.0 if ka and ka == self.key(b) else 0.0)
        return np.asarray(scores, dtype=np.float64)


class FingerprintPeer(KeyCollisionPeer):
    name = "OpenRefine fingerprint"
    setup = (
        "OpenRefine fingerprint key collision (own code from its docs): ASCII fold (anyascii, all scripts), "
        "lowercase, drop punctuation/control characters, sorted unique whitespace tokens; no tuning"
    )

    def key(self, name: str) -> str:
        return fingerprint(name)


class NGramFingerprintPeer(KeyCollisionPeer):
    name = "OpenRefine 2-gram fingerprint"
    setup = (
        "OpenRefine n-gram fingerprint key collision, n=2 (its default; own code from its docs): ASCII fold "
        "(anyascii, all scripts), lowercase, drop whitespace/punctuation, sorted unique 2-grams; no tuning"
    )

    def __init__(self, n: int = 2) -> None:
        self.n = n

    def key(self, name: str) -> str:
        return ngram_fingerprint(name, self.n)


class PhoneticPeer(KeyCollisionPeer):
    name = "OpenRefine phonetic (Double Metaphone)"
    setup = (
        "OpenRefine-style phonetic key collision with Double Metaphone (doublemetaphone package) in place "
        "of its Metaphone3: primary code per fingerprint token (anyascii fold), sorted unique; no tuning"
    )

    def version(self) -> str:
        from importlib.metadata import version

        return f"own code, DoubleMetaphone {version('DoubleMetaphone')}"

    def key(self, name: str) -> str:
        return phonetic_key(name)
