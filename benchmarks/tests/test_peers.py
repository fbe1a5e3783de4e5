"""The peers: key functions on hand-made names, label shape and order, and honest "n/a" reasons.

Tests that need an optional library skip without it, so the suite passes without the bench extra;
every input is tiny, so the file runs in seconds.
"""

from __future__ import annotations

import builtins

import numpy as np
import pytest

from benchmarks import datasets
from benchmarks.peers import BaselinePeer, Peer, all_peers, tuning
from benchmarks.peers.keycollision import (
    FingerprintPeer,
    NGramFingerprintPeer,
    PhoneticPeer,
    fingerprint,
    ngram_fingerprint,
    phonetic_key,
)

NAMES = ["Tom Cruise", "cruise, tom", "Thomas Cruise", "Nicole Kidman", "Nicol Kidmann", "Tom Cruise"]
TYPES = ["PER"] * len(NAMES)


def _same_partition(a: list, b: list) -> bool:
    return len(set(a)) == len(set(b)) == len(set(zip(a, b, strict=True)))


def _block_import(monkeypatch: pytest.MonkeyPatch, *packages: str) -> None:
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.split(".")[0] in packages:
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


# ---- key collision ----------------------------------------------------------------------------


def test_fingerprint_ignores_case_spacing_punctuation_and_order():
    assert fingerprint("Tom  Cruise") == fingerprint("cruise, tom") == "cruise tom"
    assert fingerprint("  Gödel ") == "godel"
    assert fingerprint("a b a") == "a b"  # tokens deduplicated
    assert fingerprint("O'Brien\x07") == "obrien"  # punctuation and control characters removed


def test_fingerprint_folds_other_scripts_with_anyascii():
    assert fingerprint("Зеленский") == "zelenskiy"
    assert fingerprint("Kristīne Bērziņa") == fingerprint("berzina, kristine")


def test_ngram_fingerprint():
    assert ngram_fingerprint("Paris") == "arispari"  # ar is pa ri
    assert ngram_fingerprint("Paris", n=1) == "aiprs"
    assert ngram_fingerprint("pa ris!") == ngram_fingerprint("Paris")  # whitespace and punctuation dropped
    assert ngram_fingerprint("a") == "a"  # shorter than n: its own key


def test_phonetic_key_is_token_order_free_and_merges_spellings():
    assert phonetic_key("Smith, John") == phonetic_key("Jon Smyth")
    assert phonetic_key("Smith") != phonetic_key("Jones")


@pytest.mark.parametrize("peer_cls", [FingerprintPeer, NGramFingerprintPeer, PhoneticPeer])
def test_key_collision_peers_label_in_order(peer_cls):
    peer = peer_cls()
    labels = peer.cluster(NAMES, TYPES)
    assert len(labels) == len(NAMES)
    assert labels[0] == labels[5] and labels[0] != labels[3]
    assert (labels[0] == labels[1]) == (peer_cls is not NGramFingerprintPeer)  # 2-grams see token order
    scores = peer.score_pairs([("Tom Cruise", " TOM  CRUISE."), ("Tom Cruise", "Nicole Kidman")])
    assert scores.tolist() == [1.0, 0.0]
    assert peer.setup and peer.version()


def test_empty_keys_do_not_collide():
    assert FingerprintPeer().cluster(["...", "!!", "a"], ["PER"] * 3) == [-1, -2, 0]
    assert FingerprintPeer().score_pairs([("...", "!!")]).tolist() == [0.0]


# ---- registry and tuning helpers --------------------------------------------------------------


def test_all_peers_order_and_interface():
    peers = all_peers()
    assert isinstance(peers[0], BaselinePeer)
    names = [p.name for p in peers]
    assert names.index("OpenRefine fingerprint") < names.index("string_grouper")
    assert names.index("string_grouper") < names.index("Splink") < names.index("dedupe")
    assert all(isinstance(p, Peer) and p.name and p.setup for p in peers)


def test_best_pair_threshold_picks_the_best_f1_cut():
    y = [True, True, False, True, False]
    s = np.array([0.9, 0.8, 0.7, 0.6, 0.1])
    assert tuning.best_pair_threshold(y, s) == 0.6
    assert tuning.best_pair_threshold(y, s, grid=[0.85, 0.75]) == 0.75


def test_train_pools_come_from_the_train_split_only():
    rows = [datasets.ClusterRow(f"n{i}", f"e{i // 2}", "PER") for i in range(400)]
    train = datasets.split_clusters(rows, "train")
    pools = tuning.train_pools(train, sizes=(5, 1000))
    assert [len({r.entity_id for r in p}) for p in pools] == [5, len({r.entity_id for r in train})]
    assert all(not datasets.in_test_split(r.entity_id) for p in pools for r in p)


# ---- string_grouper ---------------------------------------------------------------------------


def test_string_grouper_unavailable_without_package(monkeypatch):
    from benchmarks.peers.string_grouper_peer import StringGrouperPeer

    _block_import(monkeypatch, "string_grouper")
    assert StringGrouperPeer().unavailable().startswith("n/a: string_grouper not installed")


def test_string_grouper_peer_on_a_tiny_list():
    pytest.importorskip("string_grouper")
    from benchmarks.peers.string_grouper_peer import StringGrouperPeer

    peer = StringGrouperPeer()
    assert peer.unavailable() is None
    labels = peer.cluster(NAMES, TYPES)
    assert len(labels) == len(NAMES)
    assert labels[0] == labels[5] and labels[0] != labels[3]
    scores = peer.score_pairs([("Nicole Kidman", "Nicol Kidmann"), ("Nicole Kidman", "Tom Cruise")])
    assert scores.shape == (2,) and scores[0] > scores[1] and 0.0 <= scores.min() <= scores.max() <= 1.0


