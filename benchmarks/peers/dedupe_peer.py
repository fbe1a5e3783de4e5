"""dedupe 3 as a peer: a learned logistic matcher, learned blocking, hierarchical clustering.

dedupe is trained by its user: ``prepare_training(data, training_file=...)`` with any labels already
at hand, then active learning (``console_label``: dedupe shows the pairs it is least sure of, the user
says match or distinct), then ``train()``; new data is clustered with ``partition(data, threshold)``.
This peer does the same on the train split only, with the gold entity ids standing in for the user:

- a 200-entity train pool is the data dedupe learns from (its sample for blocking and active learning);
- the training file holds 50 match and 50 distinct pairs drawn from another train sample by dedupe's
  own ``training_data_dedupe`` (for data that is already deduplicated);
- then 100 rounds of ``uncertain_pairs`` / ``mark_pairs`` answered from the gold ids, as a user at
  the console would answer (dedupe's docs ask for at least 10 of each kind);
- ``train(recall=0.9)``: the default recall 1.0 learned an "any forename exists" block on person names
  that compares nearly every pair (432,000 pairs for 1,046 names), far too slow above about a thousand;
- the ``partition`` threshold (0.5 by default) is tuned on the train pools.

Fields follow dedupe's examples: persons get the name as a ``String`` plus ``forename`` (missing
allowed) and ``surname`` as ``String``s, like its CSV example's separate columns; organisations get
the patent example's set-up for this very data (PATSTAT), ``String`` + ``Text`` of the name and their
``Interaction``. Names are cleaned as its examples do (ASCII folding, here anyascii; lowercase; spaces).

Pair files: the classifier is trained on a labelled sample of train pairs and scores each test pair
with ``score``; the test-only opensanctions file has no train split, so dedupe is not run on it.
dedupe's active learner draws from unseeded numpy generators; training runs with them seeded
(:func:`_seeded`). What still varies is Python's string-hash seed (set order inside dedupe's
learner): run with a fixed ``PYTHONHASHSEED`` for repeatable numbers.

Pools above ``max_names`` (50,000) names are refused with :class:`PoolTooLarge`, whose message is
the "n/a" reason: pair generation and clustering grow faster than linearly (measured here on 2 cores:
7,108 person names in 26 s, 27,386 in 383 s; 49,999 one-word names in 127 s), and dedupe's users
report memory walls near 100,000 records.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
from collections.abc import Hashable, Iterator, Sequence
from typing import Any

import numpy as np

from benchmarks import datasets
from benchmarks.datasets import ClusterRow, PairRow
from benchmarks.peers import Peer, quiet, tuning
from benchmarks.peers.splink_peer import is_organisation_data

__all__ = ["MAX_NAMES", "DedupePeer", "PoolTooLarge"]

MAX_NAMES = 50_000
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
LEARN_ENTITIES = 200  # the train pool dedupe samples and asks about
SEED_ENTITIES = 100  # the train sample the training file's pairs come from
SEED_PAIRS = 50  # match pairs and distinct pairs in the training file, each
ACTIVE_LABELS = 100  # console_label rounds answered from the gold ids
TRAIN_RECALL = 0.9
PAIR_SAMPLE = 500  # labelled train pairs the pair classifier is trained on
PERSON_FIELDS = "name, forename (missing ok), surname as String"
ORG_FIELDS = "name as String + name as Text + their Interaction (its patent example)"
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


class PoolTooLarge(RuntimeError):
    """Raised by :meth:`DedupePeer.cluster` for pools above its size guard; str() is the n/a reason."""


def _record(name: str) -> dict[str, Any]:
    """The fields dedupe compares: the cleaned name, and its forename / surname split."""
    from anyascii import anyascii

    clean = _SPACES.sub(" ", anyascii(name).lower()).strip().strip("\"'") or None
    tokens = _NON_ALNUM.sub(" ", clean or "").split()
    return {
        "name": clean,
        "forename": " ".join(tokens[:-1]) or None,
        "surname": tokens[-1] if tokens else None,
    }


def _variables(organisations: bool, corpus: Sequence[str]) -> list[Any]:
    from dedupe import variables as v

    if organisations:
        return [
            v.String("name", name="name", has_missing=True),
            v.Text("name", name="name_text", corpus=list(corpus), has_missing=True),
            v.Interaction("name", "name_text"),
        ]
    return [
        v.String("name", has_missing=True),
        v.String("forename", has_missing=True),
        v.String("surname", has_missing=True),
    ]


@contextlib.contextmanager
def _seeded(seed: int = 7) -> Iterator[None]:
    """Make dedupe's training repeatable: it samples with ``random`` and with unseeded numpy generators.

    ``numpy.random.default_rng()`` called without a seed gets ``seed`` while the block runs, so the
    active learner asks the same questions on every run (a benchmark's numbers must not drift).
    """
    original = np.random.default_rng

    def default_rng(s: Any = None) -> np.random.Generator:
        return original(seed if s is None else s)

    random.seed(seed)
    np.random.default_rng = default_rng
    try:
        yield
    finally:
        np.random.default_rng = original


def _as_array(scores: Any) -> np.ndarray:
    """A plain copy of dedupe's scores, removing the memory-mapped temp file it scores into."""
    path = getattr(scores, "filename", None)
    out = np.array(scores)
    del scores
    if path:
        with contextlib.suppress(OSError):
            os.remove(path)
    return out


class DedupePeer(Peer):
    """dedupe trained on the train split by simulated active learning, then ``partition``-style clustering."""

    name = "dedupe"
    package, imports, distributions = "dedupe", ("dedupe",), ("dedupe", "BTrees")

    def __init__(self, max_names: int = MAX_NAMES) -> None:
        self.max_names = max_names
        self.threshold = 0.5  # partition()'s default
        self.pair_threshold = 0.5
        self._deduper: Any = None
        self._fields_text = PERSON_FIELDS
        self._pair_deduper: Any = None
        self.setup = self._cluster_setup("0.5 (partition default)", "not trained yet")

    def supports(self, dataset: str, entity_types: Sequence[str]) -> str | None:
        if dataset in datasets.TEST_ONLY_FILES:
            return "n/a: test-only file; dedupe must be trained on labelled pairs and there is no train split"
        if dataset == datasets.LEXICON_PLACES:
            return (
                "n/a: on place names across scripts the blocking dedupe learns puts nearly every name with "
                "every other; tuning its threshold on 3,704 train names ran for over 20 minutes here (in its "
                "clustering's union-find) and was stopped"
            )
        return None

    # ---- clustering -------------------------------------------------------------------------

    def _cluster_setup(self, threshold: str, labels: str) -> str:
        return (
            f"fields {self._fields_text}; trained on the train split as a console user would: training file "
            f"of {SEED_PAIRS}+{SEED_PAIRS} pairs from training_data_dedupe, {labels}, train(recall="
            f"{TRAIN_RECALL}); clusters from score + cluster (partition's steps) at threshold {threshold}; "
            f"pools over {self.max_names:,} names not run"
        )

    def fit_clusters(self, train: Sequence[ClusterRow]) -> None:
        import dedupe

        organisations = is_organisation_data([r.entity_type for r in train])
        self._fields_text = ORG_FIELDS if organisations else PERSON_FIELDS
        learn = datasets.sample_pool(train, LEARN_ENTITIES, seed=11, split="train")
        data = {i: _record(r.name) for i, r in enumerate(learn)}
        # uncertain_pairs() hands back the very dicts of ``data``, so identity finds their entity
        entity_of = {id(rec): learn[i].entity_id for i, rec in data.items()}
        with quiet("dedupe"), _seeded():
            training_file = _training_file(train)
            deduper = dedupe.Dedupe(
                _variables(organisations, [r["name"] or "" for r in data.values()]), num_cores=0
            )
            deduper.prepare_training(data, training_file=training_file)
            answered = _answer_uncertain_pairs(deduper, entity_of, ACTIVE_LABELS)
            deduper.train(recall=TRAIN_RECALL)
        self._deduper = deduper
        labels = f"{sum(answered.values())} active-learning answers ({answered['match']} match)"
        pools = [p for p in tuning.train_pools(train) if len(p) <= self.max_names]

        def labels_for(names: Sequence[str], types: Sequence[str]) -> dict[float, list[Hashable]]:
            return self._labels_at(names, THRESHOLDS)

        self.threshold, score = tuning.best_candidate(THRESHOLDS, pools, labels_for)
        value = f"{self.threshold:g} (tuned on train pools over {', '.join(f'{t:g}' for t in THRESHOLDS)}; "
        self.setup = self._cluster_setup(value + f"train score {score:.3f})", labels)

    def _labels_at(self, names: Sequence[str], thresholds: Sequence[float]) -> dict[float, list[Hashable]]:
        """Labels at each threshold from one scoring of the blocked pairs (singletons get their own)."""
        from dedupe.core import BlockingError

        data = {i: _record(n) for i, n in enumerate(names)}
        out: dict[float, list[Hashable]] = {}
        with quiet("dedupe"):
            try:
                scores = _as_array(self._deduper.score(self._deduper.pairs(data)))
            except BlockingError:  # nothing blocked together: every name alone
                return {t: list(range(len(names))) for t in thresholds}
            for t in thresholds:
                labels: list[Hashable] = list(range(len(names)))
                for c, (ids, _conf) in enumerate(self._deduper.cluster(scores, t)):
                    for i in ids:
                        labels[i] = len(names) + c
                out[t] = labels
        return out

    def cluster(self, names: Sequence[str], types: Sequence[str]) -> list[Hashable]:
        if self._deduper is None:
            raise RuntimeError("DedupePeer.cluster() needs fit_clusters() first: dedupe must be trained")
        if len(names) > self.max_names:
            raise PoolTooLarge(
                f"n/a: dedupe not run above {self.max_names:,} names (this pool has {len(names):,}); "
                "it took 383 s on 27,386 names here and grows faster than linearly"
            )
        if len(names) < 2:
            return list(range(len(names)))
        return self._labels_at(names, [self.threshold])[self.threshold]

    # ---- pairs ------------------------------------------------------------------------------

    def fit_pairs(self, train: Sequence[PairRow]) -> None:
        import dedupe

        self._pair_deduper = None
        if not train:
            self.setup = "no train split: dedupe needs labelled pairs, so it has no pair score here"
            return
        rnd = random.Random(7)
        sample = rnd.sample(list(train), min(PAIR_SAMPLE, len(train)))
        training = {"match": [], "distinct": []}
        for r in sample:
            training["match" if r.is_match else "distinct"].append([_record(r.name1), _record(r.name2)])
        data = {i: _record(n) for i, n in enumerate(sorted({n for r in sample for n in (r.name1, r.name2)}))}
        with quiet("dedupe"), _seeded():
            deduper = dedupe.Dedupe(_variables(False, []), num_cores=0)
            deduper.prepare_training(data, training_file=io.StringIO(json.dumps(training)))
            deduper.train(recall=TRAIN_RECALL)
        self._pair_deduper = deduper
        scores = self.score_pairs([(r.name1, r.name2) for r in train])
        self.pair_threshold = tuning.best_pair_threshold([r.is_match for r in train], scores)
        self.setup = (
            f"fields {PERSON_FIELDS}; classifier trained on {len(sample)} labelled train pairs "
            f"({len(training['match'])} match) as a training file; score() of each pair; threshold "
            f"{self.pair_threshold:.3g} (best F1 on the train split)"
        )

    def score_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray | None:
        if self._pair_deduper is None:
            return None
        if not pairs:
            return np.zeros(0, dtype=np.float64)
        records = (((2 * i, _record(a)), (2 * i + 1, _record(b))) for i, (a, b) in enumerate(pairs))
        with quiet("dedupe"):
            scored = _as_array(self._pair_deduper.score(records))
        out = np.zeros(len(pairs), dtype=np.float64)
        out[scored["pairs"][:, 0] // 2] = scored["score"]
        return out


def _strip(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _training_file(train: Sequence[ClusterRow]) -> io.StringIO:
    """A training file of labels already at hand: pairs from dedupe's ``training_data_dedupe``."""
    from dedupe.convenience import training_data_dedupe

    rows = datasets.sample_pool(train, SEED_ENTITIES, seed=8, split="train")
    labelled = {i: {**_record(r.name), "_entity": r.entity_id} for i, r in enumerate(rows)}
    pairs = training_data_dedupe(labelled, "_entity", training_size=5000)
    rnd = random.Random(7)
    chosen = {
        kind: [[_strip(a), _strip(b)] for a, b in rnd.sample(found, min(SEED_PAIRS, len(found)))]
        for kind, found in pairs.items()
    }
    return io.StringIO(json.dumps(chosen))


def _answer_uncertain_pairs(deduper: Any, entity_of: dict[int, str], rounds: int) -> dict[str, int]:
    """Active learning with the gold ids as the user: ``console_label``'s loop without the console."""
    answered = {"match": 0, "distinct": 0}
    for _ in range(rounds):
        a, b = deduper.uncertain_pairs()[0]
        if id(a) not in entity_of or id(b) not in entity_of:  # a training-file record: no answer known
            break
        kind = "match" if entity_of[id(a)] == entity_of[id(b)] else "distinct"
        deduper.mark_pairs({"match": [], "distinct": [], kind: [(a, b)]})
        answered[kind] += 1
    return answered
