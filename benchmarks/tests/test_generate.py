"""The synthetic variant generator: seeded, distinct, labelled, and each operation does its job."""

from __future__ import annotations

import random

from benchmarks import generate as gen
from benchmarks.datasets import ClusterRow

ROWS = [
    ClusterRow("Robert Smith", "p1", "PER"),
    ClusterRow("william henry jones", "p2", "PER"),
    ClusterRow("клаус", "r1", "PER"),
    ClusterRow("GENENCOR INTERNATIONAL B.V.", "o1", "ORG"),
    ClusterRow("Acme Widgets", "o2", "ORG"),
]


def test_seeded_distinct_and_labelled():
    a = gen.generate_variants(ROWS, 60, seed=3)
    assert a == gen.generate_variants(ROWS, 60, seed=3)
    assert a != gen.generate_variants(ROWS, 60, seed=4)
    names = [v.name for v in a]
    assert len(set(names)) == 60
    assert not set(names) & {r.name for r in ROWS}
    by_name = {r.name: r.entity_id for r in ROWS}
    assert all(by_name[v.source] == v.entity_id for v in a)


def test_top_up_reaches_target():
    extra = gen.top_up(ROWS + [ROWS[0]], 40, seed=1)
    assert len(extra) == 40 - len(ROWS)
    assert gen.top_up(ROWS, 3) == []


def test_operations():
    rnd = random.Random(0)
    assert gen.order_swap("Robert Smith", rnd) == "Smith, Robert"
    assert gen.initial("Robert Smith", rnd) == "R. Smith"
    assert gen.initial("robert smith", rnd) == "r. smith"
    assert gen.drop_token("Robert", rnd) is None
    assert gen.nickname("Robert Smith", random.Random(1)).endswith(" Smith")
    assert gen.title("клаус", rnd) is None
    stripped = gen.legal_form("GENENCOR INTERNATIONAL B.V.", random.Random(0))
    assert stripped is not None and stripped != "GENENCOR INTERNATIONAL B.V."
    added = gen.legal_form("Acme Widgets", rnd)
    assert added.startswith("Acme Widgets") and len(added) > len("Acme Widgets")
    for seed in range(30):
        t = gen.typo("клаус", random.Random(seed))
        assert t is None or all(c in gen.CYRILLIC for c in t)
        t = gen.typo("Smith", random.Random(seed))
        assert t is None or abs(len(t) - 5) <= 1
