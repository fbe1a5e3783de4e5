import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from namerec.cluster import cluster_units


def _run(n, edges, *, single=None, cannot=(), types=None, threshold=0.5, written=(), personal=None,
         organisation=None, scripts=None, latin=-1, place=None, place_words=()):
    left = np.array([e[0] for e in edges], dtype=np.int64)
    right = np.array([e[1] for e in edges], dtype=np.int64)
    prob = np.array([e[2] for e in edges], dtype=np.float64)
    cannot_mask = np.array([(e[0], e[1]) in set(cannot) for e in edges], dtype=bool)
    single_word = np.zeros(n, dtype=bool) if single is None else np.array(single, dtype=bool)
    return cluster_units(
        n, left, right, prob, single_word=single_word, cannot_link=cannot_mask,
        type_keys=types or [""] * n, threshold=threshold,
        lone_word_in=np.array([(e[0], e[1]) in set(written) for e in edges], dtype=bool),
        personal=None if personal is None else np.array(personal, dtype=bool),
        organisation=None if organisation is None else np.array(organisation, dtype=bool),
        scripts=None if scripts is None else np.array(scripts), latin_script=latin,
        place=None if place is None else np.array(place, dtype=bool),
        place_word_among=np.array([(e[0], e[1]) in set(place_words) for e in edges], dtype=bool),
    )


def _groups(labels):
    out = {}
    for i, label in enumerate(labels):
        out.setdefault(int(label), set()).add(i)
    return sorted(sorted(g) for g in out.values())


def test_chain_does_not_form():
    # bergman - bergmann strong, bergmann - berman medium, berman - herman medium: no chain.
    edges = [(0, 1, 0.95), (1, 2, 0.55), (2, 3, 0.55)]
    result = _run(4, edges)
    groups = _groups(result.labels)
    assert [0, 1] in groups
    assert not any({0, 3} <= set(g) for g in groups)
    assert not any({0, 2} <= set(g) for g in groups)


def test_average_linkage_needs_most_members_to_agree():
    # 0-1-2 tight; 3 matches only one of them.
    edges = [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.9), (2, 3, 0.9)]
    assert _groups(_run(4, edges).labels) == [[0, 1, 2], [3]]


def test_cannot_link_vetoes_whole_clusters():
    # 0~1 and 2~3 strongly, 1~2 strongly, but 0 and 3 must never share an entity.
    edges = [(0, 1, 0.99), (2, 3, 0.99), (1, 2, 0.99), (0, 2, 0.99), (1, 3, 0.99), (0, 3, 0.2)]
    groups = _groups(_run(4, edges, cannot=[(0, 3)]).labels)
    assert not any({0, 3} <= set(g) for g in groups)


def test_types_never_merge():
    edges = [(0, 1, 0.99)]
    assert _groups(_run(2, edges, types=["person", "org"]).labels) == [[0], [1]]
    assert _groups(_run(2, edges, types=["person", ""]).labels) == [[0, 1]]


def test_one_word_pairs_that_cohere_better_than_they_link_stay_apart():
    # "maran"/"маран" (0, 1) and "maren"/"марен" (2, 3): each a word and its transliteration,
    # linked to the other pair at 0.93 on average, above the one-word threshold of 0.7.
    edges = [(0, 1, 0.997), (2, 3, 0.997), (0, 2, 0.95), (1, 3, 0.95), (0, 3, 0.91), (1, 2, 0.91)]
    single = [True] * 4
    result = cluster_units(
        4, *(np.array(col) for col in zip(*edges)), single_word=np.array(single),
        cannot_link=np.zeros(len(edges), dtype=bool), type_keys=[""] * 4, threshold=0.5,
        one_word_threshold=0.7,
    )
    assert _groups(result.labels) == [[0, 1], [2, 3]]
    # The same links between names of two or more words merge: the rule is for one-word names.
    assert _groups(_run(4, edges).labels) == [[0, 1, 2, 3]]
    # A pair that links as well as it coheres still merges.
    close = [(0, 1, 0.95), (2, 3, 0.95), (0, 2, 0.94), (1, 3, 0.94), (0, 3, 0.93), (1, 2, 0.93)]
    assert _groups(_run(4, close, single=single).labels) == [[0, 1, 2, 3]]
    # Places are not held apart so: "nafplio"/"nafplio" (Ναύπλιο) and "nafplion"/"nauplion".
    places = cluster_units(
        4, *(np.array(col) for col in zip(*edges)), single_word=np.array(single),
        cannot_link=np.zeros(len(edges), dtype=bool), type_keys=["LOC"] * 4, threshold=0.5,
        one_word_threshold=0.7, place=np.ones(4, dtype=bool),
    )
    assert _groups(places.labels) == [[0, 1, 2, 3]]


