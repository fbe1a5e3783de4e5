"""Fit the scorer weights and token rarities shipped with namerec, from TRAIN splits only.

    python -m benchmarks.train_default_scorer [--data-dir ../shared/data/variants]

Writes namerec/data/token_frequencies.json (token counts over the train-split names) and
namerec/scoring/weights.json (the logistic match model). The test splits and the
opensanctions file are never read here; quality is measured on them by ``python -m benchmarks``.

Training pairs are drawn as the pipeline draws them: candidate pairs of seeded 1,000-entity pools
of the train split of each cluster file, plus the train split of the two Ancestry pair files,
plus generated negatives (two people sharing a surname, see ``relative_negatives``; look-alike
places, see ``place_lookalike_negatives``). Each source gets the same total weight (the generated
negatives a twentieth), so no single file dictates the model. The pool scalings are fitted after
the model: on fresh train-split pools (``pool_scaling``) and, for pairs of two places, on the train
split of the lexicon's places with the lexicon switched off (``place_pool_scaling``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from benchmarks import datasets

REPO = Path(__file__).resolve().parent.parent
POOLS = {"splink_historical50k": 4, "wikidata_ru_translit": 3, "patstat_orgs": 1}
# Files too small for several pools of 1,000 entities: their whole train split is one pool.
WHOLE_POOLS = frozenset({"patstat_orgs"})
GENERATED_WEIGHT = 0.05
PAIR_FILES = ("ancestry_surnames_pairs", "ancestry_givennames_pairs")
# Pools of the lexicon's places, each with another draw of every place's forms.
PLACE_POOLS = 4


def write_token_frequencies() -> None:
    from namerec.normalize import normalize_name

    names: set[tuple[str, str]] = set()
    for name in POOLS:
        for row in datasets.split_clusters(datasets.load_clusters(name), "train"):
            names.add((row.name, row.entity_type))
    for name in PAIR_FILES:
        for row in datasets.split_pairs(datasets.load_pairs(name), "train"):
            names.update({(row.name1, ""), (row.name2, "")})
    counts: Counter[str] = Counter()
    texts = {normalize_name(n, t).text for n, t in names}
    for text in texts:
        counts.update(set(text.split()))
    kept = {tok: c for tok, c in sorted(counts.items()) if c >= 2}
    out = REPO / "namerec" / "data" / "token_frequencies.json"
    out.write_text(json.dumps({
        "source": "distinct normalised names of the train splits of namerec's benchmark datasets "
                  "(see benchmarks/train_default_scorer.py); tokens seen at least twice",
        "documents": len(texts),
        "counts": kept,
    }, sort_keys=True) + "\n", encoding="utf-8")
    print(f"token frequencies: {len(kept)} tokens over {len(texts)} names -> {out}", file=sys.stderr)


def relative_negatives(rows: list[datasets.ClusterRow], count: int, seed: int = 5) -> list[tuple[str, str]]:
    """Generated hard negatives: two different people who share a surname (relatives, namesakes).

    Person pools sampled from the data rarely hold two people with one surname, while real lists
    often do (Max and Ingrid Bergman). For two people A and B, A's given name is put in front of
    B's surname and paired with B's own name: the surname agrees, the given names do not.
    """
    import random

    from namerec.given_names import are_nicknames

    by_entity: dict[str, list[list[str]]] = {}
    for row in rows:
        tokens = row.name.split()
        if len(tokens) == 2 and all(t.isalpha() and len(t) > 1 for t in tokens):
            by_entity.setdefault(row.entity_id, []).append(tokens)
    entities = sorted(by_entity)
    rng = random.Random(seed)
    pairs: list[tuple[str, str]] = []
    while len(pairs) < count:
        a, b = rng.sample(entities, 2)
        given_a = rng.choice(by_entity[a])[0]
        given_b, surname_b = rng.choice(by_entity[b])
        if given_a[0] == given_b[0] or are_nicknames(given_a, given_b):
            continue  # might be the same person's variant: not a sure negative
        pairs.append((f"{given_a} {surname_b}", f"{given_b} {surname_b}"))
    return pairs


def gendered_negatives(given: list[str], surnames: list[str], count: int = 2000,
                       seed: int = 6) -> list[tuple[str, str]]:
    """Generated hard negatives: a man and a woman of one surname whose given names are two forms of
    one name (Robert and Roberta Smith, Paul and Pauline Smith), as in any list of families.

    A pair of ``given`` names counts when ``GenderForms`` finds one the other's feminine form and the
    nickname lexicon does not make them one name; each pair gets a surname drawn from ``surnames``.
    """
    import random

    from namerec.given_names import are_nicknames
    from namerec.records import GenderForms

    forms = GenderForms.of(given)
    by_feminine_stem: dict[int, list[int]] = {}
    for woman, stems in enumerate(forms.feminine_stems.tolist()):
        for stem in stems:
            by_feminine_stem.setdefault(stem, []).append(woman)
    pairs = sorted({
        (given[man], given[woman])
        for man in range(len(given))
        for key in (int(forms.own[man]), int(forms.masculine_stem[man]))
        for woman in by_feminine_stem.get(key, ())
        if not are_nicknames(given[man], given[woman])
    })
    rng = random.Random(seed)
    chosen = [rng.choice(pairs) for _ in range(count)] if pairs else []
    return [(f"{man} {surname}", f"{woman} {surname}") for (man, woman), surname in
            zip(chosen, (rng.choice(surnames) for _ in chosen))]


def place_lookalike_negatives(count: int = 3000, seed: int = 7) -> list[tuple[str, str]]:
    """Generated negatives: forms of two different known places that are spelt alike (Austria,
    Australia; Niger, Nigeria; Slovakia, Slovenia), from namerec's place lexicon.

    The train splits hold hardly any place names, so without these the ``different_places`` feature
    would never be seen to matter.
    """
    import random

    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    from namerec.equivalents import place_forms, place_group, place_groups

    # The Latin forms only: Latin look-alikes (Austria, Australia) are what string similarity
    # confuses; with the readings of other scripts as well, the 3,000 pairs drawn shifted the other
    # weights enough to cost splink_historical50k's test pool 0.02 of pairwise F1.
    forms = sorted({form for group in place_groups() for form in place_forms(group, written=False)})
    groups = [place_group(form) for form in forms]
    similarity = process.cdist(forms, forms, scorer=Indel.normalized_similarity, score_cutoff=0.7,
                               dtype=np.float32, workers=-1)
    rows, columns = np.nonzero(similarity)  # row-major, as the upper triangle would give them
    pairs = [(forms[i], forms[j]) for i, j in zip(rows.tolist(), columns.tolist())
             if i < j and groups[i] != groups[j]]
    return random.Random(seed).sample(pairs, min(count, len(pairs)))


def _scored_candidates(pools, model) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(log-odds, labels, regime) of the candidate pairs of labelled pools, each pair scored on its
    best reading under ``model`` as the pipeline scores it."""
    from namerec.scoring.model import regime_of
    from namerec.scoring.training import candidate_training_set

    parts = [
        candidate_training_set([r.name for r in pool], [r.entity_id for r in pool],
                               types=[r.entity_type for r in pool], readings_by=model)
        for pool in pools
    ]
    features = np.vstack([f for f, _ in parts])
    return model.log_odds(features), np.concatenate([labels for _, labels in parts]), regime_of(features)