# ---- Splink -----------------------------------------------------------------------------------


def test_splink_supports_persons_not_organisations():
    from benchmarks.peers.splink_peer import SplinkPeer

    peer = SplinkPeer()
    assert peer.supports("patstat_orgs", ["ORG"] * 5).startswith("n/a")
    assert peer.supports("some_companies", ["Company", "Company", "Person"]).startswith("n/a")
    assert peer.supports("splink_historical50k", ["PER"] * 5) is None
    assert peer.supports("opensanctions_namebench_pairs", ["Person", "Person", "Company"]) is None


def test_splink_name_split():
    from benchmarks.peers.splink_peer import split_name

    assert split_name("Jean-Paul  SARTRE") == ("jean paul", "sartre")
    assert split_name("Зеленский") == (None, "zelenskiy")
    assert split_name("...") == (None, None)


def test_splink_unavailable_without_package(monkeypatch):
    from benchmarks.peers.splink_peer import SplinkPeer

    _block_import(monkeypatch, "splink")
    assert SplinkPeer().unavailable().startswith("n/a: splink not installed")


def test_splink_peer_on_a_tiny_list():
    pytest.importorskip("splink")
    from benchmarks.peers.splink_peer import SplinkPeer

    names = NAMES * 4 + ["Anna Smith", "Ann Smyth", "Bob Jones", "Robert Jones", "Carl Weber", "Karl Weber"]
    labels = SplinkPeer().cluster(names, ["PER"] * len(names))
    # too few names for EM, so no claim about which link: one integer label per name, in input order
    assert len(labels) == len(names) and all(isinstance(x, int) for x in labels)
    scores = SplinkPeer().score_pairs([("Tom Cruise", "Tom Cruise"), ("Tom Cruise", "Nicole Kidman")])
    assert scores.shape == (2,) and ((scores >= 0) & (scores <= 1)).all()


# ---- dedupe -----------------------------------------------------------------------------------


def test_dedupe_unavailable_without_package(monkeypatch):
    from benchmarks.peers.dedupe_peer import DedupePeer

    _block_import(monkeypatch, "dedupe")
    assert DedupePeer().unavailable().startswith("n/a: dedupe not installed")


def test_dedupe_refuses_big_pools_and_untrained_use():
    pytest.importorskip("dedupe")
    from benchmarks.peers.dedupe_peer import DedupePeer, PoolTooLarge

    peer = DedupePeer(max_names=3)
    assert peer.supports("opensanctions_namebench_pairs", ["Person"]).startswith("n/a")
    assert peer.supports("splink_historical50k", ["PER"]) is None
    with pytest.raises(RuntimeError):
        peer.cluster(["a", "b"], ["PER", "PER"])  # cluster() before fit_clusters()
    assert peer.score_pairs([("a", "b")]) is None  # no pair model before fit_pairs()
    peer._deduper = _FakeDeduper()
    with pytest.raises(PoolTooLarge, match="n/a: dedupe not run above 3 names"):
        peer.cluster(["a", "b", "c", "d"], ["PER"] * 4)


class _FakeDeduper:
    """Stands in for a trained dedupe.Dedupe (training takes minutes): same-surname pairs match."""

    dtype = np.dtype([("pairs", "i8", 2), ("score", "f4")])

    def pairs(self, data):
        ids = sorted(data)
        return [((a, data[a]), (b, data[b])) for i, a in enumerate(ids) for b in ids[i + 1 :]]

    def score(self, pairs):
        rows = [((a, b), float(ra["surname"] == rb["surname"])) for (a, ra), (b, rb) in pairs]
        return np.array(rows[::-1], dtype=self.dtype)  # any order: the peer must map by id

    def cluster(self, scores, threshold):
        parent: dict = {}
        for (a, b), s in zip(scores["pairs"].tolist(), scores["score"].tolist(), strict=True):
            if s >= threshold:
                parent[max(a, b)] = parent.get(min(a, b), min(a, b))
        groups: dict = {}
        for child, root in parent.items():
            groups.setdefault(root, {root}).add(child)
        for members in groups.values():
            yield tuple(sorted(members)), tuple(1.0 for _ in members)


def test_dedupe_glue_keeps_input_order():
    pytest.importorskip("dedupe")
    from benchmarks.peers.dedupe_peer import DedupePeer

    peer = DedupePeer()
    peer._deduper = peer._pair_deduper = _FakeDeduper()
    labels = peer.cluster(["Ann Smith", "Bob Jones", "A. Smith", "Carl Weber"], ["PER"] * 4)
    assert len(labels) == 4 and labels[0] == labels[2] and len({labels[0], labels[1], labels[3]}) == 3
    scores = peer.score_pairs([("Ann Smith", "Bob Jones"), ("Ann Smith", "A. Smith"), ("x y", "z y")])
    assert scores.tolist() == [0.0, 1.0, 1.0]


def test_dedupe_says_why_it_does_not_run_on_the_lexicon_places():
    from benchmarks import quality
    from benchmarks.peers.dedupe_peer import DedupePeer

    why = DedupePeer().supports(quality.LEXICON_PLACES.name, ["LOC"])
    assert why and why.startswith("n/a:") and "20 minutes" in why
    assert DedupePeer().supports("splink_historical50k", ["PER"]) is None