def test_one_word_clusters_in_no_common_script_are_not_held_apart():
    # "Brown", "Μπράουν" (Latin 0, Greek 1) and "Браун", "ブラウン" (Cyrillic 2, kana 3): each
    # cluster coheres better than the two link, but they share no script, so they are one name.
    edges = [(0, 1, 0.997), (2, 3, 0.997), (0, 2, 0.95), (1, 3, 0.95), (0, 3, 0.91), (1, 2, 0.91)]

    def run(scripts):
        return cluster_units(
            4, *(np.array(col) for col in zip(*edges)), single_word=np.ones(4, dtype=bool),
            cannot_link=np.zeros(len(edges), dtype=bool), type_keys=[""] * 4, threshold=0.5,
            one_word_threshold=0.7, scripts=np.array(scripts),
        )

    assert _groups(run([0, 1, 2, 3]).labels) == [[0, 1, 2, 3]]
    # A script in common (each a Latin word and its Cyrillic transliteration): held apart.
    assert _groups(run([0, 2, 0, 2]).labels) == [[0, 1], [2, 3]]


def test_bare_given_name_joins_its_only_full_name_even_on_weak_evidence():
    # 0, 1 = "georgina king" / "georgina kng"; 2 = "george angus"; 3 = "georgina" (one word).
    edges = [(0, 1, 0.95), (0, 3, 0.15), (1, 3, 0.12), (2, 3, 0.02)]
    single = [False, False, False, True]
    result = _run(4, edges, single=single)
    assert _groups(result.labels) == [[0, 1, 3], [2]]
    assert result.confidence[3] == 0.8  # as sure as such joins proved to be, not its 0.135 mean
    # With a rival full name nearly as likely, the bare name stays apart.
    rival = [(0, 1, 0.95), (0, 3, 0.15), (1, 3, 0.12), (2, 3, 0.1)]
    assert _groups(_run(4, rival, single=single).labels) == [[0, 1], [2], [3]]
    # Weak evidence does not bridge a known type and an unknown one.
    typed = _run(4, edges, single=single, types=["", "", "", "LOC"])
    assert _groups(typed.labels) == [[0, 1], [2], [3]]


def test_weak_evidence_does_not_join_a_bare_word_to_an_organisation():
    # 0, 1 = "akzo nobel n.v." / "akzo nobel nv" (organisations), 2 = "katz" (a bare word, neither).
    edges = [(0, 1, 0.95), (0, 2, 0.2), (1, 2, 0.15)]
    single = [False, False, True]
    companies = _run(3, edges, single=single, personal=[False] * 3, organisation=[True, True, False])
    assert _groups(companies.labels) == [[0, 1], [2]]
    # A one-word organisation ("akzo") may, and so may a bare word into a cluster of people.
    akzo = _run(3, edges, single=single, personal=[False] * 3, organisation=[True, True, True])
    assert _groups(akzo.labels) == [[0, 1, 2]]
    people = _run(3, edges, single=single, personal=[True, True, False], organisation=[False] * 3)
    assert _groups(people.labels) == [[0, 1, 2]]
    # Evidence that reaches the threshold still joins it.
    strong = [(0, 1, 0.95), (0, 2, 0.9), (1, 2, 0.85)]
    joined = _run(3, strong, single=single, personal=[False] * 3, organisation=[True, True, False])
    assert _groups(joined.labels) == [[0, 1, 2]]


def test_partial_name_attaches_only_when_unique():
    # units 0,1 = "max bergman"/"max bergmann", 2 = "bergman" (one word).
    edges = [(0, 1, 0.95), (0, 2, 0.8), (1, 2, 0.8)]
    result = _run(3, edges, single=[False, False, True])
    assert _groups(result.labels) == [[0, 1, 2]]
    # Add "ingrid bergman" (3), which also fits "bergman": now it stays apart, with low confidence.
    edges += [(2, 3, 0.8), (0, 3, 0.1)]
    result = _run(4, edges, single=[False, False, True, False], cannot=[(0, 3)])
    groups = _groups(result.labels)
    assert [2] in groups
    assert result.confidence[2] < 0.5