def pool_scaling(model) -> tuple[tuple[float, float], ...]:
    """How the model's log-odds map to probability for candidate pairs of a pool (per regime).

    Fitted on fresh train-split pools (other seeds than the model's), each pair scored on its best
    reading as the pipeline does, each file weighing the same. A file pooled whole (patstat_orgs)
    has no fresh pool: the model was fitted on that very pool, so scaling on it would only stretch
    the model's in-sample confidence. Regimes left without enough fresh pairs (organisations) keep
    the model as fitted, which already learnt them from pool pairs.
    """
    from namerec.scoring.model import platt_scaling

    z, y, regime, weight = [], [], [], []
    for name, n_pools in POOLS.items():
        if name in WHOLE_POOLS:
            continue
        rows = datasets.load_clusters(name)
        pools = (datasets.sample_pool(rows, 1000, seed=200 + seed, split="train") for seed in range(n_pools))
        file_z, labels, file_regime = _scored_candidates(pools, model)
        z.append(file_z)
        y.append(labels)
        regime.append(file_regime)
        weight.append(np.full(len(labels), 1.0 / len(labels)))
        print(f"pool scaling: {name}: {len(labels)} pairs, {labels.mean():.3f} matches", file=sys.stderr)
    return platt_scaling(np.concatenate(z), np.concatenate(y), np.concatenate(regime), np.concatenate(weight),
                         fallback=(1.0, 0.0))


