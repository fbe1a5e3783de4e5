"""How good are namerec's phonetic keys as blocking keys? Recall and precision of key collisions.

Keys evaluated: ``skeleton`` equality, ``daitch_mokotoff`` overlap (any shared code), ``double_metaphone``
overlap, and the union "skeleton or DM". Data (TRAIN split only; tuning never looks at the test split):

- ``wikidata_ru_translit.csv``: groups of spellings of one name part (Latin forms + a Russian form).
  Every form is folded with ``anyascii`` + lowercase + letters/digits only (this script only; namerec's
  own normaliser does the real work). Items are the distinct folded strings; a true pair is two
  distinct strings of one group.
- ``ancestry_surnames_pairs.csv``: labelled surname pairs with hard negatives. True pairs are the pairs
  labelled as matches. Precision is given twice: over the labelled pairs ("labelled", against the
  hard negatives), and over every colliding pair of names in the pool ("pool", unlabelled pairs
  counted as wrong, so a lower bound).

Recall = share of true pairs whose keys collide; precision = share of colliding pairs that are true;
"pairs" = number of distinct colliding pairs (the blocking cost).

Run: ``.venv/bin/python benchmarks/eval_skeleton.py [--split train|test] [--data DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

from anyascii import anyascii

from namerec.phonetic import daitch_mokotoff, double_metaphone, skeleton

KeyFunc = Callable[[str], Iterable[str]]
Pair = tuple[str, str]

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "variants"
_NON_ALNUM = re.compile("[^a-z0-9]+")


def fold(text: str) -> str:
    """Stand-in for namerec's normaliser: ASCII transliteration, lowercase, letters and digits only."""
    return _NON_ALNUM.sub("", anyascii(text).lower())


def in_split(key: str, split: str) -> bool:
    """The project's split rule: test when the last hex digit of sha1(key) is 0-3."""
    is_test = hashlib.sha1(key.encode("utf-8")).hexdigest()[-1] in "0123"
    return is_test == (split == "test")


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def load_wikidata(path: Path, split: str) -> tuple[set[str], set[Pair], set[Pair]]:
    """Items, true pairs, and no labelled negatives (the file has groups, not pairs)."""
    groups: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if in_split(row["entity_id"], split):
                folded = fold(row["name"])
                if folded:
                    groups[row["entity_id"]].add(folded)
    items = set().union(*groups.values())
    true_pairs = {_pair(a, b) for forms in groups.values() for a, b in combinations(sorted(forms), 2)}
    return items, true_pairs, set()


def load_pairs(path: Path, split: str) -> tuple[set[str], set[Pair], set[Pair]]:
    """Items, true (match) pairs and labelled non-match pairs of a pair file."""
    items: set[str] = set()
    true_pairs: set[Pair] = set()
    false_pairs: set[Pair] = set()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not in_split(row["name1"], split):
                continue
            a, b = fold(row["name1"]), fold(row["name2"])
            if not a or not b or a == b:
                continue
            items.update((a, b))
            (true_pairs if row["is_match"] == "True" else false_pairs).add(_pair(a, b))
    return items, true_pairs, false_pairs - true_pairs


def evaluate(
    keys_of: KeyFunc, items: set[str], true_pairs: set[Pair], false_pairs: set[Pair]
) -> dict[str, float]:
    """Recall, pool precision, labelled precision and number of colliding pairs for one key."""
    keys = {item: frozenset(keys_of(item)) for item in items}
    buckets: dict[str, list[str]] = defaultdict(list)
    for item, item_keys in keys.items():
        for key in item_keys:
            buckets[key].append(item)
    # Distinct colliding pairs: for each item, the union of its buckets (a pair sharing two keys
    # is counted once).
    colliding = 0
    for item, item_keys in keys.items():
        neighbours: set[str] = set()
        for key in item_keys:
            neighbours.update(buckets[key])
        neighbours.discard(item)
        colliding += len(neighbours)
    colliding //= 2

    def collide(pair: Pair) -> bool:
        return not keys[pair[0]].isdisjoint(keys[pair[1]])

    hits = sum(collide(p) for p in true_pairs)
    result = {
        "recall": hits / len(true_pairs),
        "precision_pool": hits / colliding if colliding else 1.0,
        "pairs": float(colliding),
    }
    if false_pairs:
        false_hits = sum(collide(p) for p in false_pairs)
        result["precision_labelled"] = hits / (hits + false_hits) if hits + false_hits else 1.0
    return result


KEYS: dict[str, KeyFunc] = {
    "skeleton": lambda t: (skeleton(t),),
    "daitch_mokotoff": daitch_mokotoff,
    "double_metaphone": double_metaphone,
    "skeleton|dm": lambda t: (f"sk:{skeleton(t)}", *(f"dm:{c}" for c in daitch_mokotoff(t))),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "test"), default="train")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    datasets = {
        "wikidata_ru_translit": load_wikidata(args.data / "wikidata_ru_translit.csv", args.split),
        "ancestry_surnames": load_pairs(args.data / "ancestry_surnames_pairs.csv", args.split),
    }
    for name, (items, true_pairs, false_pairs) in datasets.items():
        print(
            f"\n{name} ({args.split}): {len(items)} strings, {len(true_pairs)} true pairs"
            + (f", {len(false_pairs)} labelled non-matches" if false_pairs else "")
        )
        print(f"{'key':<18}{'recall':>8}{'prec(pool)':>12}{'prec(label)':>13}{'pairs':>11}")
        for key_name, keys_of in KEYS.items():
            r = evaluate(keys_of, items, true_pairs, false_pairs)
            labelled = f"{r['precision_labelled']:.3f}" if "precision_labelled" in r else "-"
            print(
                f"{key_name:<18}{r['recall']:>8.3f}{r['precision_pool']:>12.3f}{labelled:>13}"
                f"{int(r['pairs']):>11}"
            )

    print("\nspeed, uncached (microseconds per token, over the wikidata strings):")
    tokens = sorted(datasets["wikidata_ru_translit"][0])
    for func in (daitch_mokotoff, double_metaphone, skeleton):
        run = func.__wrapped__
        start = time.perf_counter()
        for token in tokens:
            run(token)
        print(f"  {func.__name__:<18}{(time.perf_counter() - start) / len(tokens) * 1e6:6.1f} us")


if __name__ == "__main__":
    main()
