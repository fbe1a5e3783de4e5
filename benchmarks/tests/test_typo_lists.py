from benchmarks.typo_lists import _typo, typo_list


def test_a_typo_list_is_seeded_and_holds_every_person():
    rows = typo_list(5, 50)
    assert rows == typo_list(5, 50)
    assert rows != typo_list(6, 50)
    people = {entity for _, entity, _ in rows}
    assert len(people) == 50 and all(kind == "PERSON" for _, _, kind in rows)
    assert 3 * 50 <= len(rows) <= 6 * 50  # each person written 3 to 6 ways, some alike


def test_a_typo_changes_a_word_by_little():
    import random

    rnd = random.Random(0)
    for word in ("margaret", "johnson", "elizabeth"):
        for _ in range(50):
            typo = _typo(word, rnd)
            assert abs(len(typo) - len(word)) <= 1