def place_pool_scaling(model) -> tuple[tuple[float, float], ...]:
    """The same as ``pool_scaling``, for pairs of two names typed as places.

    No labelled file of places is at hand, so the places of namerec's own lexicon serve, with the
    lexicon switched off (``datasets.lexicon_places``): their forms are then matched by spelling
    alone, as places the lexicon does not know are. Pools of the train split's places (a quarter of
    the places, split by the cluster files' rule, is kept for the benchmarks), each drawing another
    sample of every place's forms.
    """
    from namerec.equivalents import place_lexicon_off
    from namerec.scoring.model import platt_scaling

    with place_lexicon_off():
        pools = (datasets.split_clusters(datasets.lexicon_places(seed=seed), "train")
                 for seed in range(PLACE_POOLS))
        z, labels, regime = _scored_candidates(pools, model)
    print(f"place pool scaling: {len(labels)} pairs, {labels.mean():.3f} matches", file=sys.stderr)
    return platt_scaling(z, labels, regime, np.ones(len(labels)), fallback=(1.0, 0.0))


def with_pool_scaling(model):
    """``model`` with both pool scalings fitted for it."""
    from namerec.scoring.model import MatchModel

    return MatchModel(model.weights.model_copy(
        update={"pool_scaling": pool_scaling(model), "place_pool_scaling": place_pool_scaling(model)}
    ))


def write_weights(weights) -> Path:
    for regime, (a, b), (pa, pb) in zip(weights.regimes, weights.pool_scaling, weights.place_pool_scaling):
        print(f"  pool scaling {regime}: log-odds x {a:.3f} {b:+.3f}; places x {pa:.3f} {pb:+.3f}",
              file=sys.stderr)
    out = REPO / "namerec" / "scoring" / "weights.json"
    out.write_text(weights.model_dump_json(indent=1) + "\n", encoding="utf-8")
    return out