def test_a_cluster_a_lone_word_may_never_join_is_no_rival():
    # 0,1 = "xi jinping"/"hsi chin ping", 2 = "xi yuanping" (a brother), 3 = 习近平 (one word), which
    # matches its brother almost as well as its own name but is vetoed from joining him.
    edges = [(0, 1, 0.95), (0, 3, 0.99), (1, 3, 0.99), (2, 3, 0.95), (0, 2, 0.3)]
    single = [False, False, False, True]
    assert _groups(_run(4, edges, single=single).labels) == [[0, 1], [2], [3]]  # ambiguous: apart
    vetoed = _run(4, edges, single=single, cannot=[(2, 3)])
    assert _groups(vetoed.labels) == [[0, 1, 3], [2]]


def test_a_lone_word_joins_the_only_cluster_holding_it_as_written():
    # 0,1 = "richard slater"/"dick slater", 2,3 = "arthur salter"/"art salter", 4 = "slater".
    edges = [(0, 1, 0.9), (2, 3, 0.9), (0, 4, 0.75), (1, 4, 0.8), (2, 4, 0.46), (3, 4, 0.4)]
    single = [False, False, False, False, True]
    assert _groups(_run(5, edges, single=single).labels) == [[0, 1], [2, 3], [4]]  # salter rivals
    result = _run(5, edges, single=single, written=[(0, 4), (1, 4)])
    assert _groups(result.labels) == [[0, 1, 4], [2, 3]]
    # Two clusters holding the word (two Slaters): it stays apart; so it does when no pair into
    # its holder reaches the threshold.
    assert [4] in _groups(_run(5, edges, single=single, written=[(0, 4), (2, 4)]).labels)
    weak = [(0, 1, 0.9), (2, 3, 0.9), (0, 4, 0.45), (2, 4, 0.4)]
    assert [4] in _groups(_run(5, weak, single=single, written=[(0, 4)]).labels)
    # Nor does it bridge a known type and an unknown one (a place "Washington", George Washington).
    typed = _run(5, edges, single=single, written=[(0, 4), (1, 4)], types=["", "", "", "", "LOC"])
    assert [4] in _groups(typed.labels)


def test_singleton_confidence_is_one_minus_best_outside_probability():
    result = _run(2, [(0, 1, 0.3)])
    assert np.allclose(result.confidence, [0.7, 0.7])


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_clustering_is_a_partition_and_labels_are_cluster_minimums(data):
    n = data.draw(st.integers(1, 12))
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=30))
    edges = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    probs = data.draw(st.lists(st.floats(0, 1), min_size=len(edges), max_size=len(edges)))
    single = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    result = _run(n, [(a, b, p) for (a, b), p in zip(edges, probs)], single=single)
    assert len(result.labels) == n
    for i, label in enumerate(result.labels):
        assert label <= i and result.labels[label] == label
    assert np.all((result.confidence >= 0) & (result.confidence <= 1))


def test_unscored_pairs_keep_two_groups_of_names_apart_unless_they_are_organisations():
    # Two groups of six multi-word names, each tight, joined by only five scored pairs of their 36:
    # look-alike people that blocking happened to pair ("john fox" / "jean fox") stay apart, while
    # an organisation's variants, whose pairs blocking misses more often, still come together.
    group_a, group_b = range(6), range(6, 12)
    edges = [(i, j, 0.95) for g in (group_a, group_b) for i in g for j in g if i < j]
    edges += [(i, i + 6, 0.9) for i in range(5)]
    left, right, prob = (np.array(col) for col in zip(*edges))
    common = dict(single_word=np.zeros(12, dtype=bool), cannot_link=np.zeros(len(edges), dtype=bool),
                  type_keys=[""] * 12, threshold=0.5)
    people = cluster_units(12, left, right, prob, **common)
    assert _groups(people.labels) == [list(group_a), list(group_b)]
    companies = dict(personal=np.zeros(12, dtype=bool), organisation=np.ones(12, dtype=bool))
    organisations = cluster_units(12, left, right, prob, **companies, **common)
    assert _groups(organisations.labels) == [list(range(12))]
    # One name read as an organisation in each group of people ("William Banks") changes nothing.
    stray = dict(personal=np.ones(12, dtype=bool), organisation=np.isin(np.arange(12), [0, 6]))
    assert _groups(cluster_units(12, left, right, prob, **stray, **common).labels) == _groups(people.labels)
    # A group of people and a company's group: the people's side weighs the unscored pairs ("Ned
    # Philipp" and "N. Philips" do not bring the Philipses into Philips N.V.).
    mixed = dict(personal=np.arange(12) < 6, organisation=np.arange(12) >= 6)
    assert _groups(cluster_units(12, left, right, prob, **mixed, **common).labels) == _groups(people.labels)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 40).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))))
