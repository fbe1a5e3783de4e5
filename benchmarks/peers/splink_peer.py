"""Splink 5 (Fellegi-Sunter on DuckDB) as a peer, set up the way its person-name examples are.

Splink links records with several columns; here a record has only a name. Following its docs'
examples for people (the ``historical_50k`` and ``pairwise_labels`` demos), the name becomes a
``forename`` (all tokens but the last) and a ``surname`` (the last token), after anyascii and
lowercasing, each compared with ``NameComparison`` (exact match with term-frequency adjustment,
Jaro-Winkler 0.92 / 0.88 / 0.7, and the optional Double Metaphone level, for which we derive the
code arrays with the ``doublemetaphone`` package). ``ForenameSurnameComparison`` is not used: with
no other column, expectation maximisation could never estimate it.

Clustering a pool, as Splink is normally used (unsupervised, on the data being linked):
u by random sampling, then m by EM blocked on ``surname`` (estimates the forename comparison, and
the prior match probability) and on ``forename`` (estimates the surname comparison); predict with
the blocking rules below; ``cluster_pairwise_predictions_at_threshold`` at a match probability tuned
on train-split pools. A pool of one-word names (wikidata_ru_translit) leaves one usable column, which
EM cannot estimate while blocking on it, so there the model is Splink's "quick and dirty" one: u by
random sampling, default m, and the prior from a deterministic rule (equal name, recall 0.6).

Pair files: each labelled pair becomes a two-record link job (``link_only``, blocked on a pair id),
so ``predict`` scores exactly the given pairs. With a train split the m values come from its match
pairs (``estimate_m_from_pairwise_labels``) and the decision threshold is tuned on it; the test-only
opensanctions file gets the unsupervised recipe above, run on its own records, and threshold 0.5.

Organisation datasets are not run (:meth:`SplinkPeer.supports`): the comparisons are for person
names, and Splink's docs name a lone company-name column as a poor fit for it.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any, NamedTuple

import numpy as np

from benchmarks.datasets import ClusterRow, PairRow
from benchmarks.peers import Peer, quiet, tuning

__all__ = ["SplinkPeer", "is_organisation_data", "split_name"]

ORG_TYPES = frozenset({"ORG", "ORGANIZATION", "ORGANISATION", "COMPANY", "LEGALENTITY", "VESSEL"})
THRESHOLDS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9, 0.95, 0.99)
PREDICTIONS_RULES = (
    ("surname",),
    ("forename", "substr(surname,1,1)"),
    ("substr(forename,1,2)", "substr(surname,1,2)"),
    ("substr(surname,1,3)",),
)
MIN_EM_PAIRS = 100
U_MAX_PAIRS = 2e6  # random pairs for u: ample for pools of a few thousand names
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def is_organisation_data(entity_types: Sequence[str]) -> bool:
    """True when most rows are typed as organisations (ORG, Company, Organization, LegalEntity, Vessel)."""
    types = [t.replace("_", "").upper() for t in entity_types if t]
    return bool(types) and sum(t in ORG_TYPES for t in types) > len(types) / 2


def split_name(name: str) -> tuple[str | None, str | None]:
    """(forename, surname): all tokens but the last, and the last, of the anyascii + lowercase name."""
    from anyascii import anyascii

    tokens = _NON_ALNUM.sub(" ", anyascii(name).lower()).split()
    if not tokens:
        return None, None
    return (" ".join(tokens[:-1]) or None), tokens[-1]


def _dmeta(part: str | None) -> list[str] | None:
    from doublemetaphone import doublemetaphone

    codes = [c for c in dict.fromkeys(doublemetaphone(part)) if c] if part else []
    return codes or None


def _records(names: Sequence[str], id_offset: int = 0) -> Any:
    """A pyarrow table of the records Splink links: unique_id, pair_id, forename/surname and their codes."""
    import pyarrow as pa

    cols: dict[str, list[Any]] = {
        k: [] for k in ("unique_id", "forename", "surname", "forename_dm", "surname_dm")
    }
    for i, name in enumerate(names):
        forename, surname = split_name(name)
        cols["unique_id"].append(i + id_offset)
        cols["forename"].append(forename)
        cols["surname"].append(surname)
        cols["forename_dm"].append(_dmeta(forename))
        cols["surname_dm"].append(_dmeta(surname))
    cols["pair_id"] = list(range(len(names)))
    schema = pa.schema(
        [
            ("unique_id", pa.int64()),
            ("forename", pa.string()),
            ("surname", pa.string()),
            ("forename_dm", pa.list_(pa.string())),
            ("surname_dm", pa.list_(pa.string())),
            ("pair_id", pa.int64()),
        ]
    )
    return pa.table(cols, schema=schema)


def _db_api() -> Any:
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    return DuckDBAPI(connection=con)


def _two_columns(table: Any) -> bool:
    """Whether enough records have a forename for EM to estimate both comparisons."""
    return table.column("forename").null_count < table.num_rows / 2


def _settings(two_columns: bool, link_type: str, blocking_rules: Sequence[Any]) -> Any:
    import splink.comparison_library as cl
    from splink import SettingsCreator

    comparisons = [cl.NameComparison("surname", dmeta_col_name="surname_dm")]
    if two_columns:
        comparisons.insert(0, cl.NameComparison("forename", dmeta_col_name="forename_dm"))
    return SettingsCreator(
        link_type=link_type,
        blocking_rules_to_generate_predictions=list(blocking_rules),
        comparisons=comparisons,
    )


def _pairs_sharing(table: Any, column: str) -> int:
    """How many record pairs share a non-null value of ``column`` (what EM blocked on it would see)."""
    counts = Counter(v for v in table.column(column).to_pylist() if v is not None)
    return sum(c * (c - 1) // 2 for c in counts.values())


def _train_unsupervised(linker: Any, table: Any, two_columns: bool) -> None:
    """u by random sampling; m by EM on two blocking rules (or Splink's defaults for one column).

    Following Splink's advice that EM needs at least a few hundred comparisons, an EM step whose
    blocking rule gives fewer than ``MIN_EM_PAIRS`` pairs is skipped (as in a tiny pool), leaving
    Splink's default m values for that comparison; likewise the prior without any equal names.
    """
    from splink import block_on

    training = linker.training
    if not two_columns and _pairs_sharing(table, "surname") > 0:
        # Splink refuses (ValueError) when equal names alone exceed the stated recall: keep the default
        with contextlib.suppress(ValueError):
            training.estimate_probability_two_random_records_match([block_on("surname")], recall=0.6)
    training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=7)
    if not two_columns:
        return
    if _pairs_sharing(table, "surname") >= MIN_EM_PAIRS:
        training.estimate_parameters_using_expectation_maximisation(
            block_on("surname"),
            estimate_without_term_frequencies=True,
            populate_probability_two_random_records_match_from_trained_values=True,
        )
    if _pairs_sharing(table, "forename") >= MIN_EM_PAIRS:
        training.estimate_parameters_using_expectation_maximisation(
            block_on("forename"), estimate_without_term_frequencies=True
        )


class _PairJob(NamedTuple):
    linker: Any
    db_api: Any
    two_columns: bool
    records: Any  # both sides' records, for counting what EM would see


class SplinkPeer(Peer):
    """Splink 5 on DuckDB: unsupervised Fellegi-Sunter on forename/surname, connected components."""

    name = "Splink"
    package, imports, distributions = "splink", ("duckdb", "pyarrow", "splink"), ("splink", "duckdb")

    def __init__(self) -> None:
        self.threshold = 0.95  # the match probability of Splink's 50k-persons demo, until tuned
        self.pair_threshold = 0.5
        self._pair_model: dict[str, Any] | None = None
        self._pair_two_columns = True
        self.setup = self._cluster_setup("0.95 (its demo's value; not tuned)")

    def supports(self, dataset: str, entity_types: Sequence[str]) -> str | None:
        if is_organisation_data(entity_types) or dataset == "patstat_orgs":
            return (
                "n/a: organisation names; Splink's name comparisons are for person forename/surname "
                "columns, and its docs call a lone company-name column a poor fit"
            )
        return None

    # ---- clustering -------------------------------------------------------------------------

    @staticmethod
    def _cluster_setup(threshold: str) -> str:
        return (
            "anyascii+lowercase name split into forename (all but last token) / surname (last token); "
            "NameComparison on each (JW 0.92/0.88/0.7 + Double Metaphone level, TF on exact); blocking "
            "surname | forename+surname[1] | forename[:2]+surname[:2] | surname[:3]; u by random sampling, "
            "m by EM blocked on surname then forename, on the pool itself (one-word pools: default m, "
            f"prior from equal names at recall 0.6); connected components at match probability {threshold}"
        )

    def _predict(self, names: Sequence[str]) -> tuple[Any, Any]:
        """Train on the pool and score its blocked pairs: (linker, predictions)."""
        from splink import Linker, block_on

        table = _records(names)
        two_columns = _two_columns(table)
        db_api = _db_api()
        rules = [block_on(*cols) for cols in PREDICTIONS_RULES]
        linker = Linker(db_api.register(table), _settings(two_columns, "dedupe_only", rules), log_level=None)
        _train_unsupervised(linker, table, two_columns)
        predictions = linker.inference.predict(threshold_match_probability=min(THRESHOLDS))
        return linker, predictions

    @staticmethod
    def _labels(linker: Any, predictions: Any, n: int, threshold: float) -> list[Hashable]:
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold
        )
        df = clusters.as_pandas_dataframe()
        by_id = dict(zip(df["unique_id"].tolist(), df["cluster_id"].tolist(), strict=True))
        return [by_id.get(i, -1 - i) for i in range(n)]

    def fit_clusters(self, train: Sequence[ClusterRow]) -> None:
        pools = tuning.train_pools(train)
        if not pools or is_organisation_data([r.entity_type for r in train]):
            return

        def labels_for(names: Sequence[str], types: Sequence[str]) -> dict[float, list[Hashable]]:
            with quiet("splink"):
                linker, predictions = self._predict(names)
                return {t: self._labels(linker, predictions, len(names), t) for t in THRESHOLDS}

        self.threshold, score = tuning.best_candidate(THRESHOLDS, pools, labels_for)
        self.setup = self._cluster_setup(
            f"{self.threshold:g} (tuned on train pools of {', '.join(str(len(p)) for p in pools)} names "
            f"over {', '.join(f'{t:g}' for t in THRESHOLDS)}; train score {score:.3f})"
        )

    def cluster(self, names: Sequence[str], types: Sequence[str]) -> list[Hashable]:
        if len(names) < 2:
            return list(range(len(names)))
        with quiet("splink"):
            linker, predictions = self._predict(names)
            return self._labels(linker, predictions, len(names), self.threshold)

    # ---- pairs ------------------------------------------------------------------------------

    @staticmethod
    def _pair_job(pairs: Sequence[tuple[str, str]], model: Any, two_columns: bool | None = None) -> _PairJob:
        """A link_only linker over (name1 records, name2 records), blocked on the pair id."""
        import pyarrow as pa
        from splink import Linker

        left, right = _records([a for a, _ in pairs]), _records([b for _, b in pairs])
        if two_columns is None:
            two_columns = _two_columns(left) and _two_columns(right)
        db_api = _db_api()
        inputs = [
            db_api.register(left, dataset_display_name="name1"),
            db_api.register(right, dataset_display_name="name2"),
        ]
        if model is None:
            model = _settings(two_columns, "link_only", ["l.pair_id = r.pair_id"])
        linker = Linker(inputs, model, log_level=None)
        return _PairJob(linker, db_api, two_columns, pa.concat_tables([left, right]))

    @staticmethod
    def _pair_scores(linker: Any, n: int) -> np.ndarray:
        df = linker.inference.predict().as_pandas_dataframe()
        scores = np.zeros(n, dtype=np.float64)
        scores[df["unique_id_l"].to_numpy()] = df["match_probability"].to_numpy()
        return scores

    def fit_pairs(self, train: Sequence[PairRow]) -> None:
        self._pair_model = None
        self.pair_threshold = 0.5
        if not train:
            self.setup = (
                "pairs as a two-record link job blocked on pair id; forename/surname NameComparison as for "
                "clustering; no train split, so unsupervised on the file's own records (u by random "
                "sampling, EM blocked on surname then forename); match probability threshold 0.5"
            )
            return
        import pyarrow as pa

        pairs = [(r.name1, r.name2) for r in train]
        with quiet("splink"):
            job = self._pair_job(pairs, None)
            linker, two_columns = job.linker, job.two_columns
            linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=7)
            matches = [i for i, r in enumerate(train) if r.is_match]
            labels = pa.table(
                {
                    "source_dataset_l": ["name1"] * len(matches),
                    "unique_id_l": matches,
                    "source_dataset_r": ["name2"] * len(matches),
                    "unique_id_r": matches,
                }
            )
            linker.training.estimate_m_from_pairwise_labels(
                linker.table_management.register_labels_table(job.db_api.register(labels))
            )
            scores = self._pair_scores(linker, len(pairs))
            self._pair_model = linker.misc.save_model_to_json()
            self._pair_two_columns = two_columns
        self.pair_threshold = tuning.best_pair_threshold([r.is_match for r in train], scores)
        compared = "forename/surname NameComparison" if two_columns else "NameComparison of the one-word name"
        self.setup = (
            f"pairs as a two-record link job blocked on pair id; {compared}; u by random sampling, m from "
            "the train split's match pairs (estimate_m_from_pairwise_labels); match probability threshold "
            f"{self.pair_threshold:.3g} (best F1 on the train split)"
        )

    def score_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros(0, dtype=np.float64)
        with quiet("splink"):
            if self._pair_model is not None:
                job = self._pair_job(pairs, self._pair_model, self._pair_two_columns)
            else:
                job = self._pair_job(pairs, None)
                _train_unsupervised(job.linker, job.records, job.two_columns)
            return self._pair_scores(job.linker, len(pairs))