def training_sources() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    from namerec.config import Config
    from namerec.given_names import known_given_names
    from namerec.pipeline import features_for_pairs
    from namerec.scoring.model import REGIMES, regime_of
    from namerec.scoring.training import candidate_training_set

    sources: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name, n_pools in POOLS.items():
        rows = datasets.load_clusters(name)
        parts = []
        for seed in range(n_pools):
            n_entities = 0 if name in WHOLE_POOLS else 1000
            pool = datasets.sample_pool(rows, n_entities, seed=100 + seed, split="train")
            parts.append(candidate_training_set(
                [r.name for r in pool], [r.entity_id for r in pool], types=[r.entity_type for r in pool],
            ))
        sources[name] = (np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
    person_rows = datasets.split_clusters(datasets.load_clusters("splink_historical50k"), "train")
    negatives = relative_negatives(person_rows, 5000)
    person_types = [("PERSON", "PERSON")] * len(negatives)
    features, *_ = features_for_pairs(negatives, person_types, Config(progress=False))
    # A title taken for a given name ("sir smith") leaves a bare surname, which is no sure negative.
    features = features[regime_of(features) == REGIMES.index("multi_words")]
    sources["generated relatives (negatives)"] = (features, np.zeros(len(features), dtype=bool))
    # Given names from the lexicons: the data's own first words include truncations (Theoph,
    # Kathrin for Kathrina) that are the same name.
    two_words = [r.name.split() for r in person_rows if len(r.name.split()) == 2 and r.name.isascii()]
    surnames = sorted({words[1] for words in two_words})
    couples = gendered_negatives(sorted(known_given_names()), surnames)
    features, *_ = features_for_pairs(couples, [("PERSON", "PERSON")] * len(couples), Config(progress=False))
    sources["generated gendered relatives (negatives)"] = (features, np.zeros(len(features), dtype=bool))
    places = place_lookalike_negatives()
    # Typed LOC and untyped: place equivalence applies to both (an untyped name read as no person).
    place_types = [("LOCATION", "LOCATION"), ("", "")] * (len(places) // 2 + 1)
    features, *_ = features_for_pairs(places, place_types[: len(places)], Config(progress=False))
    sources["generated look-alike places (negatives)"] = (features, np.zeros(len(features), dtype=bool))
    for name in PAIR_FILES:
        rows = datasets.split_pairs(datasets.load_pairs(name), "train")
        features, *_ = features_for_pairs([(r.name1, r.name2) for r in rows], None, Config(progress=False))
        sources[name] = (features, np.asarray([r.is_match for r in rows]))
    return sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", default=None, help="folder of the variant CSV files")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic model")
    parser.add_argument("--cache", default=None,
                        help="an .npz file keeping the training features between runs (reused if present)")
    parser.add_argument("--pool-scaling-only", action="store_true",
                        help="keep the shipped weights and only refit their pool scaling")
    args = parser.parse_args(argv)
    if args.data_dir:
        datasets.set_data_dir(args.data_dir)
    start = time.perf_counter()
    from namerec.scoring.model import MatchModel, shipped_weights

    if args.pool_scaling_only:
        unscaled = {"pool_scaling": None, "place_pool_scaling": None}
        write_weights(with_pool_scaling(MatchModel(shipped_weights().model_copy(update=unscaled))).weights)
        return 0

    if args.cache and Path(args.cache).exists():
        with np.load(args.cache) as saved:
            names = [str(n) for n in saved["names"]]
            sources = {n: (saved[f"x{i}"], saved[f"y{i}"]) for i, n in enumerate(names)}
    else:
        from namerec.records import _background_frequencies

        write_token_frequencies()
        _background_frequencies.cache_clear()
        sources = training_sources()
        if args.cache:
            arrays = {f"x{i}": x for i, (x, _) in enumerate(sources.values())}
            arrays.update({f"y{i}": y for i, (_, y) in enumerate(sources.values())})
            np.savez(args.cache, names=np.asarray(list(sources)), **arrays)
    features = np.vstack([f for f, _ in sources.values()])
    labels = np.concatenate([y for _, y in sources.values()])
    # Each source weighs the same in total; the generated negatives, which only teach one lesson,
    # weigh a twentieth of that.
    weights = np.concatenate([
        np.full(len(y), (GENERATED_WEIGHT if name.startswith("generated") else 1.0) / len(y))
        for name, (_, y) in sources.items()
    ])
    for name, (_, y) in sources.items():
        print(f"{name}: {len(y)} pairs, {y.mean():.3f} matches", file=sys.stderr)
    model = MatchModel.fit(
        features, labels, sample_weight=weights, l2=args.l2,
        trained_on="train splits of " + ", ".join(sources) + " (benchmarks/train_default_scorer.py)",
    )
    model = with_pool_scaling(model)
    out = write_weights(model.weights)
    for name, (f, y) in sources.items():
        p = model.predict(f)
        acc = ((p >= 0.5) == y).mean()
        print(f"  train fit {name}: accuracy {acc:.3f}, mean p {p.mean():.3f} vs rate {y.mean():.3f}",
              file=sys.stderr)
    print(f"weights -> {out} ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