def test_components_label_each_node_with_the_smallest_node_it_is_connected_to(graph):
    from namerec.cluster import _components

    n, edges = graph
    reach = {u: {u} for u in range(n)}  # transitive closure, the slow way
    changed = True
    while changed:
        changed = False
        for a, b in edges:
            joined = reach[a] | reach[b]
            if joined != reach[a] or joined != reach[b]:
                for u in joined:
                    reach[u] = joined
                changed = True
    left = np.array([a for a, _ in edges], dtype=np.int64)
    right = np.array([b for _, b in edges], dtype=np.int64)
    assert _components(n, left, right).tolist() == [min(reach[u]) for u in range(n)]


def test_a_one_word_place_joins_no_longer_place_on_a_weak_pair_alone():
    # 0, 1 = "mae hong son" / "maehong son"; 2 = "malong" (馬籠, Magome, read as Chinese): a weak,
    # unrivalled look-alike pair. A bare given name would join its only full name so; a place not.
    edges = [(0, 1, 0.95), (0, 2, 0.14), (1, 2, 0.12)]
    single = [False, False, True]
    assert _groups(_run(3, edges, single=single).labels) == [[0, 1, 2]]
    places = _run(3, edges, single=single, types=["LOC"] * 3, place=[True] * 3)
    assert _groups(places.labels) == [[0, 1], [2]]
    # A pair that reaches the threshold still joins it.
    strong = [(0, 1, 0.95), (0, 2, 0.9), (1, 2, 0.85)]
    assert _groups(_run(3, strong, single=single, types=["LOC"] * 3, place=[True] * 3).labels) == [[0, 1, 2]]
    # So does a weak pair into a longer name that has the word: "guangdong", "guangdong province".
    held = _run(3, edges, single=single, types=["LOC"] * 3, place=[True] * 3, place_words=[(0, 2)])
    assert _groups(held.labels) == [[0, 1, 2]]


def test_a_one_word_name_joined_to_a_longer_names_cluster_counts_as_one_of_its_names():
    # 0, 3 = "al hasakah" / "al hska" (الحسكة); 1 = "hasakah", 2 = "hassakeh" (one word each). 1 joins
    # 0 and 3 first. 2's pair with 0 was never scored, and with 3 alone its mean falls short (0.495);
    # its pair with 1, now one of their names, counts too.
    edges = [(0, 3, 0.99), (0, 1, 0.99), (1, 3, 0.99), (2, 3, 0.99), (1, 2, 0.95)]
    result = _run(4, edges, single=[False, True, True, False], types=["LOC"] * 4, place=[True] * 4)
    assert _groups(result.labels) == [[0, 1, 2, 3]]


def test_a_lone_word_clusters_with_its_better_one_word_partner_before_joining_weakly():
    # 0 = "british guiana" (two words); 1 = "guiyana", 2 = "guyana": the lone words match each
    # other (0.98) far better than 1 matches the longer name (0.30; 2 was not compared with it).
    result = _run(3, [(1, 2, 0.98), (0, 1, 0.30)], single=[False, True, True])
    assert _groups(result.labels) == [[0, 1, 2]]  # not [[0, 1], [2]]
    # Without the partner the lone word still joins its only longer name on weak evidence.
    alone = _run(3, [(0, 1, 0.30)], single=[False, True, True])
    assert alone.labels[0] == alone.labels[1]


def test_unscored_pairs_of_two_scripts_other_than_latin_do_not_count_against_a_merge():
    # One-word clusters {0 Latin, 1 Greek} and {2 Cyrillic, 3 Hebrew, 4 Cyrillic} (script ids 0-3,
    # Latin 0). Blocking compares Latin with every script, but Greek with Cyrillic or Hebrew only
    # through shared keys: of those pairs it scored one (1, 2).
    edges = [(0, 1, 0.9), (2, 3, 0.9), (3, 4, 0.9), (2, 4, 0.9),
             (0, 2, 0.7), (0, 3, 0.7), (0, 4, 0.7), (1, 2, 0.7)]
    single = [True] * 5
    mixed = _run(5, edges, single=single, scripts=[0, 1, 2, 3, 2], latin=0)
    assert _groups(mixed.labels) == [[0, 1, 2, 3, 4]]
    # All in one script, the two pairs left unscored are evidence of two names: kept apart.
    same = _run(5, edges, single=single, scripts=[0] * 5, latin=0)
    assert _groups(same.labels) == [[0, 1], [2, 3, 4]]
